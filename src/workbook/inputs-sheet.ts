import {quarterOffset, type ModelInput} from "../model/index.js";
import {pathValue} from "../model/rates.js";
import {formula, type BookBuilder, type CellValue, type RowFormat} from "./layout.js";

/**
 * The inputs sheet: every assumption of the model, one per row, labelled with its unit and
 * its source. Everything on the other sheets is a formula over these cells, so changing
 * one here recomputes the model in the spreadsheet.
 */
export const INPUTS = "Inputs";

/** Where an input comes from, by its field in the model input (e.g. "revenue.growth"). */
export type SourceOf = (field: string) => string;

/** A marker for "no maturity" that every formula compares as later than any quarter. */
export const NO_MATURITY = 9999;

export function inputsSheet(book: BookBuilder, input: ModelInput, sourceOf: SourceOf): void {
  const sheet = book.sheet(INPUTS, false);
  const scalar = (key: string, label: string, unit: string, field: string, value: CellValue, format: RowFormat = "money") =>
    sheet.scalar({key, label, unit, note: sourceOf(field), format, value: () => value});
  const path = (key: string, label: string, unit: string, field: string, values: (t: number) => CellValue, format: RowFormat) =>
    sheet.quarters({key, label, unit, note: sourceOf(field), format, kind: "input", cell: values});
  const helper = (key: string, label: string, unit: string, text: string, value: () => string) =>
    sheet.scalar({key, label, unit, note: text, format: "count", kind: "formula", value: () => formula(value())});
  // A quarter label's ordinal (quarters since year 0), in functions every spreadsheet has.
  const ordinal = (cell: string) => `(VALUE(LEFT(${cell},4))*4+VALUE(RIGHT(${cell},1))-1)`;
  const at = (key: string) => book.cell(INPUTS, key, 0, INPUTS, true);
  // Dated amounts (draws, prepayments) summed by the quarter they fall in.
  const inQuarter = (dated: readonly {quarter: string; amount: number}[]) => (t: number) =>
    dated.filter((d) => quarterOffset(input.start, d.quarter) === t).reduce((sum, d) => sum + d.amount, 0);
  const offsetOf = (labelKey: string) => () => `IF(${at(labelKey)}="none",${NO_MATURITY},${ordinal(at(labelKey))}-${ordinal(at("start"))})`;

  sheet.heading("The company");
  scalar("start", "First projected quarter", "quarter", "start", input.start, "text");
  scalar("openingCash", "Opening cash", "USD m", "openingCash", input.openingCash);
  scalar("minimumCash", "Minimum cash held", "USD m", "minimumCash", input.minimumCash);
  scalar("revenueLast", "Revenue of the quarter before the first", "USD m", "revenue.lastQuarter", input.revenue.lastQuarter);
  scalar("backlogFollows", "Revenue follows the backlog (else growth that fades): 1 = yes", "1 = yes", "revenue.backlog.follows", input.revenue.backlog?.follows ? 1 : 0, "count");
  scalar("backlogOpening", "Backlog (remaining performance obligations) at the start", "USD m", "revenue.backlog.opening", input.revenue.backlog?.opening ?? 0);
  scalar("bookings", "Bookings of the quarter before the first (growth applies to them)", "USD m", "revenue.backlog.bookings", input.revenue.backlog?.bookings ?? 0);
  scalar("backlogTerm", "The backlog's weighted remaining term", "quarters", "revenue.backlog.termQuarters", input.revenue.backlog?.termQuarters ?? 1, "ratio");
  scalar("customerShare", "Largest customer's share of revenue", "share", "revenue.largestCustomer.share", input.revenue.largestCustomer?.share ?? 0, "rate");
  scalar("customerStops", "Largest customer stops paying from (none: never)", "quarter", "revenue.largestCustomer.stopsFrom", input.revenue.largestCustomer?.stopsFrom ?? "none", "text");
  helper("customerStopsOffset", "… that is, quarter offset", "quarters from the first", "worked out from the label", offsetOf("customerStops"));
  scalar("customerDefaults", "… because it defaults (its last quarter's billing is lost): 1 = yes", "1 = yes", "revenue.largestCustomer.because", input.revenue.largestCustomer?.because === "default" ? 1 : 0, "count");
  scalar("taxRate", "Tax rate on EBIT less reported interest and leases", "share", "taxRate", input.taxRate, "rate");
  scalar("openingDepreciation", "Depreciation of assets held at the start (beyond the vintages below)", "USD m a quarter", "depreciation", input.depreciation.openingPerQuarter);
  scalar("openingDepreciationQuarters", "… for this many quarters", "quarters", "depreciation", input.depreciation.openingRemainingQuarters, "count");
  scalar("capexLife", "Useful life of capex (straight line; replaced when it ends)", "quarters", "depreciation", input.depreciation.capexLifeQuarters, "count");
  scalar("capexFollows", "Capex follows growth (else the capex path below): 1 = yes", "1 = yes", "capexIntensity.follows", input.capexIntensity?.follows ? 1 : 0, "count");
  scalar("capexIntensity", "Capex per USD of added annual revenue (if it follows growth)", "USD", "capexIntensity.perAddedAnnualRevenue", input.capexIntensity?.perAddedAnnualRevenue ?? 0, "ratio");
  scalar("capexLead", "Quarters from buying capacity to earning from it (0 to 8)", "quarters", "capexIntensity.leadQuarters", input.capexIntensity?.leadQuarters ?? 0, "count");
  scalar("convention", "Interest convention: endOfPeriod or average", "text", "interestConvention", input.interestConvention, "text");
  scalar("leaseLiability", "Lease liability at the start", "USD m", "leases", input.leases?.liability ?? 0);
  scalar("leaseQuarters", "… running down straight line over", "quarters", "leases", input.leases?.remainingQuarters ?? 1, "count");
  scalar("sweepShare", "Cash sweep: share of excess cash", "share", "cashSweep", input.cashSweep?.share ?? 0, "rate");
  scalar("sweepBuffer", "Cash sweep: buffer above minimum cash", "USD m", "cashSweep", input.cashSweep?.buffer ?? 0);
  if (input.costs.kind === "lines") {
    input.costs.lines.forEach((line, i) => {
      scalar(`line${i}.fixed`, `${line.name}: fixed cost of the quarter before the first`, "USD m", "costs", line.fixedPerQuarter);
      scalar(`line${i}.fixedGrowth`, `${line.name}: growth of the fixed cost`, "a quarter", "costs", line.fixedGrowth, "rate");
    });
  }
  helper("startOrdinal", "First projected quarter, as quarters since year 0", "quarters", "worked out from the label", () => ordinal(at("start")));

  // Three blocks of one row a vintage (quarters, amounts, offsets), so that the ledger can
  // read each as a range.
  const vintages = input.depreciation.vintages;
  if (vintages.length > 0) {
    sheet.heading("Capex vintages before the first quarter: each depreciated over the life above and replaced when it ends");
    vintages.forEach((v, i) => scalar(`vintage${i}.quarter`, `Vintage ${i + 1}: spent in`, "quarter", `depreciation.vintages[${i}]`, v.quarter, "text"));
    vintages.forEach((v, i) => scalar(`vintage${i}.amount`, `Vintage ${i + 1}: capex spent`, "USD m", `depreciation.vintages[${i}]`, v.amount));
    vintages.forEach((_, i) => helper(`vintage${i}.offset`, `Vintage ${i + 1}: quarter offset (below 0: before the first)`, "quarters from the first", "worked out from the label", () => `${ordinal(at(`vintage${i}.quarter`))}-${ordinal(at("start"))}`));
  }

  sheet.heading("Refinancing at maturity and new borrowing");
  scalar("shareRolled", "Share of principal due rolled", "share", "refinancing", input.refinancing.shareRolled, "rate");
  scalar("refiSpread", "Spread of rolled debt over the reference rate", "a year", "refinancing", input.refinancing.spread, "rate");
  scalar("refiTenor", "Tenor of rolled debt", "quarters", "refinancing", input.refinancing.tenorQuarters, "count");
  scalar("refiFee", "Refinancing fee on the amount rolled", "share", "refinancing", input.refinancing.feeRate, "rate");
  scalar("nbLimit", "New borrowing: the most that can be borrowed, gross", "USD m", "newBorrowing", input.newBorrowing.limit);
  const nbPerQuarter = input.newBorrowing.perQuarter;
  sheet.scalar({
    key: "nbPerQuarter", label: "New borrowing: the most a quarter, gross", unit: "USD m", format: "money",
    note: nbPerQuarter === undefined ? "none set: the limit itself, the same as no cap a quarter" : sourceOf("newBorrowing.perQuarter"),
    value: () => nbPerQuarter ?? input.newBorrowing.limit
  });
  scalar("nbSpread", "New borrowing: spread over the reference rate", "a year", "newBorrowing", input.newBorrowing.spread, "rate");
  scalar("nbTenor", "New borrowing: tenor from its first draw", "quarters", "newBorrowing", input.newBorrowing.tenorQuarters, "count");
  scalar("nbFee", "New borrowing: upfront fee", "share", "newBorrowing", input.newBorrowing.feeRate, "rate");
  scalar("equityShut", "Equity markets shut with debt markets (no equity raised while shut): 1 = yes", "1 = yes", "marketShutIncludesEquity", input.marketShutIncludesEquity ? 1 : 0, "count");

  sheet.heading("Per quarter (a path: one value a quarter)", book.quarters);
  path("growth", "Growth: of revenue, or of bookings when revenue follows the backlog", "a quarter", "revenue.growth", (t) => pathValue(input.revenue.growth, t), "rate");
  const costs = input.costs;
  if (costs.kind === "margin") {
    path("margin", "EBITDA margin", "share of revenue", "costs.ebitdaMargin", (t) => pathValue(costs.ebitdaMargin, t), "rate");
  } else {
    costs.lines.forEach((line, i) => path(`line${i}.share`, `${line.name}: variable cost`, "share of revenue", "costs", (t) => pathValue(line.shareOfRevenue, t), "rate"));
  }
  path("capex", "Capex, at the reported pace (when it does not follow growth)", "USD m", "capex", (t) => pathValue(input.capex, t), "money");
  path("equityRaised", "Equity raised, at the quarter's start", "USD m", "equityRaised", (t) => pathValue(input.equityRaised, t), "money");
  path("baseRate", "Reference rate (e.g. term SOFR), or its change", "a year", "baseRate", (t) => pathValue(input.baseRate, t), "rate");
  path("capitalisedShare", "Share of interest capitalised", "share", "capitalisedInterestShare", (t) => pathValue(input.capitalisedInterestShare, t), "rate");
  path("leasePayments", "Lease payments", "USD m", "leases", (t) => (input.leases ? pathValue(input.leases.paymentPerQuarter, t) : 0), "money");
  const shutOffsets = input.refinancing.marketShut.map((w) => [quarterOffset(input.start, w.from), quarterOffset(input.start, w.to)] as const);
  path("marketShut", "Debt markets shut (1) or open (0)", "1 = shut", "refinancing.marketShut", (t) => (shutOffsets.some(([from, to]) => t >= from && t <= to) ? 1 : 0), "count");

  input.facilities.forEach((f, i) => {
    const p = `f${i}.`;
    const field = `facilities[${i}].`;
    sheet.heading(`Facility: ${f.name}`);
    scalar(`${p}principal`, "Drawn at the start", "USD m", `${field}principal`, f.principal);
    scalar(`${p}rateType`, "Rate: fixed or floating", "text", `${field}rate.type`, f.rate.type, "text");
    scalar(`${p}fixedRate`, "Fixed rate (if fixed)", "a year", `${field}rate`, f.rate.type === "fixed" ? f.rate.annualRate : 0, "rate");
    scalar(`${p}spread`, "Spread over the reference rate (if floating)", "a year", `${field}rate`, f.rate.type === "floating" ? f.rate.spread : 0, "rate");
    scalar(`${p}hasFloor`, "Floor on the reference rate: 1 = yes", "1 = yes", `${field}rate`, f.rate.type === "floating" && f.rate.floor !== undefined ? 1 : 0, "count");
    scalar(`${p}floor`, "Floor (if any)", "a year", `${field}rate`, f.rate.type === "floating" ? f.rate.floor ?? 0 : 0, "rate");
    scalar(`${p}amortisation`, "Repayment: bullet, straightLine or annuity", "text", `${field}amortisation`, f.amortisation.type, "text");
    scalar(`${p}maturity`, "Matures at the end of", "quarter", `${field}maturity`, f.maturity, "text");
    helper(`${p}maturityOffset`, "… that is, quarter offset", "quarters from the first", "worked out from the label", offsetOf(`${p}maturity`));
    scalar(`${p}upfrontFee`, "Upfront fee on each draw", "share", `${field}upfrontFeeRate`, f.upfrontFeeRate, "rate");
    scalar(`${p}commitmentFee`, "Commitment fee on undrawn amounts", "a year", `${field}commitmentFeeRate`, f.commitmentFeeRate, "rate");
    scalar(`${p}refinanceable`, "Refinanced at maturity on the terms above: 1 = yes", "1 = yes", `${field}refinanceable`, f.refinanceable ? 1 : 0, "count");
    scalar(`${p}pik`, "Share of interest paid in kind", "share", `${field}pikShare`, f.pikShare, "rate");
    scalar(`${p}discount`, "Unamortised discount and issuance costs", "USD m", `${field}discount`, f.discount);
    scalar(`${p}hedgeType`, "Hedge: none, swap or cap", "text", `${field}hedge`, f.hedge?.type ?? "none", "text");
    scalar(`${p}hedgeNotional`, "Hedge notional", "USD m", `${field}hedge`, f.hedge?.notional ?? 0);
    scalar(`${p}hedgeRate`, "Swap's fixed rate or cap's strike", "a year", `${field}hedge`, f.hedge ? (f.hedge.type === "swap" ? f.hedge.fixedRate : f.hedge.strike) : 0, "rate");
    scalar(`${p}hedgeUntil`, "Hedge runs to the end of", "quarter", `${field}hedge`, f.hedge?.until ?? input.start, "text");
    helper(`${p}hedgeUntilOffset`, "… that is, quarter offset", "quarters from the first", "worked out from the label", offsetOf(`${p}hedgeUntil`));
    f.covenants.forEach((c, j) => {
      const q = `${p}cov${j}.`;
      const at = `${field}covenants[${j}]`;
      sheet.scalar({key: `${q}kind`, label: `Covenant ${j + 1}: minimumLiquidity, interestCoverage, maximumLeverage or dscr`, unit: "text", note: "the formulas below are laid out for this kind", format: "text", kind: "formula", value: () => c.kind});
      scalar(`${q}threshold`, `Covenant ${j + 1}: threshold`, c.kind === "minimumLiquidity" ? "USD m" : "×", at, c.threshold, c.kind === "minimumLiquidity" ? "money" : "ratio");
      scalar(`${q}consequence`, `Covenant ${j + 1}: on a breach, waiver, ${c.kind === "minimumLiquidity" ? "equityCure or " : ""}accelerate`, "text", at, c.consequence.type, "text");
      scalar(`${q}fee`, `Covenant ${j + 1}: waiver fee, paid the next quarter`, "USD m", at, c.consequence.type === "waiver" ? c.consequence.fee : 0);
      scalar(`${q}stepUp`, `Covenant ${j + 1}: waiver's step-up in the rate (once)`, "a year", at, c.consequence.type === "waiver" ? c.consequence.spreadStepUp : 0, "rate");
      scalar(`${q}cureLimit`, `Covenant ${j + 1}: equity cures allowed in all`, "USD m", at, c.consequence.type === "equityCure" ? c.consequence.limit : 0);
    });
    scalar(`${p}prepaymentPremium`, "Call premium on an amount prepaid", "share", `${field}prepaymentPremium`, f.prepaymentPremium, "rate");
    path(`${p}draws`, "Delayed draws, at the quarter's start", "USD m", `${field}draws`, inQuarter(f.draws), "money");
    path(`${p}prepayments`, "Optional prepayment asked, at the quarter's end (from cash above the minimum)", "USD m", `${field}prepayments`, inQuarter(f.prepayments), "money");
  });

  const r = input.revolver;
  if (r) {
    sheet.heading(`Revolver: ${r.name}`);
    scalar("rev.capacity", "Capacity", "USD m", "revolver.capacity", r.capacity);
    scalar("rev.drawn", "Drawn at the start", "USD m", "revolver.drawn", r.drawn);
    scalar("rev.rateType", "Rate: fixed or floating", "text", "revolver.rate", r.rate.type, "text");
    scalar("rev.fixedRate", "Fixed rate (if fixed)", "a year", "revolver.rate", r.rate.type === "fixed" ? r.rate.annualRate : 0, "rate");
    scalar("rev.spread", "Spread over the reference rate (if floating)", "a year", "revolver.rate", r.rate.type === "floating" ? r.rate.spread : 0, "rate");
    scalar("rev.hasFloor", "Floor on the reference rate: 1 = yes", "1 = yes", "revolver.rate", r.rate.type === "floating" && r.rate.floor !== undefined ? 1 : 0, "count");
    scalar("rev.floor", "Floor (if any)", "a year", "revolver.rate", r.rate.type === "floating" ? r.rate.floor ?? 0 : 0, "rate");
    scalar("rev.commitmentFee", "Commitment fee on the undrawn capacity", "a year", "revolver.commitmentFeeRate", r.commitmentFeeRate, "rate");
    scalar("rev.maturity", "Matures at the end of (none: no maturity)", "quarter", "revolver.maturity", r.maturity ?? "none", "text");
    helper("rev.maturityOffset", "… that is, quarter offset", "quarters from the first", "worked out from the label", offsetOf("rev.maturity"));
  }
}
