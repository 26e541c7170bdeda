import {describe, expect, it} from "vitest";
import {decimalArithmetic as dec, minskyRegime, Money} from "../../src/model/index.js";
import {plainCompany, runDecimal} from "./fixtures.js";

const m = (value: number) => new Money(value);
const loan = (principal: number, annualRate: number) => ({id: "loan", name: "Loan", principal, rate: {type: "fixed" as const, annualRate}, maturity: "2030Q4"});

describe("Minsky's regime", () => {
  it("is hedge when operating cash flow covers interest and principal due", () => {
    expect(minskyRegime(dec, m(100), m(40), m(60))).toBe("hedge");
  });
  it("is speculative when it covers interest but not principal, so debt must roll", () => {
    expect(minskyRegime(dec, m(100), m(40), m(60.01))).toBe("speculative");
  });
  it("is Ponzi when it does not cover interest", () => {
    expect(minskyRegime(dec, m(39.99), m(40), m(0))).toBe("ponzi");
  });
  it("is hedge for a quarter with no debt service at all", () => {
    expect(minskyRegime(dec, m(0), m(0), m(0))).toBe("hedge");
  });
});

describe("solvency metrics of a quarter", () => {
  // EBITDA 50; 2,000 at 8 % → 40 of interest; depreciation 10 → EBIT 40; cash 1,000 + 10.
  const projection = runDecimal(plainCompany({
    quarters: 1,
    depreciation: {openingPerQuarter: 10, openingRemainingQuarters: 4, capexLifeQuarters: 24},
    facilities: [loan(2000, 0.08)]
  }));
  const metrics = projection.quarters[0]!.metrics;

  it("covers interest 50 / 40 = 1.25× on EBITDA and 40 / 40 = 1× on EBIT", () => {
    expect(metrics.interestCoverageEbitda?.toString()).toBe("1.25");
    expect(metrics.interestCoverageEbit?.toString()).toBe("1");
  });

  it("measures net leverage as (2,000 − 1,010) / (50 × 4) = 4.95×", () => {
    expect(metrics.netLeverage?.toString()).toBe("4.95");
  });

  it("measures DSCR as operating cash flow over interest, fees and principal due: 50 / 40", () => {
    expect(metrics.dscr?.toString()).toBe("1.25");
  });

  it("has no runway figure while the company does not burn cash", () => {
    expect(metrics.runwayQuarters).toBeNull();
  });

  it("counts runway as liquidity over the quarter's burn", () => {
    // Capex 110: 50 − 40 − 110 = −100 a quarter; 900 of cash left → 9 quarters.
    const burning = runDecimal(plainCompany({quarters: 1, capex: 110, facilities: [loan(2000, 0.08)]}));
    expect(burning.quarters[0]!.metrics.runwayQuarters?.toString()).toBe("9");
  });

  it("answers null, not Infinity, where there is no interest or no EBITDA", () => {
    const noInterest = runDecimal(plainCompany({quarters: 1, costs: {kind: "margin", ebitdaMargin: -0.2}, facilities: [loan(1000, 0)]}));
    const q = noInterest.quarters[0]!;
    expect(q.metrics.interestCoverageEbitda).toBeNull();
    expect(q.metrics.interestCoverageEbit).toBeNull();
    expect(q.metrics.netLeverage).toBeNull();
    expect(q.metrics.dscr).toBeNull();
  });
});

describe("the regime in a projection", () => {
  it("turns Ponzi when interest outgrows operating cash flow", () => {
    // EBITDA 50 a quarter; base rate rising 4 % → 12 % on 1,000 + 10 % spread: interest 35, then 55.
    const projection = runDecimal(plainCompany({
      quarters: 2, baseRate: [0.04, 0.12],
      facilities: [{id: "loan", name: "Loan", principal: 1000, rate: {type: "floating", spread: 0.1}, maturity: "2030Q4"}]
    }));
    expect(projection.quarters.map((q) => q.regime)).toEqual(["hedge", "ponzi"]);
  });
});
