import type {Arithmetic} from "./arithmetic.js";
import type {Path, RateInput} from "./inputs.js";

/** The value of a per-quarter path at quarter `offset`: past its end, its last value holds. */
export function pathValue(path: Path, offset: number): number {
  if (typeof path === "number") return path;
  return path[Math.min(offset, path.length - 1)] as number;
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
