import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {inversePower} from "../../src/model/decimal-power.js";
import {decimalArithmetic as dec, Money} from "../../src/model/index.js";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261130 : undefined;
if (seed !== undefined) fc.configureGlobal({seed});

/** The specification: decimal.js's own power, at the ledger's precision. */
const byDecimalJs = (base: InstanceType<typeof Money>, periods: number) => base.pow(-periods);

describe("(1 + r)^−n in the ledger's decimals", () => {
  it("is 1 / 1.21 = 0.8264462809917355371900826446|28… cut to 28 digits for 1.1^−2", () => {
    // 1/1.21 repeats 8264462809917355371900 (22 digits); the 29th digit is 2, so the 28th stays.
    expect(inversePower(Money, new Money("1.1"), 2, 28).toString()).toBe("0.8264462809917355371900826446");
  });

  it("is exact where the power is: 1.25^−3 = 1 / 1.953125 = 0.512", () => {
    expect(inversePower(Money, new Money("1.25"), 3, 28).toString()).toBe("0.512");
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
      expect(inversePower(Money, base, periods, 28).toString()).toBe(byDecimalJs(base, periods).toString());
    }), {numRuns: 5000});
  });

  it("is what the annuity's denominator is made of: 1 − 1.02^−4", () => {
    // 1.02^4 = 1.08243216; 1 / 1.08243216 = 0.92384542602651…, so 1 − it = 0.07615457397348…
    const denominator = dec.annuityDenominator(new Money("0.02"), 4);
    expect(denominator.toString()).toBe(new Money(1).minus(new Money("1.02").pow(-4)).toString());
    expect(denominator.toFixed(10)).toBe("0.0761545740");
  });
});
