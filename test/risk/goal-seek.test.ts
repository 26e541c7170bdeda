import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {OUTCOMES} from "../../src/readings/outcomes.js";
import {controlsOf} from "../../src/scenario/controls.js";
import {INPUTS, type InputKey} from "../../src/scenario/inputs-table.js";
import {answer, GOAL_QUESTIONS, goalSeek, inputGrid, meets, seekOnGrid, validateCondition, type GoalAnswer, type GoalCondition} from "../../src/risk/goal-seek.js";
import {projectFast, riskSubject, withControl, type RiskSubject} from "../../src/risk/subject.js";
import {handCompany} from "./company.js";

/** Whether the condition holds with the input set to `value`, the others as the subject has them: the check a person would make by moving the slider. */
const holdsAt = (subject: RiskSubject, input: InputKey, condition: GoalCondition, value: number) =>
  meets(condition, OUTCOMES[condition.outcome].of(projectFast(subject, withControl(subject.controls, input, value))));

/** Every boundary the answer names holds on its side, and the slider's next value beyond it fails. */
function expectBoundariesCheck(subject: RiskSubject, result: GoalAnswer): void {
  const {input, condition} = result;
  const {step} = INPUTS[input];
  const at = (x: number) => holdsAt(subject, input, condition, x);
  const grid = inputGrid(input);
  switch (result.kind) {
    case "atLeast":
    case "atMost":
      expect(at(result.value), `${input} at ${result.value}`).toBe(true);
      expect(at(result.neighbour), `${input} at ${result.neighbour}`).toBe(false);
      expect(Math.abs(result.value - result.neighbour)).toBeCloseTo(step, 9);
      expect(result.kind === "atLeast" ? result.neighbour < result.value : result.neighbour > result.value).toBe(true);
      break;
    case "everywhere":
      expect(at(grid[0]!) && at(grid.at(-1)!)).toBe(true);
      break;
    case "nowhere":
      expect(at(grid[0]!) || at(grid.at(-1)!)).toBe(false);
      break;
    case "bands":
      for (const {from, to} of result.bands) {
        expect(at(from) && at(to)).toBe(true);
        const i = grid.indexOf(from);
        const j = grid.indexOf(to);
        if (i > 0) expect(at(grid[i - 1]!)).toBe(false);
        if (j < grid.length - 1) expect(at(grid[j + 1]!)).toBe(false);
      }
  }
}

describe("a condition on an outcome", () => {
  it("reads a missing reading as the end of the scale it stands for", () => {
    // "Pays throughout" (null) is later than any quarter: it meets "at least quarter 8" and fails "by quarter 8".
    expect(meets({outcome: "quartersUntilCannotPay", test: "atLeast", threshold: 8}, null)).toBe(true);
    expect(meets({outcome: "quartersUntilCannotPay", test: "atMost", threshold: 8}, null)).toBe(false);
    expect(meets({outcome: "quartersUntilCannotPay", test: "absent"}, null)).toBe(true);
    expect(meets({outcome: "quartersUntilCannotPay", test: "absent"}, 5)).toBe(false);
    // "No interest to cover" beats any coverage; no quarter of cash is worse than any cash.
    expect(meets({outcome: "lowestCoverage", test: "atLeast", threshold: 1}, null)).toBe(true);
    expect(meets({outcome: "cashAtEnd", test: "atLeast", threshold: -1e12}, null)).toBe(false);
    // The threshold itself meets both "at least" and "at most".
    expect(meets({outcome: "quartersInPonzi", test: "atMost", threshold: 0}, 0)).toBe(true);
    expect(meets({outcome: "quartersInPonzi", test: "atMost", threshold: 0}, 1)).toBe(false);
  });

  it("refuses what cannot be asked, with a reason", () => {
    expect(() => validateCondition({outcome: "lowestCoverage", test: "absent"})).toThrow(/always has a reading/);
    expect(() => validateCondition({outcome: "peakDebt", test: "atMost", threshold: Number.NaN})).toThrow(/threshold must be a number/);
    expect(() => validateCondition({outcome: "nope" as never, test: "atMost", threshold: 1})).toThrow(/no outcome/);
  });
});

describe("the values an input can take", () => {
  it("are its slider's, min + k × step, written as the step writes them", () => {
    const rate = inputGrid("rateChangeBp");
    expect(rate).toHaveLength((600 + 300) / 25 + 1);
    expect([rate[0], rate[1], rate.at(-1)]).toEqual([-300, -275, 600]);
    const growth = inputGrid("growthPct");
    // −30 to 40 by 0.01: 7,001 values, each with two decimals at most (no 0.30000000000000004).
    expect(growth).toHaveLength(7001);
    expect(growth.every((g) => Number(g.toFixed(2)) === g)).toBe(true);
  });
});

describe("seeking over a grid", () => {
  it("finds the first grid point of a monotone condition exactly, with few evaluations", () => {
    // Holds from index 4,321 of 7,001: 65 scanned points, then bisection between two of them.
    const result = seekOnGrid((k) => k >= 4321, 7001);
    expect(result.bands).toEqual([{from: 4321, to: 7000}]);
    expect(result.evaluations).toBeLessThan(65 + 10);
  });

  it("finds each band of a condition that holds on several, wider than a scan step", () => {
    const result = seekOnGrid((k) => (k >= 10 && k <= 20) || (k >= 50 && k <= 60), 101, 20);
    expect(result.bands).toEqual([{from: 10, to: 20}, {from: 50, to: 60}]);
  });

  it("can miss a band narrower than a scan step, which is why the answer says how it scanned", () => {
    // Scanned at 0, 10, 20, …: the band 33…35 falls between 30 and 40.
    expect(seekOnGrid((k) => k >= 33 && k <= 35, 101, 10).bands).toEqual([]);
  });

  it("handles one point, and everything or nothing holding", () => {
    expect(seekOnGrid(() => true, 1).bands).toEqual([{from: 0, to: 0}]);
    expect(seekOnGrid(() => true, 50).bands).toEqual([{from: 0, to: 49}]);
    expect(seekOnGrid(() => false, 50).bands).toEqual([]);
    expect(() => seekOnGrid(() => true, 0)).toThrow(/at least one point/);
  });
});

describe("goal seek against answers solved by hand", () => {
  it("growth at which the lowest coverage is at least 1.0×: 2.5 × (1 + g)^8 ≥ 1", () => {
    // A fixed 8 % bullet of 1,000 costs 20 a quarter; EBITDA is 50 × (1 + g)^t in quarter t
    // (t = 1…8), lowest in the eighth when g < 0: coverage 2.5 × (1 + g)^8 ≥ 1 from
    // g = 0.4^(1/8) − 1 = −10.82 %. The first slider value at or above it holds.
    const company = handCompany({id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2030Q4"});
    const subject = riskSubject(company, controlsOf(company));
    const result = goalSeek(subject, "growthPct", {outcome: "lowestCoverage", test: "atLeast", threshold: 1});
    const exact = 100 * (Math.pow(0.4, 1 / 8) - 1);
    expect(result).toMatchObject({kind: "atLeast", value: Math.ceil(exact * 100) / 100, neighbour: Math.ceil(exact * 100) / 100 - 0.01});
    expect(result).toMatchObject({start: "2026Q1", end: "2027Q4", current: 0});
    expectBoundariesCheck(subject, result);
  });

  it("reference rate up to which it pays every quarter: 150 + 8 × (50 − 1,000 × (b + 2 %)) ≥ 0", () => {
    // A floating loan of 4,000 at base + 2 % costs 1,000 × (b + 0.02) a quarter; cash starts
    // at 150 and nothing can be borrowed, so it pays throughout while b ≤ 4.875 %: on the
    // slider's 25 bp steps, 475 bp pays and 500 bp does not.
    const company = handCompany({id: "loan", name: "Loan", principal: 4000, rate: {type: "floating", spread: 0.02}, maturity: "2030Q4"}, {openingCash: 150});
    const subject = riskSubject(company, controlsOf(company));
    const result = goalSeek(subject, "rateChangeBp", {outcome: "quartersUntilCannotPay", test: "absent"});
    expect(result).toMatchObject({kind: "atMost", value: 475, neighbour: 500});
    expectBoundariesCheck(subject, result);
  });

  it("refinancing spread up to which no quarter is Ponzi finance: 1,000 × (4.1 % + s) / 4 ≤ 50", () => {
    // A bullet of 1,000 matures at the end of 2026Q2 and is rolled whole at base + s; with the
    // base rate at 4.1 %, interest from 2026Q3 exceeds the EBITDA of 50 when s > 15.9 %:
    // on the slider's 0.25 steps, 15.75 % holds and 16 % does not.
    const company = handCompany(
      {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2026Q2"},
      {baseRate: 0.041, refinancing: {shareRolled: 1, spread: 0.05, tenorQuarters: 20}}
    );
    const subject = riskSubject(company, controlsOf(company));
    const result = goalSeek(subject, "refinancingSpreadPct", {outcome: "quartersInPonzi", test: "atMost", threshold: 0});
    expect(result).toMatchObject({kind: "atMost", value: 15.75, neighbour: 16});
    expectBoundariesCheck(subject, result);
  });

  it("EBITDA margin at which cash at the end is at least 300: 100 + 8 × (100 m − 20) ≥ 300", () => {
    // Revenue 100 a quarter at margin m, interest 20: cash ends at 100 + 8 × (100 m − 20),
    // at least 300 from m = 45 %; on the slider's 0.01 steps 45.00 % holds and 44.99 % does not.
    const company = handCompany({id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2030Q4"});
    const subject = riskSubject(company, controlsOf(company));
    const result = goalSeek(subject, "ebitdaMarginPct", {outcome: "cashAtEnd", test: "atLeast", threshold: 300});
    expect(result).toMatchObject({kind: "atLeast", value: 45, neighbour: 44.99});
    expectBoundariesCheck(subject, result);
  });

  it("says every value meets it, or none does, where that is so", () => {
    // Interest of 0.02 a quarter: even −30 % a quarter for eight quarters leaves EBITDA of
    // 50 × 0.7^8 = 2.9, far above it; and no growth in range lifts coverage to 1,000×
    // (at +40 % the lowest is the first quarter's 2.5 × 1.4 = 3.5 for the 1,000 loan).
    const tiny = handCompany({id: "loan", name: "Loan", principal: 1, rate: {type: "fixed", annualRate: 0.08}, maturity: "2030Q4"});
    expect(goalSeek(riskSubject(tiny, controlsOf(tiny)), "growthPct", {outcome: "lowestCoverage", test: "atLeast", threshold: 1}).kind).toBe("everywhere");
    const loan = handCompany({id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2030Q4"});
    expect(goalSeek(riskSubject(loan, controlsOf(loan)), "growthPct", {outcome: "lowestCoverage", test: "atLeast", threshold: 1000}).kind).toBe("nowhere");
  });

  it("refuses an input that is a choice among options", () => {
    const company = handCompany({id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2030Q4"});
    expect(() => goalSeek(riskSubject(company, controlsOf(company)), "covenantConsequence", {outcome: "quartersUntilCannotPay", test: "absent"})).toThrow(/range of numbers/);
  });
});

describe("goal seek on the base case, over several inputs and outcomes", () => {
  const {base, controls} = baseInputs();
  const subject = riskSubject(base.input, controls);
  const conditions: GoalCondition[] = [
    {outcome: "quartersUntilCannotPay", test: "absent"},
    {outcome: "lowestCoverage", test: "atLeast", threshold: 1.5},
    {outcome: "quartersInPonzi", test: "atMost", threshold: 0},
    {outcome: "largestFundingGap", test: "atMost", threshold: 0}
  ];
  for (const input of ["growthPct", "rateChangeBp", "ebitdaMarginPct", "capex", "marketShutAfter"] as const) {
    it(`${input}: each boundary holds and the slider's next value beyond it fails`, () => {
      const kinds = conditions.map((condition) => {
        const result = goalSeek(subject, input, condition);
        expectBoundariesCheck(subject, result);
        return result.kind;
      });
      expect(kinds).toHaveLength(conditions.length);
    });
  }

  it("answers the debate's three questions with a boundary", () => {
    for (const q of GOAL_QUESTIONS) {
      const result = answer(subject, q);
      expectBoundariesCheck(subject, result);
    }
  });
});
