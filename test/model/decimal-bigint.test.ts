import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {inversePower, quotient} from "../../src/model/decimal-bigint.js";
import {decimalArithmetic as dec, Money} from "../../src/model/index.js";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261130 : undefined;
if (seed !== undefined) fc.configureGlobal({seed});

/** The specification: decimal.js's own power, at the ledger's precision. */
const byDecimalJs = (base: InstanceType<typeof Money>, periods: number) => base.pow(-periods);

describe("(1 + r)^−n in the ledger's decimals", () => {
  it("is 1 / 1.21 = 0.8264462809917355371900826446|28… cut to 28 digits for 1.1^−2", () => {
    // 1/1.21 repeats 8264462809917355371900 (22 digits); the 29th digit is 2, so the 28th stays.
    expect(inversePower(Money, new Money("1.1"), 2).toString()).toBe("0.8264462809917355371900826446");
  });

  it("is exact where the power is: 1.25^−3 = 1 / 1.953125 = 0.512", () => {
    expect(inversePower(Money, new Money("1.25"), 3).toString()).toBe("0.512");
  });

  it("gives decimal.js's figure digit for digit, for any quarterly rate and term", () => {
    // Quarterly rates from −2.5 % to 50 % (the inputs' −10 % to 200 % a year), as a figure
    // with few digits (a fixed rate / 4) or all 28 (base + spread / 4, a hedged blend).
    const rate = fc.oneof(
      fc.integer({min: -250, max: 5000}).map((bp) => new Money(bp).dividedBy(10_000)),
      fc.double({min: -0.025, max: 0.5, noNaN: true}).map((r) => new Money(r).dividedBy(3))
    );
    fc.assert(fc.property(rate, fc.integer({min: 1, max: 480}), (r, periods) => {
      const base = new Money(1).plus(r);
      if (base.eq(1)) return;
      expect(inversePower(Money, base, periods).toString()).toBe(byDecimalJs(base, periods).toString());
    }), {numRuns: 5000});
  });

  it("is what the annuity's denominator is made of: 1 − 1.02^−4", () => {
    // 1.02^4 = 1.08243216; 1 / 1.08243216 = 0.92384542602651…, so 1 − it = 0.07615457397348…
    const denominator = dec.annuityDenominator(new Money("0.02"), 4);
    expect(denominator.toString()).toBe(new Money(1).minus(new Money("1.02").pow(-4)).toString());
    expect(denominator.toFixed(10)).toBe("0.0761545740");
  });
});

describe("a division in the ledger's decimals", () => {
  const m = (text: string) => new Money(text);

  it("rounds to 28 significant digits: 2 / 3.0000001 and 1,000 / 12,345,678", () => {
    // 2 / 3.0000001 = 0.6666666444444451851851604938|27983…: the 29th digit is 2, the 28th stays.
    expect(quotient(Money, m("2"), m("3.0000001")).toString()).toBe("0.6666666444444451851851604938");
    // 1000 / 12345678 = 0.0000|8100000664200054464404466081|16621…: 28 digits from the 8, the 29th is 1.
    expect(quotient(Money, m("1000"), m("12345678")).toString()).toBe("0.00008100000664200054464404466081");
  });

  it("rounds up past half: 1 / 1.0000001 = 0.9999999000000099999990000000|9999…, so …0001", () => {
    expect(quotient(Money, m("1"), m("1.0000001")).toString()).toBe("0.9999999000000099999990000001");
  });

  it("leaves a one-word divisor to decimal.js, whose quick case it is: 2 / 3 = 0.666…667", () => {
    expect(quotient(Money, m("2"), m("3")).toString()).toBe("0.6666666666666666666666666667");
  });

  it("keeps the sign: −1 / 8.0000001 is negative", () => {
    expect(quotient(Money, m("-1"), m("8.0000001")).toString()).toBe(m("-1").dividedBy(m("8.0000001")).toString());
  });

  it("leaves a quotient exactly halfway to decimal.js: 12,345,678.0000…0061728390 / 12,345,678 = 1.000…0005", () => {
    // 12,345,678 × 1.0000000000000000000000000005, exactly: the quotient has a 5 for its 29th digit and nothing after.
    const dividend = m("12345678.000000000000000000006172839");
    expect(quotient(Money, dividend, m("12345678")).toString()).toBe(dividend.dividedBy(m("12345678")).toString());
  });

  it("gives decimal.js's figure digit for digit, for any two figures of up to 28 digits", () => {
    const figure = fc.tuple(fc.bigInt({min: 1n, max: 10n ** 28n - 1n}), fc.integer({min: -30, max: 12}), fc.boolean())
      .map(([digits, exponent, negative]) => new Money(`${negative ? "-" : ""}${digits}e${exponent}`));
    fc.assert(fc.property(figure, figure, (a, b) => {
      expect(quotient(Money, a, b).toString()).toBe(a.dividedBy(b).toString());
    }), {numRuns: 20_000});
  });

  it("leaves the division to decimal.js where the rounding is not to the nearest figure", () => {
    const Down = Money.clone({rounding: Money.ROUND_DOWN});
    // 1 / 1.0000001 = 0.9999999000000099999990000000|9999…: cut after 28 digits, not rounded up.
    expect(quotient(Down, new Down("1"), new Down("1.0000001")).toString()).toBe("0.999999900000009999999");
  });
});
