import {addQuarters, quarterOffset, quarterOfMonth, type ModelInputDraft} from "../model/index.js";
import {fadingGrowth, INPUTS} from "./inputs-table.js";

/**
 * The base case: CoreWeave's reported figures where the dataset holds them, and stated
 * assumptions where it does not. Every input carries its provenance, so the page can say
 * which number is a filing's and which is ours.
 */
export interface FacilityFigure {
  readonly as_of: string;
  readonly accession?: string;
  /** How sure the dataset is of the table the row belongs to; an unconfirmed table stays out of the base case. */
  readonly status?: string;
  readonly facility: string;
  readonly maturity_to: string; // YYYY-MM
  readonly effective_rate_low: number | null;
  readonly effective_rate_high: number | null;
  readonly principal: number;
  readonly source: string;
  readonly locator: string;
}
export interface FinancialFigure {
  readonly period: string;
  readonly line_item: string;
  readonly value: number;
  readonly source: string;
  readonly locator: string;
  /** "reported", "confirmed" (an extraction a second source or an identity confirms) or "derived" (a quarter from longer periods). */
  readonly status?: string;
  /** The filing's SEC accession number(s), where known. */
  readonly accession?: string;
}

/** Unamortised discount and issuance costs at a date the debt table lists facilities for (USD millions). */
export interface DiscountFigure {
  readonly as_of: string;
  readonly amount: number;
  readonly source: string;
  readonly locator: string;
}

/** Debt issued after a debt table's date, as an 8-K states it (USD millions; a fixed coupon). */
export interface IssuanceFigure {
  readonly issued: string; // YYYY-MM-DD
  readonly facility: string;
  readonly principal: number;
  readonly coupon: number;
  readonly maturity: string; // YYYY-MM-DD
  readonly source: string;
  readonly locator: string;
}

/**
 * A committed facility's total commitment and the last month of its draw window, at a debt
 * table's date (USD millions). Only settled ones (accepted or confirmed) reach the base case.
 */
export interface CommitmentFigure {
  readonly as_of: string;
  readonly facility: string;
  readonly commitment: number;
  /** YYYY-MM, or null where no two sources agree on it. */
  readonly draws_until: string | null;
  readonly status: string;
  readonly basis: string;
  readonly source: string;
  readonly locator: string;
}

export interface Provenance {
  readonly input: string;
  readonly value: string;
  /** "reported" (a figure as printed), "derived" (computed from reported figures) or "assumption". */
  readonly status: "reported" | "derived" | "assumption";
  readonly basis: string;
}

export interface BaseCase {
  readonly input: ModelInputDraft;
  readonly provenance: readonly Provenance[];
  /** The last reported quarter the projection follows. */
  readonly lastReportedQuarter: string;
  /** The balance-sheet date the base case opens from, and the filing that reports it. */
  readonly asOf: {readonly date: string; readonly accession: string; readonly source: string};
}

/** Assumptions the dataset cannot yet replace, in one place, each with why. */
export const BASE_ASSUMPTIONS = {
  /** The horizon runs through the last maturity of the debt table, and no further than this quarter. */
  horizonThrough: "2032Q4",
  /** The horizon where the debt table matures sooner: at least three years. */
  minimumQuarters: 12,
  /** Growth fades in a straight line to this rate a quarter (about 10 % a year)... */
  longRunGrowth: 0.025,
  /** ...over this many quarters. */
  fadeQuarters: 12,
  /**
   * Whether revenue follows the backlog (else growth that fades). The two paths, and why the
   * base takes this one: docs/model.md, "Revenue from the backlog".
   */
  revenueFollowsBacklog: false,
  /**
   * The backlog's recognition schedule as the latest filing states it: of the 103.7 billion
   * USD of RPO at 2026-06-30, "41 % was expected to be recognized over the initial 24
   * months ending June 30, 2028" (10-Q for Q2 2026, accession 0001769628-26-000366, RPO
   * note, as quoted verbatim in stored note 70746219467 and in stored file 69320484559;
   * 39 % in months 25 to 48 per stored note 68940092268). The dataset holds RPO totals, not
   * this schedule: it applies only to a backlog opening at that date.
   */
  recognitionSchedule: {asOf: "2026-06-30", withinQuarters: 8, share: 0.41, citation: "10-Q for Q2 2026 (accession 0001769628-26-000366), RPO note: \"of which 41 % was expected to be recognized over the initial 24 months ending June 30, 2028\", as quoted verbatim in stored note 70746219467 and stored file 69320484559"},
  /** Used only where the dataset holds no balance sheet at the debt table's date. */
  openingCash: 1000,
  minimumCash: 500,
  /** Used only where the dataset holds no capex for the last four quarters. */
  capexPerQuarter: 2000,
  /** Quarters between buying GPUs and earning from them: capex follows growth in the base case. */
  capexLeadQuarters: 2,
  /**
   * The useful life of GPUs and servers: six years, the company's stated life for "computing
   * equipment utilized in data centers" since 2023 (10-K for 2025, accession
   * 0001769628-26-000104, as quoted in source h2-renting-ai-stack and again in stored note
   * 70746219467). Existing assets are assumed to have the whole life left.
   */
  depreciationLifeQuarters: 24,
  depreciationShareOfRevenue: 0.4,
  taxRate: 0,
  revolverCapacity: 1500,
  refinancing: {shareRolled: 0.8, spread: 0.07, tenorQuarters: 16, feeRate: 0.01},
  // No cap a quarter beyond the limit in all: the dataset holds nothing to set one from, and
  // an invented cap would move the headline; the reader sets one with the input.
  newBorrowing: {limit: 10000, perQuarter: 10000, spread: 0.08, tenorQuarters: 20, feeRate: 0.02}
} as const;

// How each facility of the debt table is modelled where the table does not say: notes carry
// a fixed coupon; loans and the revolver float over the reference rate; delayed-draw and
// OEM financing amortise; the rest is repaid at maturity.
function facilityTerms(name: string): {floating: boolean; amortising: boolean} {
  const lower = name.toLowerCase();
  const notes = lower.includes("notes");
  return {floating: !notes, amortising: lower.includes("ddtl") || lower.includes("oem")};
}

/** The first balance-sheet date that holds the 2026 private placement (closed in 2026 Q1). */
const PLACEMENT_2026_HELD_FROM = "2026-03-31";

const isRevolver = (f: FacilityFigure) => f.facility.toLowerCase().includes("revolving");
/** A facility's name as an id's tail: "DDTL 2.0 Facility" → "ddtl-2-0-facility". */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const nextQuarter = (q: string) => addQuarters(q, 1);
const previousQuarter = (q: string) => addQuarters(q, -1);
// Derived rates are kept to 0.01 % (a basis point), the page's slider step, so that the
// sliders can hold the base case exactly and "reset" returns to it.
const toBasisPoint = (x: number) => Math.round(x * 10000) / 10000;
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const usd = (x: number) => `${x.toLocaleString("en-US", {maximumFractionDigits: 1})} USD m`;

/**
 * The base case from the dataset. The projection starts in the quarter after the latest
 * debt table held, from that table's facilities.
 */
export function baseCase(financials: readonly FinancialFigure[], allFacilities: readonly FacilityFigure[], discounts: readonly DiscountFigure[] = [], issuances: readonly IssuanceFigure[] = [], commitments: readonly CommitmentFigure[] = []): BaseCase {
  const facilities = allFacilities.filter((f) => f.status !== "unconfirmed");
  const asOf = [...new Set(facilities.map((f) => f.as_of))].sort().at(-1);
  if (!asOf) throw new Error("the dataset holds no debt table: there is no base case to build");
  const start = nextQuarter(quarterOfMonth(asOf));
  const figure = (item: string, period: string) => financials.find((f) => f.line_item === item && f.period === period);
  const provenance: Provenance[] = [];
  const cite = (f: {source: string; locator: string}) => `${f.source}: ${f.locator}`;

  const lastRevenue = figure("revenue", previousQuarter(start));
  if (!lastRevenue) throw new Error(`the dataset holds no revenue for ${previousQuarter(start)}, the quarter before the projection`);
  provenance.push({input: "Revenue of the last quarter", value: usd(lastRevenue.value), status: "reported", basis: `${previousQuarter(start)}, ${cite(lastRevenue)}`});

  // Calibration: the last four reported quarters (reported, or derived from longer periods).
  const lastFour = [4, 3, 2, 1].map((n) => addQuarters(start, -n));
  const described = (f: FinancialFigure) => `${f.period} ${usd(f.value)}${f.status === "derived" ? " (derived from longer periods)" : f.status === "confirmed" ? " (an extraction, confirmed)" : ""}`;

  // Growth: the compound quarterly rate over the last four quarters, where the revenue of the
  // quarter before them is held; else the latest quarter-on-quarter growth.
  const yearBefore = figure("revenue", addQuarters(start, -5));
  let growth = 0;
  let growthBasis = "no two consecutive quarters of revenue are held: assumed flat";
  if (yearBefore && yearBefore.value > 0) {
    growth = toBasisPoint((lastRevenue.value / yearBefore.value) ** (1 / 4) - 1);
    growthBasis = `compound quarterly rate over the last four quarters: ${previousQuarter(start)} revenue over ${yearBefore.period}'s (${cite(lastRevenue)}; ${cite(yearBefore)}), to the 1/4 power, to 0.01 %; for the first projected quarter`;
  } else {
    const revenues = financials.filter((f) => f.line_item === "revenue" && /Q\d$/.test(f.period)).sort((a, b) => a.period.localeCompare(b.period));
    for (let i = revenues.length - 1; i > 0; i--) {
      const later = revenues[i]!, earlier = revenues[i - 1]!;
      if (nextQuarter(earlier.period) === later.period) {
        growth = toBasisPoint(later.value / earlier.value - 1);
        growthBasis = `${later.period} over ${earlier.period} revenue (${cite(later)}; ${cite(earlier)}), to 0.01 %, held for every quarter`;
        break;
      }
    }
  }
  provenance.push(
    {input: "Revenue growth a quarter", value: pct(growth), status: growthBasis.startsWith("no") ? "assumption" : "derived", basis: growthBasis},
    {input: "Long-run growth a quarter", value: `${pct(BASE_ASSUMPTIONS.longRunGrowth)}, reached in ${BASE_ASSUMPTIONS.fadeQuarters} quarters`, status: "assumption", basis: "growth fades in a straight line from the last four quarters' rate to about 10 % a year over three years, then holds: growth that fast does not compound forever; not a forecast, move it"}
  );

  const contracts = contractFigures(financials, start, lastRevenue, provenance, cite, usd);

  // Margin: adjusted EBITDA over revenue, summed over those of the last four quarters that hold both.
  const marginQuarters = lastFour.map((q) => ({ebitda: figure("adjusted_ebitda", q), revenue: figure("revenue", q)})).filter((m) => m.ebitda && m.revenue);
  const ebitdaSum = marginQuarters.reduce((sum, m) => sum + m.ebitda!.value, 0), revenueSum = marginQuarters.reduce((sum, m) => sum + m.revenue!.value, 0);
  const margin = revenueSum > 0 ? toBasisPoint(ebitdaSum / revenueSum) : 0.5;
  provenance.push({
    input: "EBITDA margin", value: pct(margin), status: revenueSum > 0 ? "derived" : "assumption",
    basis: revenueSum > 0 ? `adjusted EBITDA over revenue, ${marginQuarters.length === 4 ? "the last four quarters" : `the ${marginQuarters.length} of the last four quarters that hold both`} (${marginQuarters.map((m) => `${m.ebitda!.period}: ${usd(m.ebitda!.value)} of ${usd(m.revenue!.value)}`).join("; ")}), to 0.01 %; adjusted EBITDA leaves out stock-based compensation` : "no adjusted EBITDA held: 50 % assumed"
  });

  const A = BASE_ASSUMPTIONS;
  const listed = facilities.filter((f) => f.as_of === asOf && f.principal > 0);
  const schedule = debtScheduleFigures(financials, listed.filter((f) => !isRevolver(f)), discounts.find((d) => d.as_of === asOf), provenance, cite);
  const facilityInputs: ModelInputDraft["facilities"] = [];
  let revolverDrawn = 0;
  listed.forEach((f, i) => {
    const rate = f.effective_rate_low === null || f.effective_rate_high === null ? null : (f.effective_rate_low + f.effective_rate_high) / 2;
    if (isRevolver(f)) {
      revolverDrawn = f.principal;
      provenance.push({input: `${f.facility}: drawn`, value: usd(f.principal), status: "reported", basis: `${asOf}, ${cite(f)}`});
      return;
    }
    const terms = facilityTerms(f.facility);
    const maturity = quarterOfMonth(f.maturity_to);
    const draws = undrawnDraws(f, commitments, start, maturity < start ? start : maturity, provenance);
    facilityInputs.push({
      id: `f${i + 1}-${slug(f.facility)}`,
      name: f.facility,
      principal: f.principal,
      draws,
      // The filing states an effective rate; a floating facility bears it as a spread over
      // the change in the reference rate since the filing (the base-rate input), so a rate
      // shock reaches it and leaves fixed notes alone.
      rate: terms.floating ? {type: "floating", spread: cashRate(rate ?? 0.1, schedule)} : {type: "fixed", annualRate: cashRate(rate ?? 0.1, schedule)},
      discount: schedule.discountShare * f.principal,
      amortisation: {type: terms.amortising ? "straightLine" : "bullet"},
      maturity: maturity < start ? start : maturity
    });
    provenance.push({input: `${f.facility}`, value: `${usd(f.principal)} at ${rate === null ? "10 % (assumed)" : pct(rate)}, due ${maturity}`, status: "reported", basis: `${asOf}, ${cite(f)}`});
    provenance.push({input: `${f.facility}: terms`, value: `${terms.floating ? "floating" : "fixed"}, ${terms.amortising ? "straight-line" : "bullet"}`, status: "assumption", basis: `the debt table states an effective rate and a maturity, not the rate type or the repayment profile${/convertible/i.test(f.facility) ? "; conversion into shares is not modelled: the notes are repaid, or rolled, at maturity" : ""}`});
  });

  // Debt issued after the table's date: no table lists it yet, but its 8-K gives its
  // principal, coupon and maturity. It is drawn at the start of the quarter it was issued in.
  for (const d of issuances.filter((x) => x.issued > asOf).sort((a, b) => a.issued.localeCompare(b.issued))) {
    const issuedIn = quarterOfMonth(d.issued);
    const maturity = quarterOfMonth(d.maturity);
    facilityInputs.push({
      id: `i${facilityInputs.length + 1}-${slug(d.facility)}`,
      name: d.facility,
      principal: 0,
      draws: [{quarter: issuedIn, amount: d.principal}],
      // A coupon is a cash rate already: the effective rates' cash share does not apply.
      rate: {type: "fixed", annualRate: toBasisPoint(d.coupon)},
      amortisation: {type: "bullet"},
      maturity
    });
    provenance.push(
      {input: `${d.facility}`, value: `${usd(d.principal)} at ${pct(d.coupon)}, issued ${d.issued}, due ${maturity}`, status: "reported", basis: `${cite(d)}; issued after the debt table of ${asOf}, which does not list it`},
      {input: `${d.facility}: terms`, value: `fixed, bullet, drawn at the start of ${issuedIn}`, status: "assumption", basis: "the engine counts quarters, not days: it bears interest for the whole of the quarter it was issued in"}
    );
  }

  // Opening cash: the balance sheet at the debt table's date.
  const cash = figure("cash_and_cash_equivalents", quarterOfMonth(asOf));
  const openingCash = cash?.value ?? A.openingCash;
  provenance.push(cash
    ? {input: "Opening cash", value: usd(cash.value), status: "reported", basis: `cash and cash equivalents at ${asOf}, ${cite(cash)}; restricted cash is left out (it is not free to pay interest)`}
    : {input: "Opening cash", value: usd(A.openingCash), status: "assumption", basis: `the dataset holds no balance sheet at ${asOf}`});

  // Capex at the reported pace: the mean of the last four quarters' purchases of property and equipment.
  const capexQuarters = lastFour.map((q) => figure("purchases_of_property_and_equipment", q)).filter((f): f is FinancialFigure => f !== undefined);
  const capex = capexQuarters.length > 0 ? Math.round(capexQuarters.reduce((sum, f) => sum + f.value, 0) / capexQuarters.length) : A.capexPerQuarter;
  provenance.push(capexQuarters.length > 0
    ? {input: "Capex a quarter", value: usd(capex), status: "derived", basis: `the mean of ${capexQuarters.length === 4 ? "the last four quarters'" : `${capexQuarters.length} of the last four quarters'`} purchases of property and equipment (${capexQuarters.map(described).join("; ")}), held flat (an assumption); it applies only where capex runs at the reported pace (scenario capex-at-reported-pace), not in the base case, where capex follows growth`}
    : {input: "Capex a quarter", value: usd(A.capexPerQuarter), status: "assumption", basis: "the dataset holds no capex for the last four quarters"});

  // Capital intensity: capex per USD of annual revenue added, over the same four quarters:
  // their capex over four times the growth of quarterly revenue across them. The base case
  // has capex follow growth at this intensity, plus the replacement of worn-out vintages.
  const capexSum = capexQuarters.reduce((sum, f) => sum + f.value, 0);
  const added = yearBefore ? lastRevenue.value - yearBefore.value : 0;
  const calibrated = capexQuarters.length === 4 && yearBefore !== undefined && added > 0;
  const measured = calibrated ? Math.round((capexSum / (4 * added)) * 100) / 100 : 0;
  const intensity = Math.min(INPUTS.capexIntensity.max, measured);
  provenance.push(calibrated
    ? {input: "Capital intensity", value: `${intensity.toFixed(2)} USD of capex per USD of added annual revenue`, status: "derived", basis: `the last four quarters' purchases of property and equipment (${capexQuarters.map((f) => `${described(f)}, ${cite(f)}`).join("; ")}; ${usd(capexSum)} in all) over four times the revenue added across them (${previousQuarter(start)} ${usd(lastRevenue.value)} (${cite(lastRevenue)}) less ${yearBefore.period} ${usd(yearBefore.value)} (${cite(yearBefore)}) = ${usd(added)} more a quarter, ${usd(4 * added)} a year), to 0.01${intensity < measured ? `, capped at ${intensity} (the input's range)` : ""}; that each USD of revenue added needs as much capex as in those quarters is an assumption`}
    : {input: "Capital intensity", value: "0 USD of capex per USD of added annual revenue", status: "assumption", basis: capexQuarters.length === 4 && yearBefore !== undefined ? "revenue did not grow over the last four quarters: no capacity was added to price" : "the dataset holds neither four quarters of capex nor the revenue of the quarter before them"},
    {input: "Capex lead time", value: `${A.capexLeadQuarters} quarters`, status: "assumption", basis: "GPUs are bought, installed and powered this many quarters before they earn; not from a filing"},
    {input: "Capex follows growth", value: "yes: intensity × revenue added, plus maintenance", status: "assumption", basis: "capex buys the capacity the projected revenue needs, at the capital intensity above, and replaces each vintage at the end of its useful life; a scenario (capex-at-reported-pace) holds it at the last four quarters' mean instead"});

  // Vintages: the purchases of property and equipment of each quarter before the start, as
  // held; a year held only as a whole is split evenly over its quarters (an assumption).
  const vintages = capexVintages(financials, start);
  const L = A.depreciationLifeQuarters;
  if (vintages.length > 0) {
    const split = vintages.filter((v) => v.split);
    provenance.push({
      input: "Capex vintages before the start", value: `${usd(vintages.reduce((sum, v) => sum + v.amount, 0))} over ${vintages[0]!.quarter} to ${vintages.at(-1)!.quarter}`, status: "reported",
      basis: `purchases of property and equipment a quarter: ${vintages.filter((v) => !v.split).map((v) => `${described(v.figure)}, ${cite(v.figure)}`).join("; ")}; each depreciates over the useful life from the quarter after it is spent and is replaced, at its cost, in the quarter its life ends (maintenance capex); purchases before ${vintages[0]!.quarter} are not held and are left out`
    });
    for (const figure of [...new Set(split.map((v) => v.figure))]) {
      provenance.push({input: `Capex vintages of ${figure.period}`, value: `${usd(figure.value / 4)} a quarter`, status: "assumption", basis: `${figure.period} ${usd(figure.value)}, ${cite(figure)}, is held only for the year: split evenly over its four quarters (an assumption)`});
    }
  } else {
    provenance.push({input: "Capex vintages before the start", value: "none", status: "assumption", basis: "the dataset holds no purchases of property and equipment before the start: no reported vintage is replaced (maintenance capex starts with the projected capex's)"});
  }
  provenance.push({input: "Maintenance capex", value: "each vintage replaced at its cost when its life ends", status: "assumption", basis: "like-for-like replacement at the price paid: no fall in the price of compute, no assets kept in use past their depreciable life"});

  // Depreciation: the latest quarter's, of which the held vintages explain part (each at
  // cost ÷ life while its life lasts); the rest (older assets, intangibles, the lag before
  // assets are placed in service) runs off flat over an assumed life.
  const depreciation = figure("depreciation_and_amortization", previousQuarter(start));
  // The held vintages' charge in the last reported quarter: those spent before it within a life.
  const lastQuarterCharge = vintages.filter((v) => { const s = quarterOffset(start, v.quarter); return s <= -2 && s >= -1 - L; }).reduce((sum, v) => sum + v.amount, 0) / L;
  const residual = depreciation ? Math.max(0, Math.round((depreciation.value - lastQuarterCharge) * 1000) / 1000) : 0;
  const firstQuarterCharge = vintages.filter((v) => quarterOffset(start, v.quarter) >= -L).reduce((sum, v) => sum + v.amount, 0) / L;
  provenance.push(depreciation
    ? {input: "Depreciation", value: `${usd(residual)} a quarter over ${L} quarters, besides the vintages' ${usd(firstQuarterCharge)} in ${start}`, status: "derived", basis: `${described(depreciation)}, ${cite(depreciation)}; the vintages above, at cost ÷ ${L} quarters, explain ${usd(lastQuarterCharge)} of it${depreciation.value < lastQuarterCharge ? ", more than all of it (assets are placed in service after they are paid for): nothing is left to run off" : `; the rest, ${usd(residual)} (older assets, intangibles, assets not yet in service), runs off flat over ${L} quarters (an assumption)`}. ${start} is charged ${usd(residual + firstQuarterCharge)}: ${residual > 0 ? `the reported ${usd(depreciation.value)} plus` : "the vintages' charge, with"} the first charge on ${previousQuarter(start)}'s purchases${vintages.some((v) => quarterOffset(start, v.quarter) === -1 - L) ? " less the vintage whose life ended" : ""}. The life, ${L} quarters (six years), is the company's stated useful life for its computing equipment since 2023 (10-K for 2025, accession 0001769628-26-000104, as quoted in h2-renting-ai-stack, an extraction a second quote confirms)`}
    : {input: "Depreciation", value: vintages.length > 0 ? "the vintages' only" : "none", status: "assumption", basis: `the dataset holds no depreciation for ${previousQuarter(start)}; ${vintages.length > 0 ? "the held vintages alone are depreciated" : "EBIT equals EBITDA here"}`});

  // The horizon: through the last maturity the debt table lists, so the maturity wall and
  // its refinancing are in view, capped at 2032Q4 (and the inputs' range).
  const lastMaturity = facilityInputs.map((f) => f.maturity).sort().at(-1) ?? start;
  const through = lastMaturity < A.horizonThrough ? lastMaturity : A.horizonThrough;
  const horizon = Math.min(INPUTS.horizonQuarters.max, Math.max(A.minimumQuarters, quarterOffset(start, through) + 1));
  provenance.push({input: "Horizon", value: `${horizon} quarters, ${start} to ${addQuarters(start, horizon - 1)}`, status: "derived", basis: `through the last maturity in the debt table (${lastMaturity}), no further than ${A.horizonThrough}, at least ${A.minimumQuarters} quarters`});

  const input: ModelInputDraft = {
    start,
    quarters: horizon,
    openingCash,
    minimumCash: A.minimumCash,
    revenue: {
      lastQuarter: lastRevenue.value, growth: fadingGrowth(growth, A.longRunGrowth, A.fadeQuarters),
      ...(contracts.backlog ? {backlog: {...contracts.backlog, follows: A.revenueFollowsBacklog}} : {}),
      largestCustomer: {share: contracts.largestCustomerShare, because: "nonRenewal"}
    },
    costs: {kind: "margin", ebitdaMargin: margin},
    depreciation: {
      openingPerQuarter: residual, openingRemainingQuarters: residual > 0 ? L : 0, capexLifeQuarters: L,
      vintages: vintages.map(({quarter, amount}) => ({quarter, amount}))
    },
    capex,
    capexIntensity: {perAddedAnnualRevenue: intensity, leadQuarters: A.capexLeadQuarters, follows: true},
    taxRate: A.taxRate,
    baseRate: 0,
    facilities: facilityInputs,
    revolver: {capacity: Math.max(A.revolverCapacity, revolverDrawn), drawn: revolverDrawn, rate: {type: "floating", spread: facilities.find((f) => f.as_of === asOf && isRevolver(f))?.effective_rate_low ?? 0.07}},
    refinancing: {...A.refinancing, marketShut: []},
    newBorrowing: A.newBorrowing,
    capitalisedInterestShare: schedule.capitalisedShare
  };
  provenance.push(
    {input: "Minimum cash", value: usd(A.minimumCash), status: "assumption", basis: "an operating cushion; no covenant is modelled yet"},
    taxProvenance(lastFour.map((q) => figure("net_income", q)).filter((f): f is FinancialFigure => f !== undefined), A.taxRate),
    {input: "Revolver capacity", value: usd(Math.max(A.revolverCapacity, revolverDrawn)), status: "assumption", basis: "the dataset holds what is drawn, not the commitment"},
    {input: "Reference-rate change", value: "0 bp", status: "assumption", basis: "rates as at the filing's effective rates"},
    {input: "Refinancing at maturity", value: `${pct(A.refinancing.shareRolled)} rolled at ${pct(A.refinancing.spread)} over the reference change, ${A.refinancing.tenorQuarters} quarters, ${pct(A.refinancing.feeRate)} fee`, status: "assumption", basis: "markets open; terms near those of recent facilities"},
    {input: "New borrowing", value: `up to ${usd(A.newBorrowing.limit)} at ${pct(A.newBorrowing.spread)}`, status: "assumption", basis: "what lenders would still provide"},
    {input: "New borrowing a quarter", value: `at most ${usd(A.newBorrowing.perQuarter)} a quarter, gross (no cap beyond the limit in all)`, status: "assumption", basis: "the dataset holds nothing to set a cap a quarter from; for scale, the largest single raises of recent quarters were the 2032 convertible notes (4,000 USD m), the 2031 9.75 % senior notes (2,750 USD m) and the 2031 convertible notes (2,588 USD m), per the debt tables; set one with the input"},
    // The private placement of 2026 closed in its first quarter (the cash-flow statement's
    // "issuance of common stock in private placement"): a balance sheet from then on holds it.
    {input: "Equity raised", value: "none", status: "assumption", basis: equityBasis(financials, asOf)},
    {input: "Equity markets shut too", value: "no", status: "assumption", basis: "the base case shuts no market; where a scenario shuts debt markets, equity still sells unless it says otherwise (no equity is raised in the base case either way)"}
  );
  return {input, provenance, lastReportedQuarter: previousQuarter(start), asOf: {date: asOf, accession: cash?.accession ?? listed[0]?.accession ?? "", source: cash?.source ?? listed[0]?.source ?? ""}};
}

/**
 * What a committed facility has left to draw at the debt table's date (its settled commitment
 * less the principal the table lists), drawn in equal parts at the start of each quarter of
 * its draw window that the projection holds (from its first quarter through the window's
 * last, and before the facility matures), to the cent, the last part taking the remainder.
 * Committed: drawn whether or not markets are open. None where no settled commitment with a
 * draw window is held; each figure and the assumption go into the provenance.
 */
function undrawnDraws(f: FacilityFigure, commitments: readonly CommitmentFigure[], start: string, maturity: string, provenance: Provenance[]): Array<{quarter: string; amount: number}> {
  const c = commitments.find((x) => x.as_of === f.as_of && x.facility === f.facility && (x.status === "accepted" || x.status === "confirmed"));
  if (!c) return [];
  const undrawn = Math.round((c.commitment - f.principal) * 100) / 100;
  const last = c.draws_until === null ? null : quarterOfMonth(c.draws_until);
  const quarters = last === null ? 0 : Math.max(0, Math.min(quarterOffset(start, last) + 1, quarterOffset(start, maturity)));
  provenance.push({
    input: `${f.facility}: undrawn commitment`, value: `${usd(undrawn)} of ${usd(c.commitment)} committed${c.draws_until ? `, drawable through ${c.draws_until}` : ""}`, status: "derived",
    basis: `the commitment${c.draws_until ? " and its draw window" : ""} (${c.source}: ${c.locator}; ${c.status}: ${c.basis}) less the principal drawn at ${f.as_of} (${f.source}: ${f.locator})`
  });
  if (undrawn <= 0 || quarters === 0) return [];
  const part = Math.floor((undrawn * 100) / quarters) / 100;
  const draws = Array.from({length: quarters}, (_, t) => ({quarter: addQuarters(start, t), amount: t === quarters - 1 ? Math.round((undrawn - part * (quarters - 1)) * 100) / 100 : part}));
  provenance.push({
    input: `${f.facility}: draws`, value: `${usd(part)} at the start of each quarter from ${start} to ${draws.at(-1)!.quarter}`, status: "assumption",
    basis: "the filings state what is left to draw and until when, not when it will be drawn: the base case draws it in equal parts over the window, committed, so whether or not markets are open; the commitment fee on what is undrawn is not modelled"
  });
  return draws;
}

/**
 * Why the base case raises no equity. The record's raises are one-offs, not a pace: the
 * preferred rounds before the IPO, the IPO of 2025 Q1 and its over-allotment, the private
 * placement with NVIDIA of 2026 Q1. A mean of them held flat would put money no one has
 * committed into the headline; and the latest quarters' figures are not settled in the
 * dataset (they stay out of the base case, as every unconfirmed figure does).
 */
function equityBasis(financials: readonly FinancialFigure[], asOf: string): string {
  const raises = financials.filter((f) => f.line_item === "proceeds_from_equity" && /^\d{4}Q\d$/.test(f.period) && f.value > 0).sort((a, b) => a.period.localeCompare(b.period));
  const held = raises.length ? `; the quarters held: ${raises.map((f) => `${f.period} ${usd(f.value)} (${f.source}: ${f.locator})`).join("; ")}` : "";
  const placement = asOf >= PLACEMENT_2026_HELD_FROM ? `; the 2026 placement is in the opening cash (at ${asOf}), and the figures for the quarters since the last of these are unconfirmed in the dataset` : "";
  return `none assumed: the record's raises are one-offs (preferred rounds, the IPO, a private placement), not a pace to hold flat${held}${placement}; set one with the inputs (a scenario, equity-markets-shut-too, does)`;
}

/** A vintage of capex before the start: its quarter, its amount and the figure it comes from. */
interface Vintage {
  readonly quarter: string;
  readonly amount: number;
  readonly figure: FinancialFigure;
  /** Whether it is a quarter of a year held only as a whole (split evenly, an assumption). */
  readonly split: boolean;
}

/**
 * The purchases of property and equipment of every quarter before `start`, in order: a
 * quarter's own figure (reported or derived from longer periods), or, for a calendar year
 * of which no quarter is held, a quarter of the year's figure.
 */
function capexVintages(financials: readonly FinancialFigure[], start: string): Vintage[] {
  const capex = financials.filter((f) => f.line_item === "purchases_of_property_and_equipment");
  const quarterly = capex.filter((f) => /^\d{4}Q[1-4]$/.test(f.period) && f.period < start && f.value > 0);
  const vintages: Vintage[] = quarterly.map((f) => ({quarter: f.period, amount: f.value, figure: f, split: false}));
  for (const year of capex.filter((f) => /^FY\d{4}$/.test(f.period) && f.value > 0)) {
    const y = year.period.slice(2);
    const quarters = [1, 2, 3, 4].map((q) => `${y}Q${q}`);
    if (quarters.at(-1)! >= start || capex.some((f) => quarters.includes(f.period))) continue;
    vintages.push(...quarters.map((quarter) => ({quarter, amount: year.value / 4, figure: year, split: true})));
  }
  return vintages.sort((a, b) => a.quarter.localeCompare(b.quarter));
}

/** The tax line: none while the last four quarters report net losses (no cash tax on losses, an assumption that ignores minimum taxes). */
function taxProvenance(netIncome: readonly FinancialFigure[], rate: number): Provenance {
  const losses = netIncome.filter((f) => f.value < 0);
  return netIncome.length > 0 && losses.length === netIncome.length
    ? {input: "Tax rate", value: pct(rate), status: "derived", basis: `a net loss in each of the last ${netIncome.length} quarters held (${netIncome.map((f) => `${f.period} ${usd(f.value)}`).join("; ")}): no tax is paid on losses`}
    : {input: "Tax rate", value: pct(rate), status: "assumption", basis: `${losses.length} of the last ${netIncome.length} quarters held report a net loss; the rate is assumed`};
}

/** What the debt note's interest table and discount line give the base case's facilities. */
interface ScheduleFigures {
  /** Contractual over contractual + amortisation: the cash share of an effective rate. */
  readonly cashShareOfEffective: number;
  /** Unamortised discount per USD of principal, spread evenly over the facilities. */
  readonly discountShare: number;
  /** Capitalised over contractual interest. */
  readonly capitalisedShare: number;
}

/**
 * The debt table's rates are effective rates: they include the amortisation of discounts
 * and issuance costs, which is reported as interest expense but never paid. From the latest
 * quarter whose interest breakdown is held, the cash share of an effective rate (contractual
 * over contractual plus amortisation) turns each rate into a cash rate, the unamortised
 * discount at the table's date is amortised separately, and the capitalised share of
 * contractual interest is held, so that reported interest expense is modelled as the
 * income statement shows it. Where the breakdown is not held, the rates stay effective.
 */
function debtScheduleFigures(financials: readonly FinancialFigure[], listed: readonly FacilityFigure[], discount: DiscountFigure | undefined, provenance: Provenance[], cite: (f: {source: string; locator: string}) => string): ScheduleFigures {
  const breakdown = interestBreakdown(financials);
  let cashShareOfEffective = 1;
  let capitalisedShare = 0;
  if (breakdown) {
    const {contractual, amortisation, capitalised} = breakdown;
    ({cashShareOfEffective, capitalisedShare} = breakdown);
    provenance.push(
      {input: "Cash share of the effective rates", value: pct(cashShareOfEffective), status: "derived", basis: `contractual interest over contractual interest plus amortisation of discounts, ${contractual.period} (${cite(contractual)}; ${cite(amortisation)}); each facility's effective rate times this is its cash rate`},
      {input: "Capitalised interest", value: pct(capitalisedShare), status: "derived", basis: `capitalised over contractual interest, ${contractual.period} (${cite(capitalised)}), held for every quarter: that construction goes on at this pace is an assumption`}
    );
  } else {
    provenance.push({input: "Cash share of the effective rates", value: "100 %", status: "assumption", basis: "no quarter's interest breakdown is held: the effective rates, which include discount amortisation, are taken as cash rates"});
  }
  const principal = listed.reduce((sum, f) => sum + f.principal, 0);
  const discountShare = discount && principal > 0 && cashShareOfEffective < 1 ? discount.amount / principal : 0;
  if (discount && discountShare > 0) {
    provenance.push({input: "Unamortised discount and issuance costs", value: usd(discount.amount), status: "reported", basis: `${discount.as_of}, ${cite(discount)}; spread over the facilities in proportion to principal (the table gives no split, an assumption) and amortised straight line to each one's maturity`});
  }
  return {cashShareOfEffective, discountShare, capitalisedShare};
}

const toShare = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The latest quarter (up to `notAfter`, if given) whose interest breakdown is held whole:
 * contractual interest, amortisation of discounts and capitalised interest, with the cash
 * share of an effective rate and the capitalised share of contractual interest it gives,
 * each to 0.01 %.
 */
export function interestBreakdown<F extends {readonly period: string; readonly line_item: string; readonly value: number}>(financials: readonly F[], notAfter?: string) {
  const quarterly = (item: string) => financials.filter((f) => f.line_item === item && /Q\d$/.test(f.period) && (notAfter === undefined || f.period <= notAfter));
  for (const contractual of quarterly("contractual_interest_expense").sort((a, b) => b.period.localeCompare(a.period))) {
    const amortisation = quarterly("amortization_of_debt_discounts_and_issuance_costs").find((f) => f.period === contractual.period);
    const capitalised = quarterly("capitalized_interest").find((f) => f.period === contractual.period);
    if (!amortisation || !capitalised || contractual.value <= 0) continue;
    return {
      period: contractual.period, contractual, amortisation, capitalised,
      cashShareOfEffective: toShare(contractual.value / (contractual.value + amortisation.value)),
      capitalisedShare: toShare(-capitalised.value / contractual.value)
    };
  }
  return null;
}
const cashRate = (effective: number, s: ScheduleFigures) => toBasisPoint(effective * s.cashShareOfEffective);

/** What the base case takes from the contracts: the backlog, its bookings and term, and the largest customer's share. */
interface ContractFigures {
  readonly backlog: {readonly opening: number; readonly bookings: number; readonly termQuarters: number} | null;
  readonly largestCustomerShare: number;
}

/** The backlog measures the dataset may hold, the filings' own first. */
const BACKLOG_ITEMS = ["remaining_performance_obligations", "revenue_backlog"] as const;
const BACKLOG_WORDS: Record<(typeof BACKLOG_ITEMS)[number], string> = {
  remaining_performance_obligations: "remaining performance obligations (RPO)",
  revenue_backlog: "revenue backlog (RPO and other contracted revenue, as the company's releases state it)"
};

/**
 * The backlog at the balance-sheet date the projection opens from (the quarter before
 * `start`): RPO where the dataset holds it at that date, else the revenue backlog. Bookings a
 * quarter: over the longest span of up to four quarters that ends there and whose opening
 * backlog, in the same measure, is held, the change in backlog plus the revenue recognised
 * across it, divided by its quarters. The term: no filing in the dataset states when the
 * backlog is recognised, so it is calibrated, backlog ÷ the last quarter's revenue, so that
 * the first projected quarter recognises what the last one did. The largest customer's share:
 * the latest quarter's held.
 */
function contractFigures(financials: readonly FinancialFigure[], start: string, lastRevenue: FinancialFigure, provenance: Provenance[], cite: (f: {source: string; locator: string}) => string, usd: (x: number) => string): ContractFigures {
  const last = previousQuarter(start);
  const figure = (item: string, period: string) => financials.find((f) => f.line_item === item && f.period === period);
  const item = BACKLOG_ITEMS.find((i) => figure(i, last) !== undefined);
  let backlog: ContractFigures["backlog"] = null;
  if (item && lastRevenue.value > 0) {
    const opening = figure(item, last)!;
    const span = [4, 3, 2, 1].find((n) => figure(item, addQuarters(last, -n)) !== undefined && Array.from({length: n}, (_, j) => figure("revenue", addQuarters(last, -j))).every(Boolean));
    const schedule = BASE_ASSUMPTIONS.recognitionSchedule;
    const calibrated = Math.round((opening.value / lastRevenue.value) * 100) / 100;
    // Recognising backlog ÷ T a quarter, (1 − 1/T)^n of today's backlog is left after n
    // quarters: the term that leaves 1 − share after the schedule's quarters.
    const stated = quarterOfMonth(schedule.asOf) === opening.period ? Math.round(100 / (1 - (1 - schedule.share) ** (1 / schedule.withinQuarters))) / 100 : null;
    const termQuarters = stated ?? calibrated;
    provenance.push(
      {input: "Backlog at the start", value: usd(opening.value), status: "reported", basis: `${BACKLOG_WORDS[item]} at the end of ${last}, ${cite(opening)}${item === "revenue_backlog" ? "; the dataset holds no RPO at that date" : ""}`},
      stated !== null
        ? {input: "Backlog's weighted term", value: `${termQuarters.toFixed(2)} quarters`, status: "derived", basis: `from the recognition schedule the filing states: ${schedule.citation}. Recognising backlog ÷ T each quarter leaves (1 − 1/T)^${schedule.withinQuarters} of it after ${schedule.withinQuarters} quarters, so T = 1 ÷ (1 − (1 − ${schedule.share})^(1/${schedule.withinQuarters})), to 0.01 quarter${item === "revenue_backlog" ? "; the schedule is the RPO's, applied to the revenue backlog (an assumption)" : ""}. The first projected quarter then recognises ${usd(opening.value / termQuarters)}, against ${usd(lastRevenue.value)} reported for ${last}: the schedule is back-loaded as capacity is delivered. Calibrated instead on ${last}'s revenue (${usd(opening.value)} ÷ ${usd(lastRevenue.value)}, ${cite(lastRevenue)}) the term would be ${calibrated.toFixed(2)} quarters`}
        : {input: "Backlog's weighted term", value: `${termQuarters.toFixed(2)} quarters`, status: "derived", basis: `calibrated, not disclosed: no recognition schedule is at hand for this date, so the term is the backlog over ${last}'s revenue (${usd(opening.value)} ÷ ${usd(lastRevenue.value)}, ${cite(lastRevenue)}), to 0.01 quarter, so that the first projected quarter recognises what ${last} did`}
    );
    if (span) {
      const before = figure(item, addQuarters(last, -span))!;
      const recognised = Array.from({length: span}, (_, j) => figure("revenue", addQuarters(last, -j))!).reverse();
      const revenueSum = recognised.reduce((sum, f) => sum + f.value, 0);
      const bookings = Math.round((opening.value - before.value + revenueSum) / span);
      provenance.push({input: "Bookings a quarter", value: usd(bookings), status: "derived", basis: `over the ${span === 4 ? "last four quarters" : `last ${span} quarters (the longest span of up to four whose opening backlog is held in the same measure)`}: the backlog's change, ${usd(opening.value)} at the end of ${last} less ${usd(before.value)} at the end of ${before.period} (${cite(before)}), plus the revenue recognised across them (${recognised.map((f) => `${f.period} ${usd(f.value)}, ${cite(f)}`).join("; ")}), ÷ ${span}, to 1 USD m; from it bookings move with the growth path (growth fading to the long-run rate), the quarter before the first being the base`});
      backlog = {opening: opening.value, bookings, termQuarters};
    } else {
      provenance.push({input: "Bookings a quarter", value: usd(0), status: "assumption", basis: `the dataset holds no ${BACKLOG_WORDS[item]} within four quarters before ${last}: no bookings can be derived`});
      backlog = {opening: opening.value, bookings: 0, termQuarters};
    }
  } else {
    provenance.push({input: "Backlog at the start", value: "none", status: "assumption", basis: `the dataset holds no RPO or revenue backlog at the end of ${last}: revenue follows growth that fades only`});
  }
  const shares = financials.filter((f) => f.line_item === "largest_customer_revenue_share" && /Q\d$/.test(f.period) && f.period <= last).sort((a, b) => a.period.localeCompare(b.period));
  const latest = shares.at(-1);
  provenance.push(
    {input: "Revenue follows", value: BASE_ASSUMPTIONS.revenueFollowsBacklog ? "the backlog" : "growth that fades", status: "assumption", basis: BASE_ASSUMPTIONS.revenueFollowsBacklog ? "the backlog converting over its term, refilled by bookings" : "the base case keeps revenue on growth that fades: the backlog's bookings, a few very large contracts in one year, compounding at the same growth would fill the backlog many times over (docs/model.md, \"Revenue from the backlog\"); a reader or a scenario can switch"},
    {input: "Largest customer stops paying", value: "never", status: "assumption", basis: "the dataset holds no contract end date for the largest customer; scenarios set a quarter (largest-customer-leaves, customer-leaves-at-contract-end)"}
  );
  provenance.push(latest
    ? {input: "Largest customer's share of revenue", value: `${latest.value} %`, status: "reported", basis: `${latest.period}, the latest quarter held, ${cite(latest)}; it keeps paying unless a scenario says otherwise (an assumption)`}
    : {input: "Largest customer's share of revenue", value: "0 %", status: "assumption", basis: "the dataset holds no quarter's customer concentration"});
  return {backlog, largestCustomerShare: latest ? latest.value / 100 : 0};
}
