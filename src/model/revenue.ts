import type {Arithmetic} from "./arithmetic.js";
import type {ModelInput} from "./inputs.js";
import {quarterOffset} from "./quarter.js";
import {atQuarter} from "./rates.js";

/** One quarter's revenue and the readings that come with it. */
export interface RevenueQuarter<N> {
  /** Revenue recognised, after the largest customer stops paying (if it does). */
  readonly revenue: N;
  /** New contracts signed in the quarter (zero unless revenue follows the backlog). */
  readonly bookings: N;
  /** The backlog (remaining performance obligations) left at the quarter's end (zero unless revenue follows the backlog). */
  readonly backlog: N;
  /** The largest customer's part of revenue: its share while it pays, then zero. */
  readonly largestCustomerRevenue: N;
  /** In the quarter a defaulting largest customer stops: the quarter's billing it never pays. */
  readonly badDebt: N;
}

export interface RevenueStreams<N> {
  readonly quarters: readonly RevenueQuarter<N>[];
  /**
   * For each quarter m of the horizon and `beyond` quarters past it: the revenue added by
   * the customers who pay in quarter m (their revenue in m less theirs in m − 1), which
   * capex that follows growth buys for. A customer who stops takes its capacity with it:
   * its lost revenue is not a fall that the others' growth must first make up.
   */
  readonly added: readonly N[];
}

/**
 * Revenue, quarter by quarter, worked out once for the projection. Two drivers:
 *
 * - growth that fades: revenue compounds from the last reported quarter at the quarter's
 *   growth, R_t = R_{t−1} × (1 + g_t);
 * - the backlog: each quarter recognises backlog ÷ term (the weighted remaining term in
 *   quarters), R_t = B_t / term; bookings compound from the base at the quarter's growth,
 *   K_t = K_{t−1} × (1 + g_t); and B_{t+1} = B_t − R_t + K_t.
 *
 * Either way the largest customer is a share s of it: from the quarter it stops paying,
 * revenue, bookings and backlog are (1 − s) of the driver's; if it stops because it
 * defaults, the quarter it stops also loses what it was billed the quarter before
 * (s × R_{t−1}) as bad debt. Past the horizon (for capex's lead only) revenue compounds at
 * the last projected quarter's growth in both drivers, as the workbook's last column does.
 */
export function revenueStreams<N>(ar: Arithmetic<N>, input: ModelInput, growth: readonly N[], beyond: number): RevenueStreams<N> {
  const horizon = input.quarters;
  const backlogDriver = input.revenue.backlog?.follows ? input.revenue.backlog : undefined;
  const customer = input.revenue.largestCustomer;
  const share = ar.of(customer?.share ?? 0);
  const rest = ar.sub(ar.one, share);
  const stop = customer?.stopsFrom === undefined ? Infinity : quarterOffset(input.start, customer.stopsFrom);
  const defaults = customer?.because === "default";
  const term = backlogDriver ? ar.of(backlogDriver.termQuarters) : ar.one;
  let backlog = backlogDriver ? ar.of(backlogDriver.opening) : ar.zero;
  let bookings = backlogDriver ? ar.of(backlogDriver.bookings) : ar.zero;
  let previous = ar.of(input.revenue.lastQuarter);

  const quarters: RevenueQuarter<N>[] = new Array(horizon);
  const added: N[] = new Array(horizon + beyond);
  for (let m = 0; m < horizon + beyond; m++) {
    const g = atQuarter(growth, m < horizon ? m : horizon - 1);
    const factor = ar.add(ar.one, g);
    let driven: N;
    let closingBacklog = ar.zero;
    if (backlogDriver && m < horizon) {
      driven = ar.div(backlog, term);
      bookings = ar.mul(bookings, factor);
      closingBacklog = ar.add(ar.sub(backlog, driven), bookings);
    } else {
      driven = ar.mul(previous, factor);
    }
    const paying = m < stop;
    const increase = ar.sub(driven, previous);
    added[m] = paying ? increase : ar.mul(increase, rest);
    if (m < horizon) {
      quarters[m] = {
        revenue: paying ? driven : ar.mul(driven, rest),
        bookings: backlogDriver ? (paying ? bookings : ar.mul(bookings, rest)) : ar.zero,
        backlog: backlogDriver ? (paying ? closingBacklog : ar.mul(closingBacklog, rest)) : ar.zero,
        largestCustomerRevenue: paying ? ar.mul(driven, share) : ar.zero,
        badDebt: defaults && m === stop ? ar.mul(previous, share) : ar.zero
      };
      backlog = closingBacklog;
    }
    previous = driven;
  }
  return {quarters, added};
}
