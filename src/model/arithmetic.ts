import Decimal from "decimal.js";
import {inversePower, quotient} from "./decimal-bigint.js";

/**
 * The arithmetic seam. The model is written once, over an `Arithmetic<N>`, and runs on
 * either exact decimals (the ledger) or float64 numbers (grids and simulations). Every
 * operation the model needs is here, so nothing in the model can reach for `+` on money.
 *
 * Neither arithmetic rounds while projecting: the decimal one carries 28 significant
 * digits (as .NET's System.Decimal does), which is exact for the sums and products of
 * the inputs' figures — a balance of USD 100 billion keeps 14 digits below the cent —
 * and rounds divisions and powers (ratios, the annuity payment) at the 28th digit. Rounding to
 * the cent happens in one place only, `roundToCent` below, when a figure is shown or
 * exported — the way a spreadsheet keeps full precision in its cells and rounds in their
 * format. That is also why the exported workbook can match the ledger to the cent.
 */
export interface Arithmetic<N> {
  readonly name: "decimal" | "float";
  readonly zero: N;
  readonly one: N;
  /** A finite JavaScript number (already validated) into this arithmetic. */
  of(value: number): N;
  add(a: N, b: N): N;
  sub(a: N, b: N): N;
  mul(a: N, b: N): N;
  /** Callers guarantee a non-zero divisor (metrics check first and answer null). */
  div(a: N, b: N): N;
  /** An annual rate's share for one quarter: rate / 4 (the model's period is a quarter). */
  perQuarter(annual: N): N;
  /**
   * 1 − (1 + rate)^−periods, the annuity's denominator. In float it is computed as
   * −expm1(−n·log1p(r)), because the plain formula cancels catastrophically for small
   * rates (at 1e-12 a quarter it would be wrong in the fourth digit).
   */
  annuityDenominator(periodRate: N, periods: number): N;
  neg(a: N): N;
  min(a: N, b: N): N;
  max(a: N, b: N): N;
  eq(a: N, b: N): boolean;
  lt(a: N, b: N): boolean;
  lte(a: N, b: N): boolean;
  gt(a: N, b: N): boolean;
  isZero(a: N): boolean;
  isNegative(a: N): boolean;
  toNumber(a: N): number;
}

/**
 * The decimal configuration of the ledger, in one place. A clone, so that no other user
 * of decimal.js in the page (vega, arquero) is affected by, or can change, our settings.
 */
export const Money = Decimal.clone({
  precision: 28,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40
});
export type Money = Decimal;

const decimalOne = new Money(1);
const decimalZero = new Money(0);
const decimalQuarter = new Money(0.25);

export const decimalArithmetic: Arithmetic<Decimal> = {
  name: "decimal",
  zero: decimalZero,
  one: decimalOne,
  // Through the shortest string form of the number, so 0.1 becomes exactly 0.1.
  of: (value) => new Money(value),
  // Most amounts of a quarter are zero (no draw, no fee, nothing due): skipping decimal.js's
  // normalisation for them is most of the decimal path's speed, and exact all the same.
  add: (a, b) => (b.isZero() ? a : a.isZero() ? b : a.plus(b)),
  sub: (a, b) => (b.isZero() ? a : a.minus(b)),
  mul: (a, b) => (a.isZero() || b.isZero() ? decimalZero : a.times(b)),
  div: (a, b) => (a.isZero() ? decimalZero : quotient(Money, a, b)),
  // × 0.25 is exact and several times cheaper than ÷ 4 in decimal.js.
  perQuarter: (annual) => (annual.isZero() ? decimalZero : annual.times(decimalQuarter)),
  annuityDenominator: (rate, periods) => decimalOne.minus(inverseCompound(rate, periods)),
  neg: (a) => a.negated(),
  min: (a, b) => (a.lte(b) ? a : b),
  max: (a, b) => (a.gte(b) ? a : b),
  eq: (a, b) => a.eq(b),
  lt: (a, b) => a.lt(b),
  lte: (a, b) => a.lte(b),
  gt: (a, b) => a.gt(b),
  isZero: (a) => a.isZero(),
  isNegative: (a) => a.isNegative() && !a.isZero(),
  toNumber: (a) => a.toNumber()
};

/** (1 + rate)^−periods, as decimal.js's `pow` gives it (`inversePower`, which is quicker, for a whole number of periods). */
function inverseCompound(rate: Decimal, periods: number): Decimal {
  const base = decimalOne.plus(rate);
  if (base.eq(decimalOne) || !Number.isSafeInteger(periods) || periods < 1) return base.pow(-periods);
  return inversePower(Money, base, periods);
}

export const floatArithmetic: Arithmetic<number> = {
  name: "float",
  zero: 0,
  one: 1,
  of: (value) => value,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  perQuarter: (annual) => annual / 4,
  annuityDenominator: (rate, periods) => -Math.expm1(-periods * Math.log1p(rate)),
  neg: (a) => -a,
  min: (a, b) => (a <= b ? a : b),
  max: (a, b) => (a >= b ? a : b),
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  isZero: (a) => a === 0,
  isNegative: (a) => a < 0,
  toNumber: (a) => a
};

/**
 * THE rounding of the project: a money figure in USD millions to the cent
 * (0.01 USD = 1e-8 USD millions), half to even (banker's rounding, as accounting
 * systems do). Used when a figure is shown, exported or compared with a spreadsheet;
 * never inside the projection.
 */
export function roundToCent(amountInMillions: Decimal): Decimal {
  return new Money(amountInMillions).toDecimalPlaces(8, Decimal.ROUND_HALF_EVEN);
}

/**
 * A constant in each arithmetic, converted once on first use: the quarter loop reads it
 * without allocating a decimal each time.
 */
export function arithmeticConstant(value: number) {
  // One slot per arithmetic, read by name: cheaper than a Map in the hottest loops.
  let asDecimal: Decimal | undefined;
  return {
    get<N>(ar: Arithmetic<N>): N {
      if (ar.name === "float") return value as N;
      return (asDecimal ??= new Money(value)) as N;
    }
  };
}
