import {arithmeticConstant, type Arithmetic} from "./arithmetic.js";
import type {Path, RateInput} from "./inputs.js";
import {CENT_IN_MILLIONS} from "./metrics.js";

/** An interest-rate hedge in the projection's arithmetic: a swap's fixed rate or a cap's strike, on a notional, until a quarter offset. */
export interface PreparedHedge<N> {
  readonly type: "swap" | "cap";
  readonly notional: N;
  readonly rate: N;
  readonly until: number;
}

/** The value of a per-quarter path at quarter `offset`: past its end, its last value holds. */
export function pathValue(path: Path, offset: number): number {
  return typeof path === "number" ? path : atQuarter(path, offset);
}

/**
 * A per-quarter path's values in the projection's arithmetic, each converted once rather
 * than every quarter (a decimal made from a number goes through its shortest string form,
 * which costs more than a multiplication). Read a quarter's value with `atQuarter`.
 */
export function arithmeticPath<N>(ar: Arithmetic<N>, path: Path): readonly N[] {
  if (typeof path === "number") return [ar.of(path)];
  const values: N[] = new Array(path.length);
  for (let i = 0; i < path.length; i++) values[i] = ar.of(path[i] as number);
  return values;
}

/** A path's value at quarter `offset`, its values given as a list: past its end, its last value holds. */
export function atQuarter<N>(values: readonly N[], offset: number): N {
  return values[offset < values.length ? offset : values.length - 1] as N;
}

/** A facility's rate terms, converted once into the projection's arithmetic. */
export type PreparedRate<N> =
  | {readonly type: "fixed"; readonly annualRate: N}
  | {readonly type: "floating"; readonly spread: N; readonly floor: N | null};

export function prepareRate<N>(ar: Arithmetic<N>, rate: RateInput): PreparedRate<N> {
  return rate.type === "fixed"
    ? {type: "fixed", annualRate: ar.of(rate.annualRate)}
    : {type: "floating", spread: ar.of(rate.spread), floor: rate.floor === undefined ? null : ar.of(rate.floor)};
}

/**
 * The annual rate a facility bears in a quarter: its fixed rate, or the base rate
 * (raised to the floor, if it has one) plus the spread.
 */
export function annualRateFor<N>(ar: Arithmetic<N>, rate: PreparedRate<N>, baseRate: N): N {
  if (rate.type === "fixed") return rate.annualRate;
  const base = rate.floor === null ? baseRate : ar.max(baseRate, rate.floor);
  return ar.add(base, rate.spread);
}

/**
 * The annual rate on a balance part of which is hedged: on the hedged part (the notional,
 * at most the balance) a swap replaces the reference rate with its fixed rate, and a cap
 * limits it to the strike; the rest bears the reference rate (raised to any floor). The
 * spread applies to all of it. A simplification: a swap's own floating leg is taken to
 * match the loan's reference rate exactly.
 */
export function hedgedAnnualRate<N>(ar: Arithmetic<N>, rate: PreparedRate<N>, baseRate: N, hedge: PreparedHedge<N> | null | undefined, offset: number, balance: N): N {
  if (rate.type === "fixed" || !hedge || offset > hedge.until || ar.isZero(hedge.notional)) return annualRateFor(ar, rate, baseRate);
  const base = rate.floor === null ? baseRate : ar.max(baseRate, rate.floor);
  // A cap whose strike is above the reference rate does not bite: the rate is unhedged.
  if (hedge.type === "cap" && !ar.lt(hedge.rate, base)) return ar.add(base, rate.spread);
  // The swap's fixed rate, or the cap's strike (below the reference rate, or it would not bite).
  const hedgedBase = hedge.rate;
  // base + (hedged share) × (hedged base − base): exact where the hedge does not bite, and
  // without the cancellation of a weighted sum over a tiny balance.
  // The hedged share tends to 1 as the balance falls to zero. Taking that limit for any
  // balance under a cent keeps float dust (which one arithmetic rounds to zero and the
  // other does not) from changing the rate in one arithmetic only.
  if (!(ar.gt(balance, hedge.notional) && ar.gt(balance, CENT.get(ar)))) return ar.add(hedgedBase, rate.spread);
  const share = ar.div(hedge.notional, balance);
  return ar.add(ar.add(base, ar.mul(share, ar.sub(hedgedBase, base))), rate.spread);
}

const CENT = arithmeticConstant(CENT_IN_MILLIONS);
