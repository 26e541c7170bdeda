import type Decimal from "decimal.js";

/**
 * (1 + r)^−n in the ledger's decimals: the figure decimal.js's `pow` gives, digit for
 * digit, in a fifth of its time. An annuity re-solves its payment every quarter, and this
 * power was a third of the decimal projection's time (docs/model.md, "The decimal path's
 * speed").
 *
 * decimal.js raises to a whole power by repeated squaring on its digit arrays (base 10^7
 * "words"), keeping the eight leading words (56 to 49 digits) of every product and
 * dropping the rest, then, for a negative power, divides 1 by the result, correctly
 * rounded to the precision. Here the same squarings and the same truncations run on
 * native BigInt significands, and the reciprocal is rounded half to even at the same
 * precision; the one case that rounding could settle differently from decimal.js, a
 * reciprocal exactly halfway, is left to decimal.js. test/model/decimal-power.test.ts
 * checks the two agree on random rates and terms.
 */
export function inversePower<D extends Decimal>(Money: new (value: string) => D, base: D, periods: number, precision: number): D {
  const power = integerPower(exactOf(base), periods, Math.ceil(precision / WORD_DIGITS + 4));
  return reciprocal(Money, power, precision) ?? (new Money("1").dividedBy(new Money(`${power.significand}e${power.exponent}`)) as D);
}

/** An exact decimal: significand × 10^exponent, the significand with `digits` digits. */
interface Exact {
  readonly significand: bigint;
  readonly exponent: number;
  readonly digits: number;
}

const WORD_DIGITS = 7;
const POWERS_OF_TEN: bigint[] = [1n];
const powerOfTen = (k: number): bigint => {
  for (let i = POWERS_OF_TEN.length; i <= k; i++) POWERS_OF_TEN.push(POWERS_OF_TEN[i - 1]! * 10n);
  return POWERS_OF_TEN[k]!;
};
const TWO_WORDS = 10n ** 14n;

/** A finite, non-zero decimal.js value as an exact significand, read from its words. */
function exactOf(x: Decimal): Exact {
  // decimal.js documents d (the words, most significant first), e (the exponent of the
  // leading digit) and s (the sign): read here, never written.
  const words = x.d, count = words.length;
  // Two words at a time (below 10^14, exact in a double): half the BigInt steps.
  let i = count % 2 === 1 ? 1 : 2;
  let significand = BigInt(count % 2 === 1 ? words[0]! : words[0]! * 1e7 + words[1]!);
  for (; i < count; i += 2) significand = significand * TWO_WORDS + BigInt(words[i]! * 1e7 + words[i + 1]!);
  if (x.s < 0) significand = -significand;
  const leadingWordDigits = (((x.e % WORD_DIGITS) + WORD_DIGITS) % WORD_DIGITS) + 1;
  const digits = leadingWordDigits + WORD_DIGITS * (count - 1);
  return {significand, exponent: x.e - digits + 1, digits};
}

function times(a: Exact, b: Exact): Exact {
  const significand = a.significand * b.significand;
  const digits = a.digits + b.digits;
  const magnitude = significand < 0n ? -significand : significand;
  return {significand, exponent: a.exponent + b.exponent, digits: magnitude >= powerOfTen(digits - 1) ? digits : digits - 1};
}

/**
 * The leading `words` words of `a`, as decimal.js's intPow truncates: its words are aligned
 * on exponents that are multiples of 7, so the leading word holds one to seven digits.
 * Also whether anything but zeros was dropped.
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
        lastDropped = false;
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
  const power = result ?? {significand: 1n, exponent: 0, digits: 1};
  // decimal.js's guard: a truncated result whose last word is zero gets one unit in it.
  if (lastDropped && power.significand % 10_000_000n === 0n) return {...power, significand: power.significand + (power.significand < 0n ? -1n : 1n)};
  return power;
}

/** 1 / a to `precision` significant digits, half to even; null when exactly halfway. */
function reciprocal<D>(Money: new (value: string) => D, a: Exact, precision: number): D | null {
  const negative = a.significand < 0n;
  const divisor = negative ? -a.significand : a.significand;
  // 10^shift / divisor has precision + 1 or precision + 2 digits.
  const shift = precision + a.digits;
  const numerator = powerOfTen(shift);
  const quotient = numerator / divisor;
  const exact = quotient * divisor === numerator;
  const quotientDigits = quotient >= powerOfTen(shift - a.digits + 1) ? shift - a.digits + 2 : shift - a.digits + 1;
  const dropped = quotientDigits - precision;
  const unit = powerOfTen(dropped);
  let kept = quotient / unit;
  const rest = quotient - kept * unit, half = unit / 2n;
  if (rest === half && exact) return null;
  // Above half, or half with more beyond it, rounds up; below half rounds down.
  if (rest > half || rest === half) kept += 1n;
  return new Money(`${negative ? "-" : ""}${kept}e${dropped - shift - a.exponent}`);
}
