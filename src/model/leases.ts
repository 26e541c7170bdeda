import type {Arithmetic} from "./arithmetic.js";
import type {ModelInput} from "./inputs.js";
import {arithmeticPath, atQuarter} from "./rates.js";

/**
 * Leases in the projection's arithmetic: a payment a quarter, a fixed charge paid in cash
 * after EBITDA, and the liability at the start, which runs down straight line.
 */
export interface LeaseSchedule<N> {
  readonly payments: readonly N[];
  readonly liabilityAtStart: N;
  readonly remainingQuarters: number;
}

export function leaseSchedule<N>(ar: Arithmetic<N>, input: ModelInput): LeaseSchedule<N> | null {
  const leases = input.leases;
  if (!leases) return null;
  return {payments: arithmeticPath(ar, leases.paymentPerQuarter), liabilityAtStart: ar.of(leases.liability), remainingQuarters: leases.remainingQuarters};
}

/** The lease payment of quarter `offset` (zero without leases). */
export function leasePayment<N>(ar: Arithmetic<N>, leases: LeaseSchedule<N> | null, offset: number): N {
  return leases ? atQuarter(leases.payments, offset) : ar.zero;
}

/** The lease liability at the end of quarter `offset`: straight line to zero over the leases' remaining quarters. */
export function leaseLiability<N>(ar: Arithmetic<N>, leases: LeaseSchedule<N> | null, offset: number): N {
  return leases ? ar.mul(leases.liabilityAtStart, ar.of(Math.max(0, 1 - (offset + 1) / leases.remainingQuarters))) : ar.zero;
}
