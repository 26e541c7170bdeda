import {addQuarters, decimalArithmetic, project, quarterOfMonth, type ModelInputDraft} from "../model/index.js";
import {interestBreakdown, type FacilityFigure as CitedFacilityFigure, type FinancialFigure as CitedFinancialFigure, type IssuanceFigure as CitedIssuanceFigure} from "./base-case.js";

/**
 * Does the engine reproduce what was reported? For each quarter whose opening debt
 * table (the facilities at the previous quarter end) and reported interest expense are
 * both in the dataset, project that one quarter from those facilities and compare the
 * engine's interest with the reported figure.
 *
 * Each facility enters at the effective interest rate its filing states (the midpoint of
 * a stated range), fixed for the quarter: that rate already includes the amortisation of
 * discounts and issuance costs, as reported interest expense does. What the engine cannot
 * see is listed in docs/data.md: draws and repayments during the quarter, capitalised
 * interest, interest income netted into "interest expense, net".
 */
/** A facility of a reported debt table; the base case reads the same rows (with their citations). */
export type FacilityFigure = Omit<CitedFacilityFigure, "source" | "locator">;
export type FinancialFigure = Omit<CitedFinancialFigure, "locator">;
/** Debt issued after a debt table's date: what the backtest reads of the base case's issuances. */
export type IssuanceFigure = Pick<CitedIssuanceFigure, "issued" | "facility" | "principal" | "coupon">;

export interface BacktestRow {
  readonly quarter: string;
  readonly facilities_as_of: string;
  readonly projected: number;
  readonly reported: number;
  readonly reported_line_item: string;
  readonly reported_source: string;
  /**
   * The headline error, like for like: (projected − reported) / reported × 100, with the
   * quarter as the income statement books it where the dataset allows (see `method`), else
   * at the table's effective rates.
   */
  readonly error_pct: number;
  /** How `error_pct` was projected: "as booked" or "effective rates". */
  readonly method: "as booked" | "effective rates";
  /** At the table's effective rates, held for every row. */
  readonly error_effective_pct: number;
  /** Facilities left out, and why (e.g. no stated rate). */
  readonly left_out: readonly string[];
  /**
   * The same quarter as the income statement books it, where the dataset holds an interest
   * breakdown (of the opening quarter or before) and the table's discount: cash interest at
   * contractual rates (effective rates times the breakdown's cash share), plus the discount
   * amortised to each facility's maturity, less the capitalised share. Null where not held.
   */
  readonly projected_as_reported: number | null;
  readonly error_as_reported_pct: number | null;
  /** The breakdown's quarter, whose shares were used. */
  readonly shares_from: string | null;
  /**
   * Debt issued during the quarter that an 8-K states (the table at its start cannot list
   * it), each with the days it was outstanding: it bears its coupon for that share of the
   * quarter, in both projections.
   */
  readonly issued_during: readonly string[];
}

/** Unamortised discount at a debt table's date, USD millions. */
export interface DiscountAt {
  readonly as_of: string;
  readonly amount: number;
}

/** The quarter that starts the day after `asOf` (a quarter end), as "2025Q3". */
export function quarterAfter(asOf: string): string | null {
  return /^\d{4}-(03-31|06-30|09-30|12-31)$/.test(asOf) ? addQuarters(quarterOfMonth(asOf), 1) : null;
}

// Reported interest, in order of preference: the debt note's interest on debt, then the
// income statement's net figure.
const REPORTED_INTEREST = ["interest_expense_on_debt", "interest_expense_net"] as const;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
/** The last day of the quarter that starts the day after `asOf`, a quarter end. */
function quarterEndAfter(asOf: string): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  // The first of the month after the quarter, less a day.
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 4, 1) - DAY_MS).toISOString().slice(0, 10);
}

export function backtest(facilities: readonly FacilityFigure[], financials: readonly FinancialFigure[], discounts: readonly DiscountAt[] = [], issuances: readonly IssuanceFigure[] = []): BacktestRow[] {
  const rows: BacktestRow[] = [];
  for (const asOf of [...new Set(facilities.map((f) => f.as_of))].sort()) {
    const quarter = quarterAfter(asOf);
    if (!quarter) continue;
    const reported = REPORTED_INTEREST.map((item) => financials.find((f) => f.period === quarter && f.line_item === item)).find((f) => f !== undefined);
    if (!reported) continue;
    const leftOut: string[] = [];
    const drafts: ModelInputDraft["facilities"] = [];
    facilities.filter((f) => f.as_of === asOf).forEach((f, i) => {
      if (f.principal === 0) return;
      if (f.effective_rate_low === null || f.effective_rate_high === null) {
        leftOut.push(`${f.facility}: no stated rate`);
        return;
      }
      const maturity = quarterOfMonth(f.maturity_to);
      drafts.push({
        id: `facility-${i + 1}`,
        name: f.facility,
        principal: f.principal,
        rate: {type: "fixed", annualRate: (f.effective_rate_low + f.effective_rate_high) / 2},
        // Maturing inside the quarter still bears the quarter's interest on its opening balance.
        maturity: maturity < quarter ? quarter : maturity
      });
    });
    if (drafts.length === 0) continue;
    // Issued during the quarter: outstanding from its issue date (interest accrues from it)
    // to the quarter's last day, both counted. The engine has no days, so the issuance
    // enters as that share of its principal, outstanding all quarter: the same interest.
    const quarterEnd = quarterEndAfter(asOf);
    const quarterDays = dayNumber(quarterEnd) - dayNumber(asOf);
    const issuedDuring: string[] = [];
    const issuedDrafts: ModelInputDraft["facilities"] = issuances.filter((d) => d.issued > asOf && d.issued <= quarterEnd).map((d, i) => {
      const days = dayNumber(quarterEnd) - dayNumber(d.issued) + 1;
      issuedDuring.push(`${d.facility}: ${d.principal.toLocaleString("en-US")} USD m at ${Number((d.coupon * 100).toFixed(3))} % from ${d.issued}, ${days} of ${quarterDays} days`);
      return {id: `issued-${i + 1}`, name: d.facility, principal: (d.principal * days) / quarterDays, rate: {type: "fixed" as const, annualRate: d.coupon}, maturity: quarter};
    });
    const shell = (facilities: ModelInputDraft["facilities"], capitalisedInterestShare = 0): ModelInputDraft => ({
      start: quarter, quarters: 1, openingCash: 0,
      revenue: {lastQuarter: 0, growth: 0}, costs: {kind: "margin", ebitdaMargin: 0},
      capex: 0, baseRate: 0, facilities, capitalisedInterestShare
    });
    const projected = project(shell([...drafts, ...issuedDrafts]), decimalArithmetic).quarters[0]!.ledger.interest.toNumber();
    const error = (x: number) => Number((((x - reported.value) / reported.value) * 100).toFixed(2));
    // As booked: only figures known at the table's date (no later quarter's breakdown), and
    // none from more than a quarter before it: capitalised interest and discounts move with
    // the debt (2024Q2 capitalised 41 % of contractual interest, 2025Q2 9 %).
    const found = interestBreakdown(financials, quarterOfMonth(asOf));
    const shares = found && found.period >= addQuarters(quarterOfMonth(asOf), -1) ? found : null;
    const discount = discounts.find((d) => d.as_of === asOf);
    let asReported: number | null = null;
    if (shares && discount) {
      const principal = drafts.reduce((sum, f) => sum + f.principal, 0);
      const booked = drafts.map((f) => ({
        ...f,
        rate: {type: "fixed" as const, annualRate: (f.rate as {annualRate: number}).annualRate * shares.cashShareOfEffective},
        discount: (discount.amount * f.principal) / principal
      }));
      // An issuance's coupon is already a cash rate, and its own discount is not held.
      asReported = project(shell([...booked, ...issuedDrafts], shares.capitalisedShare), decimalArithmetic).quarters[0]!.ledger.reportedInterestExpense.toNumber();
    }
    rows.push({
      quarter, facilities_as_of: asOf, projected, reported: reported.value,
      reported_line_item: reported.line_item, reported_source: reported.source,
      error_pct: asReported === null ? error(projected) : error(asReported),
      method: asReported === null ? "effective rates" : "as booked",
      error_effective_pct: error(projected),
      left_out: leftOut,
      projected_as_reported: asReported,
      error_as_reported_pct: asReported === null ? null : error(asReported),
      shares_from: shares && discount ? shares.period : null,
      issued_during: issuedDuring
    });
  }
  return rows;
}
