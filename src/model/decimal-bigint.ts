import type Decimal from "decimal.js";

/**
 * The ledger's two dearest decimal steps, a division and the annuity's power
 * (1 + r)^−n, worked on native BigInt significands: the figures decimal.js gives, digit
 * for digit, in less time (docs/model.md, "The decimal path's speed").
 *
 * decimal.js rounds a quotient correctly: it carries the long division past the
 * precision and notes whether anything is left. Here the quotient is worked out exactly
 * with BigInt and rounded to the nearest figure at the same precision. The one case in
 * which the two could round differently is a quotient exactly halfway between two figures
 * (where decimal.js can take a trailing zero word of its normalised dividend for a
 * remainder): that case is left to decimal.js. test/model/decimal-bigint.test.ts checks
 * both steps against decimal.js on random figures.
 */

/** A decimal.js constructor with its precision and rounding (the ledger's `Money` clone). */
export type DecimalConstructor<D extends Decimal> = (new (value: string) => D) & {readonly precision: number; readonly rounding: number};

/**
 * Whether rounding to nearest, which is what is done here, gives decimal.js's figure: for
 * its five "half" modes it does, ties apart (the ledger's is half to even).
 */
const roundsToNearest = (Money: DecimalConstructor<Decimal>) => Money.rounding >= 4 && Money.rounding <= 8;

/** a / b, rounded as decimal.js rounds it. */
export function quotient<D extends Decimal>(Money: DecimalConstructor<D>, a: D, b: D): D {
  // A divisor of one word (seven digits or fewer, such as a count of quarters or an
  // asset's life) is decimal.js's quick case; zero and non-finite figures its own to answer.
  if (!a.d || !b.d || b.d.length < 2 || a.isZero() || !roundsToNearest(Money)) return a.dividedBy(b) as D;
  return rounded(Money, exactOf(a), exactOf(b), Money.precision) ?? (a.dividedBy(b) as D);
}

/**
 * (1 + r)^−n as decimal.js's `pow` gives it for a whole n ≥ 1: it raises by repeated
 * squaring on its words (base 10^7), keeping eight of them (49 to 56 digits) of every
 * product and dropping the rest, then divides 1 by the result. The same squarings and
 * the same cuts run here on BigInt; then the same correctly rounded reciprocal.
 */
export function inversePower<D extends Decimal>(Money: DecimalConstructor<D>, base: D, periods: number): D {
  if (!roundsToNearest(Money)) return base.pow(-periods) as D;
  const power = integerPower(exactOf(base), periods, Math.ceil(Money.precision / WORD_DIGITS + 4));
  return rounded(Money, ONE, power, Money.precision) ?? (new Money("1").dividedBy(new Money(`${power.significand}e${power.exponent}`)) as D);
}

/** An exact decimal: significand × 10^exponent, the significand's magnitude with `digits` digits. */
interface Exact {
  readonly significand: bigint;
  readonly exponent: number;
  readonly digits: number;
}

const ONE: Exact = {significand: 1n, exponent: 0, digits: 1};
const WORD_DIGITS = 7;
const TWO_WORDS = 10n ** 14n;
const POWERS_OF_TEN: bigint[] = [1n];

function powerOfTen(k: number): bigint {
  for (let i = POWERS_OF_TEN.length; i <= k; i++) POWERS_OF_TEN.push(POWERS_OF_TEN[i - 1]! * 10n);
  return POWERS_OF_TEN[k]!;
}

/** A finite, non-zero decimal.js value as an exact significand, read from its words. */
function exactOf(x: Decimal): Exact {
  // decimal.js documents d (the words, most significant first), e (the exponent of the
  // leading digit) and s (the sign) as read-only properties: read here, never written.
  const words = x.d, count = words.length;
  // Two words at a time (below 10^14, exact in a double): half the BigInt steps.
  let i = count % 2 === 1 ? 1 : 2;
  let significand = BigInt(count % 2 === 1 ? words[0]! : words[0]! * 1e7 + words[1]!);
  for (; i < count; i += 2) significand = significand * TWO_WORDS + BigInt(words[i]! * 1e7 + words[i + 1]!);
  // The words are aligned on exponents that are multiples of 7: the leading one holds one to seven digits.
  const digits = (((x.e % WORD_DIGITS) + WORD_DIGITS) % WORD_DIGITS) + 1 + WORD_DIGITS * (count - 1);
  return {significand: x.s < 0 ? -significand : significand, exponent: x.e - digits + 1, digits};
}

/**
 * a / b to `precision` significant digits, half to even, as a decimal of `Money`; null
 * when the exact quotient lies exactly halfway.
 */
function rounded<D>(Money: new (value: string) => D, a: Exact, b: Exact, precision: number): D | null {
  const negative = (a.significand < 0n) !== (b.significand < 0n);
  const dividend = a.significand < 0n ? -a.significand : a.significand;
  const divisor = b.significand < 0n ? -b.significand : b.significand;
  // Scaled so that the quotient has precision + 1 or precision + 2 digits.
  const shift = precision + 1 + b.digits - a.digits;
  const scaled = shift > 0 ? dividend * powerOfTen(shift) : dividend;
  const scale = shift > 0 ? shift : 0;
  const whole = scaled / divisor;
  const exact = whole * divisor === scaled;
  const least = a.digits + scale - b.digits;
  const digits = whole >= powerOfTen(least) ? least + 1 : least;
  const dropped = digits - precision;
  const unit = powerOfTen(dropped);
  let kept = whole / unit;
  const rest = whole - kept * unit, half = unit / 2n;
  if (rest === half && exact) return null;
  // Above half, or half with more beyond it, rounds away from zero; below half, toward it.
  if (rest >= half) kept += 1n;
  return new Money(`${negative ? "-" : ""}${kept}e${a.exponent - b.exponent - scale + dropped}`);
}

function times(a: Exact, b: Exact): Exact {
  const significand = a.significand * b.significand;
  const digits = a.digits + b.digits;
  const magnitude = significand < 0n ? -significand : significand;
  return {significand, exponent: a.exponent + b.exponent, digits: magnitude >= powerOfTen(digits - 1) ? digits : digits - 1};
}

/**
 * The leading `words` words of `a`, as decimal.js's intPow cuts them, and whether anything
 * but zeros was dropped.
 */
function truncated(a: Exact, words: number): {value: Exact; dropped: boolean} {
  const leading = a.exponent + a.digits - 1;
  const cut = WORD_DIGITS * (Math.floor(leading / WORD_DIGITS) - (words - 1));
  if (a.exponent >= cut) return {value: a, dropped: false};
  const unit = powerOfTen(cut - a.exponent);
  // BigInt division truncates toward zero, as dropping words does.
  const significand = a.significand / unit;
  return {value: {significand, exponent: cut, digits: a.digits - (cut - a.exponent)}, dropped: significand * unit !== a.significand};
}

/** decimal.js's intPow(x, n): repeated squaring, each product cut to `words` words. */
function integerPower(x: Exact, n: number, words: number): Exact {
  let result: Exact | null = null;
  let lastDropped = false;
  for (;;) {
    if (n % 2 === 1) {
      if (result === null) {
        result = x;
      } else {
        const product = truncated(times(result, x), words);
        result = product.value;
        lastDropped = product.dropped;
      }
    }
    n = Math.floor(n / 2);
    if (n === 0) break;
    x = truncated(times(x, x), words).value;
  }
  const power = result ?? ONE;
  // decimal.js's guard: a cut result whose last word is zero gets one unit in it.
  if (lastDropped && power.significand % 10_000_000n === 0n) return {...power, significand: power.significand + (power.significand < 0n ? -1n : 1n)};
  return power;
}
