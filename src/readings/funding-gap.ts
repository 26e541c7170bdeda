import type {Projection} from "../model/index.js";

/**
 * The funding gap. When uses exceed every source (cash above zero, the revolver, new
 * borrowing, refinancing), the engine carries the shortfall as cash below zero: there is no
 * interest on cash, so that is the same as cash at zero and the shortfall unfunded. Readers
 * see it that way: cash never below zero, and the funding gap (what no source covered, in all
 * to date) as a line and a series of its own. Its first quarter is the first quarter the
 * company cannot pay.
 */
export const cashHeld = (closingCash: number): number => Math.max(0, closingCash);

/** What no source covered, in all to the quarter's end. */
export const fundingGap = (closingCash: number): number => Math.max(0, -closingCash);

/** The largest funding gap of a projection (its last quarter's, unless cash came back), or 0. */
export function largestFundingGap(p: Projection<number>): number {
  return p.quarters.reduce((largest, q) => Math.max(largest, fundingGap(q.ledger.closingCash)), 0);
}

/** One quarter of a projection as a script reads it: the ledger's main lines, the gap and the regime. */
export interface QuarterRecord {
  readonly quarter: string;
  readonly revenue: number;
  /** New contracts signed, and the backlog left at the quarter's end (zero unless revenue follows the backlog). */
  readonly bookings: number;
  readonly backlog: number;
  /** The largest customer's part of revenue (zero once it stops paying). */
  readonly largest_customer_revenue: number;
  /** What a defaulting largest customer never pays, in the quarter it stops. */
  readonly bad_debt: number;
  readonly ebitda: number;
  readonly depreciation: number;
  readonly capex: number;
  /** The part of capex that replaces vintages at the end of their useful life. */
  readonly maintenance_capex: number;
  readonly operating_cash_flow: number;
  readonly interest: number;
  readonly principal_due: number;
  readonly new_borrowing: number;
  /** Delayed draws on committed facilities, at the quarter's start (within their draw windows). */
  readonly scheduled_draws: number;
  /** Equity raised at the quarter's start (none while markets are shut, where they shut equity too). */
  readonly equity_raised: number;
  readonly funding_gap: number;
  readonly closing_cash: number;
  readonly closing_debt: number;
  /** Minsky's regime: operating cash flow against interest, then against interest and principal due. */
  readonly regime: string;
  /** The same, on operating cash flow less maintenance capex. */
  readonly regime_after_maintenance: string;
}

const cents = (x: number) => Math.round(x * 100) / 100;

export function quarterRecords(p: Projection<number>): QuarterRecord[] {
  return p.quarters.map(({ledger: l, regime, regimeAfterMaintenance}) => ({
    quarter: l.quarter,
    revenue: cents(l.revenue),
    bookings: cents(l.bookings),
    backlog: cents(l.backlog),
    largest_customer_revenue: cents(l.largestCustomerRevenue),
    bad_debt: cents(l.badDebt),
    ebitda: cents(l.ebitda),
    depreciation: cents(l.depreciation),
    capex: cents(l.capex),
    maintenance_capex: cents(l.maintenanceCapex),
    operating_cash_flow: cents(l.operatingCashFlow),
    interest: cents(l.interest),
    principal_due: cents(l.principalDue),
    new_borrowing: cents(l.newBorrowing),
    scheduled_draws: cents(l.scheduledDraws),
    equity_raised: cents(l.equityRaised),
    funding_gap: cents(fundingGap(l.closingCash)),
    closing_cash: cents(cashHeld(l.closingCash)),
    closing_debt: cents(l.closingDebt),
    regime,
    regime_after_maintenance: regimeAfterMaintenance
  }));
}
