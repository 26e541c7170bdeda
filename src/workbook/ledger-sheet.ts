import type {ModelInput} from "../model/index.js";
import {covenantKeys, FACILITIES, facilityPrefixes, LEDGER, offsetOf, offsetRow} from "./facilities-sheet.js";
import {INPUTS} from "./inputs-sheet.js";
import {formula, type BookBuilder} from "./layout.js";

/**
 * The ledger sheet: rows × quarters, as the notebook's ledger. The operating lines, the
 * facilities' totals, the equity raised at the quarter's start, and the end-of-quarter step that holds minimum cash (revolver first,
 * then new borrowing grossed up for its fee while markets are open, cash above the minimum
 * repaying the revolver) and sweeps excess cash, as the engine does (src/model/liquidity.ts,
 * `holdMinimumCash`; src/model/project.ts, `sweepCash`). Lines the engine's ledger books
 * carry its field names.
 */
export function ledgerSheet(book: BookBuilder, input: ModelInput): void {
  const sheet = book.sheet(LEDGER, true);
  offsetRow(sheet);
  const here = (key: string, t: number) => book.cell(LEDGER, key, t, LEDGER);
  const I = (key: string) => book.cell(INPUTS, key, 0, LEDGER, true);
  const IP = (key: string, t: number) => book.cell(INPUTS, key, t, LEDGER);
  const F = (key: string, t: number) => book.cell(FACILITIES, key, t, LEDGER);
  const T = offsetOf;
  const facilities = facilityPrefixes(input);
  const hasRevolver = facilities.some((f) => f.kind === "revolver");
  const hasNew = facilities.some((f) => f.kind === "newBorrowing");
  const sumOf = (line: string, t: number, which = facilities) => (which.length ? which.map((f) => F(`${f.prefix}.${line}`, t)).join("+") : "0");
  const row = (key: string, label: string, note: string, cell: (t: number) => string, format: "money" | "text" | "rate" = "money", unit = format === "money" ? "USD m" : format === "text" ? "TRUE/FALSE" : "") =>
    sheet.quarters({key, label, unit, note, format, cell: (t) => formula(cell(t))});

  sheet.heading("Operations");
  row("openingCash", "Opening cash", "the previous quarter's closing cash", (t) => (t === 0 ? I("openingCash") : here("closingCash", t - 1)));
  // Revenue from growth that fades or from the backlog, then the largest customer as a
  // stream that may stop (src/model/revenue.ts, revenueStreams).
  const follows = `${I("backlogFollows")}=1`;
  row("backlogOpen", "Backlog at the quarter's start", "the inputs' opening backlog, then the previous quarter's backlog left (before the largest customer stops)",
    (t) => (t === 0 ? I("backlogOpening") : here("backlogDriven", t - 1)));
  row("bookingsDriven", "Bookings (before the largest customer stops)", "if revenue follows the backlog: the previous quarter's × (1 + growth); else none",
    (t) => `IF(${follows},${t === 0 ? I("bookings") : here("bookingsDriven", t - 1)}*(1+${IP("growth", t)}),0)`);
  row("revenueDriven", "Revenue (before the largest customer stops)", "if revenue follows the backlog: backlog at the start ÷ its term; else the previous quarter's × (1 + growth)",
    (t) => `IF(${follows},${here("backlogOpen", t)}/${I("backlogTerm")},${t === 0 ? I("revenueLast") : here("revenueDriven", t - 1)}*(1+${IP("growth", t)}))`);
  row("backlogDriven", "Backlog left (before the largest customer stops)", "backlog at the start − revenue + bookings, if revenue follows the backlog",
    (t) => `IF(${follows},${here("backlogOpen", t)}-${here("revenueDriven", t)}+${here("bookingsDriven", t)},0)`);
  row("customerPays", "The largest customer pays", "before the quarter it stops", (t) => `${T(t)}<${I("customerStopsOffset")}`, "text");
  const rest = (line: string, t: number) => `IF(${here("customerPays", t)},${here(line, t)},${here(line, t)}*(1-${I("customerShare")}))`;
  row("revenue", "Revenue", "the revenue above; once the largest customer stops, the others' share of it", (t) => rest("revenueDriven", t));
  row("bookings", "Bookings", "the bookings above; once the largest customer stops, the others' share", (t) => rest("bookingsDriven", t));
  row("backlog", "Backlog left at the quarter's end", "the backlog above; once the largest customer stops, the others' share", (t) => rest("backlogDriven", t));
  row("largestCustomerRevenue", "The largest customer's revenue", "its share of revenue while it pays", (t) => `IF(${here("customerPays", t)},${here("revenueDriven", t)}*${I("customerShare")},0)`);
  row("badDebt", "Bad debt: billing never collected", "if it stops by default, in the quarter it stops: its share of the quarter before's revenue",
    (t) => `IF(AND(${I("customerDefaults")}=1,${T(t)}=${I("customerStopsOffset")}),${t === 0 ? I("revenueLast") : here("revenueDriven", t - 1)}*${I("customerShare")},0)`);
  const costs = input.costs;
  if (costs.kind === "margin") {
    row("ebitda", "EBITDA", "revenue × EBITDA margin − bad debt", (t) => `${here("revenue", t)}*${IP("margin", t)}-${here("badDebt", t)}`);
    row("operatingCosts", "Operating costs (cash)", "revenue − EBITDA", (t) => `${here("revenue", t)}-${here("ebitda", t)}`);
  } else {
    costs.lines.forEach((line, i) => row(`line${i}.fixed`, `${line.name}: fixed cost`, "the previous quarter's × (1 + its growth)",
      (t) => `${t === 0 ? I(`line${i}.fixed`) : here(`line${i}.fixed`, t - 1)}*(1+${I(`line${i}.fixedGrowth`)})`));
    row("operatingCosts", "Operating costs (cash)", "each line's fixed cost + revenue × its variable share, + bad debt",
      (t) => `${here("badDebt", t)}+${costs.lines.map((_, i) => `(${here(`line${i}.fixed`, t)}+${here("revenue", t)}*${IP(`line${i}.share`, t)})`).join("+")}`);
    row("ebitda", "EBITDA", "revenue − operating costs", (t) => `${here("revenue", t)}-${here("operatingCosts", t)}`);
  }
  // The reported vintages, as ranges of the inputs sheet's blocks (none: no term).
  const vintages = input.depreciation.vintages.length;
  const vintageRange = (field: string) => `${book.cell(INPUTS, `vintage0.${field}`, 0, LEDGER, true)}:${book.cell(INPUTS, `vintage${vintages - 1}.${field}`, 0, INPUTS, true)}`;
  const reportedDepreciable = (t: number) => (vintages ? `+SUMPRODUCT((${vintageRange("offset")}>=${T(t)}-${I("capexLife")})*(${vintageRange("offset")}<${T(t)})*${vintageRange("amount")})` : "");
  row("depreciation", "Depreciation", "capex (projected, and the reported vintages) of the last `life` quarters ÷ life, + the opening assets' charge while it lasts",
    (t) => `(SUMPRODUCT((${book.range(LEDGER, "offset", LEDGER)}>=${T(t)}-${I("capexLife")})*(${book.range(LEDGER, "offset", LEDGER)}<${T(t)})*${book.range(LEDGER, "capex", LEDGER)})${reportedDepreciable(t)})/${I("capexLife")}+IF(${T(t)}<${I("openingDepreciationQuarters")},${I("openingDepreciation")},0)`);
  row("ebit", "EBIT", "EBITDA − depreciation", (t) => `${here("ebitda", t)}-${here("depreciation", t)}`);
  // Capex that follows growth needs revenue `lead` quarters ahead, past the last column too:
  // there it compounds at the last quarter's growth, one factor per quarter beyond (at most 8).
  const last = book.quarterCount - 1;
  const revenueAt = (m: string) => {
    const beyond = `(${m}-${last})`;
    const factors = Array.from({length: 8}, (_, j) => `IF(${beyond}>=${j + 1},1+${IP("growth", last)},1)`).join("*");
    return `IF(${m}<0,${I("revenueLast")},IF(${m}<=${last},SUMPRODUCT((${book.range(LEDGER, "offset", LEDGER)}=${m})*${book.range(LEDGER, "revenueDriven", LEDGER)}),${book.cell(LEDGER, "revenueDriven", last, LEDGER, true)}*${factors}))`;
  };
  row("revenueAhead", "Revenue `lead` quarters ahead (before the largest customer stops)", "revenue of quarter offset + lead; past the last quarter, compounding at its growth",
    (t) => revenueAt(`${T(t)}+${I("capexLead")}`));
  row("revenueAheadBefore", "… and the quarter before it", "revenue of quarter offset + lead − 1 (the last reported quarter's before the first)",
    (t) => revenueAt(`${T(t)}+${I("capexLead")}-1`));
  // Capex of the columns before this one only: a range that held this quarter's own capex
  // would make the capex row depend on itself.
  const earlier = (key: string, t: number) => `${book.cell(LEDGER, key, 0, LEDGER, true)}:${book.cell(LEDGER, key, t - 1, LEDGER, true)}`;
  row("retiring", "Capex at the end of its life", "the vintage spent `life` quarters before: reported (inputs sheet) or projected (an earlier column's capex)",
    (t) => [
      vintages ? `SUMPRODUCT((${vintageRange("offset")}=${T(t)}-${I("capexLife")})*${vintageRange("amount")})` : "",
      t > 0 ? `SUMPRODUCT((${earlier("offset", t)}=${T(t)}-${I("capexLife")})*${earlier("capex", t)})` : ""
    ].filter(Boolean).join("+") || "0");
  row("maintenanceCapex", "Maintenance capex", "replacing what reaches the end of its life: all of it if capex follows growth; else the part of the capex input that does, at most all of it",
    (t) => `IF(${I("capexFollows")}=1,${here("retiring", t)},MIN(${IP("capex", t)},${here("retiring", t)}))`);
  row("growthCapex", "Capex for growth", "if it follows growth: intensity × 4 × the revenue added `lead` quarters ahead by the customers who pay then (never negative); else the capex input less maintenance",
    (t) => `IF(${I("capexFollows")}=1,${I("capexIntensity")}*4*MAX(0,(${here("revenueAhead", t)}-${here("revenueAheadBefore", t)})*IF(${T(t)}+${I("capexLead")}>=${I("customerStopsOffset")},1-${I("customerShare")},1)),${IP("capex", t)}-${here("maintenanceCapex", t)})`);
  row("capex", "Capex", "if it follows growth: capex for growth + maintenance; else from the inputs",
    (t) => `IF(${I("capexFollows")}=1,${here("growthCapex", t)}+${here("maintenanceCapex", t)},${IP("capex", t)})`);

  sheet.heading("Debt service (sums over the facilities)");
  row("interest", "Interest (cash and in kind)", "sum of the facilities'", (t) => sumOf("interest", t));
  row("pikInterest", "Interest paid in kind", "sum of the facilities'", (t) => sumOf("pikInterest", t));
  row("discountAmortisation", "Discount and issuance costs amortised (non-cash)", "sum of the facilities'", (t) => sumOf("discountAmortisation", t));
  row("capitalisedInterest", "Interest capitalised", "interest × capitalised share", (t) => `${here("interest", t)}*${IP("capitalisedShare", t)}`);
  row("reportedInterestExpense", "Interest expense as reported", "interest + discount amortised − capitalised", (t) => `${here("interest", t)}+${here("discountAmortisation", t)}-${here("capitalisedInterest", t)}`);
  row("leasePayments", "Lease payments", "from the inputs", (t) => IP("leasePayments", t));
  row("leaseLiability", "Lease liability at the end", "straight line to zero over the leases' quarters", (t) => `${I("leaseLiability")}*MAX(0,1-(${T(t)}+1)/${I("leaseQuarters")})`);
  row("taxes", "Taxes", "tax rate × (EBIT − reported interest − leases), when positive",
    (t) => `MAX(0,${here("ebit", t)}-${here("reportedInterestExpense", t)}-${here("leasePayments", t)})*${I("taxRate")}`);
  row("operatingCashFlow", "Operating cash flow", "EBITDA − taxes − lease payments", (t) => `${here("ebitda", t)}-${here("taxes", t)}-${here("leasePayments", t)}`);
  const stepFees = (t: number) => facilities.map((f) => F(`${f.prefix}.${f.kind === "newBorrowing" ? "stepFees" : "fees"}`, t)).join("+");
  row("feesBeforeLiquidity", "Fees before end-of-quarter borrowing", "sum of the facilities' draw, commitment and refinancing fees", stepFees);
  row("principalDue", "Principal due", "sum of the facilities'", (t) => sumOf("principalDue", t));
  row("refinanced", "Refinanced (rolled)", "sum of the facilities'", (t) => sumOf("refinanced", t));
  const terms = facilities.filter((f) => f.kind === "term");
  row("scheduledDraws", "Scheduled draws", "sum of the listed facilities' draws", (t) => sumOf("draw", t, terms));
  row("cashFlowBeforeFinancing", "Cash flow before financing", "operating cash flow − cash interest − fees − capex − principal paid",
    (t) => `${here("operatingCashFlow", t)}-(${here("interest", t)}-${here("pikInterest", t)})-${here("feesBeforeLiquidity", t)}-${here("capex", t)}-(${here("principalDue", t)}-${here("refinanced", t)})`);

  sheet.heading("Holding minimum cash, at the quarter's end");
  row("equityRaised", "Equity raised, at the quarter's start", "from the inputs: cash from shareholders, not debt; none while markets are shut, where they shut equity too",
    (t) => `IF(AND(${I("equityShut")}=1,${IP("marketShut", t)}=1),0,${IP("equityRaised", t)})`);
  row("cashBeforeLiquidity", "Cash before end-of-quarter actions", "opening cash + equity raised + cash flow before financing + scheduled draws",
    (t) => `${here("openingCash", t)}+${here("equityRaised", t)}+${here("cashFlowBeforeFinancing", t)}+${here("scheduledDraws", t)}`);
  row("short", "Below minimum cash", "", (t) => `${here("cashBeforeLiquidity", t)}<${I("minimumCash")}`, "text");
  row("need", "Shortfall to fund", "minimum cash − cash, when below", (t) => `IF(${here("short", t)},${I("minimumCash")}-${here("cashBeforeLiquidity", t)},0)`);
  row("revolverAvailable", "Revolver available", "before its maturity", (t) => (hasRevolver ? `${T(t)}<${F("rev.maturity", t)}` : "FALSE"), "text");
  row("revolverDraw", "Revolver drawn", "the shortfall, up to the undrawn capacity",
    (t) => (hasRevolver ? `IF(AND(${here("short", t)},${here("revolverAvailable", t)},${F("rev.undrawnAfterStep", t)}>0),MIN(${here("need", t)},${F("rev.undrawnAfterStep", t)}),0)` : "0"));
  row("needAfterRevolver", "Shortfall left", "", (t) => `${here("need", t)}-${here("revolverDraw", t)}`);
  row("newBorrowingRoom", "New borrowing possible this quarter", "what is left of the limit, at most the cap a quarter",
    (t) => (hasNew ? `MIN(${F("nb.undrawnStart", t)},${I("nbPerQuarter")})` : "0"));
  row("newBorrowingOpen", "New borrowing taken up", "short, markets open, something left to fund and to borrow this quarter",
    (t) => (hasNew ? `AND(${here("short", t)},${IP("marketShut", t)}=0,${here("needAfterRevolver", t)}>0,${here("newBorrowingRoom", t)}>0)` : "FALSE"), "text");
  row("grossNeeded", "Gross borrowing that nets the shortfall", "shortfall ÷ (1 − fee)", (t) => `${here("needAfterRevolver", t)}/(1-${I("nbFee")})`);
  row("coversAll", "The room this quarter covers it", "", (t) => (hasNew ? `${here("grossNeeded", t)}<=${here("newBorrowingRoom", t)}` : "FALSE"), "text");
  row("newBorrowing", "New borrowing (gross of its fee)", "the gross need, up to the room this quarter",
    (t) => (hasNew ? `IF(${here("newBorrowingOpen", t)},MIN(${here("grossNeeded", t)},${here("newBorrowingRoom", t)}),0)` : "0"));
  row("newBorrowingFee", "Its upfront fee", "what the gross-up added, or borrowing × fee when the limit or the cap a quarter binds",
    (t) => `IF(${here("newBorrowingOpen", t)},IF(${here("coversAll", t)},${here("grossNeeded", t)}-${here("needAfterRevolver", t)},${here("newBorrowing", t)}*${I("nbFee")}),0)`);
  row("unfunded", "Shortfall not funded", "", (t) => `IF(${here("newBorrowingOpen", t)},IF(${here("coversAll", t)},0,${here("needAfterRevolver", t)}-(${here("newBorrowing", t)}-${here("newBorrowingFee", t)})),${here("needAfterRevolver", t)})`);
  row("revolverRepayment", "Revolver repaid", "cash above the minimum, up to what is drawn",
    (t) => (hasRevolver ? `IF(AND(NOT(${here("short", t)}),${here("revolverAvailable", t)},${F("rev.afterStep", t)}>0),MIN(${here("cashBeforeLiquidity", t)}-${I("minimumCash")},${F("rev.afterStep", t)}),0)` : "0"));
  row("cashAfterLiquidity", "Cash after holding the minimum", "the minimum (less any shortfall not funded), or cash less the revolver repaid",
    (t) => `IF(${here("short", t)},IF(${here("unfunded", t)}>0,${I("minimumCash")}-${here("unfunded", t)},${I("minimumCash")}),${here("cashBeforeLiquidity", t)}-${here("revolverRepayment", t)})`);
  row("prepaymentRoom", "Cash above the minimum, for optional prepayments", "", (t) => `MAX(0,${here("cashAfterLiquidity", t)}-${I("minimumCash")})`);
  row("prepayment", "Optional prepayments", "sum of the listed facilities' prepayments", (t) => sumOf("prepaid", t, terms));
  row("prepaymentPremium", "Call premiums on them", "sum of the listed facilities' premiums", (t) => sumOf("prepaymentPremium", t, terms));
  row("cashAfterPrepayment", "Cash after prepayments", "cash after holding the minimum − prepayments − premiums",
    (t) => `${here("cashAfterLiquidity", t)}-${here("prepayment", t)}-${here("prepaymentPremium", t)}`);
  row("sweepPool", "Cash swept to repay debt", "sweep share × cash above minimum cash + buffer",
    (t) => `IF(AND(${I("sweepShare")}>0,${here("cashAfterPrepayment", t)}>${I("minimumCash")}+${I("sweepBuffer")}),(${here("cashAfterPrepayment", t)}-(${I("minimumCash")}+${I("sweepBuffer")}))*${I("sweepShare")},0)`);
  row("sweepRepayment", "Repaid by the sweep", "sum of the listed facilities' sweep repayments", (t) => sumOf("sweep", t, terms));
  row("cashBeforeCure", "Cash before any equity cure", "cash after prepayments − sweep", (t) => `${here("cashAfterPrepayment", t)}-${here("sweepRepayment", t)}`);
  const cures = covenantKeys(input).filter((c) => c.kind === "minimumLiquidity").map((c) => `${c.key}.cure`);
  row("equityCure", "Equity put in to cure a covenant", "sum of the minimum-liquidity covenants' cures", (t) => (cures.length ? cures.map((key) => F(key, t)).join("+") : "0"));
  row("closingCash", "Closing cash", "cash before cures + equity cure", (t) => `${here("cashBeforeCure", t)}+${here("equityCure", t)}`);

  sheet.heading("Totals");
  row("fees", "Fees", "sum of the facilities' (with new borrowing's upfront fee)", (t) => sumOf("fees", t));
  row("repaid", "Principal repaid in cash", "sum of the facilities'", (t) => sumOf("repaid", t));
  row("undrawnRevolver", "Undrawn revolver at the end", "", (t) => (hasRevolver ? F("rev.undrawnEnd", t) : "0"));
  row("openingDebt", "Opening debt", "sum of the facilities' opening balances", (t) => sumOf("opening", t));
  row("closingDebt", "Closing debt", "sum of the facilities' closing balances", (t) => sumOf("closing", t));
  row("cannotPay", "Cannot pay (closing cash below zero)", "", (t) => `${here("closingCash", t)}<0`, "text");
}
