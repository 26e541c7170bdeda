import {describe, expect, it} from "vitest";
import {controlsOf} from "../../src/scenario/controls.js";
import {answer, GOAL_QUESTIONS, seek} from "../../src/risk/goal-seek.js";
import {riskSubject} from "../../src/risk/subject.js";
import {handCompany} from "./company.js";

const question = (id: string) => GOAL_QUESTIONS.find((q) => q.id === id)!;

describe("seek", () => {
  it("finds where a condition starts to hold, to the tolerance, from either side", () => {
    const up = seek((x) => x * x > 2, 0, 4, {tolerance: 1e-6});
    expect(up.kind).toBe("crosses");
    if (up.kind === "crosses") expect(up.at).toBeCloseTo(Math.SQRT2, 5);
    const down = seek((x) => x < -1.5, 3, -4, {tolerance: 1e-6});
    if (down.kind !== "crosses") throw new Error(down.kind);
    expect(down.at).toBeLessThan(-1.5);
    expect(down.at).toBeGreaterThan(-1.5 - 1e-6);
  });

  it("says so when the condition already holds at the start, or nowhere in range", () => {
    expect(seek((x) => x > -10, 0, 5, {tolerance: 0.1}).kind).toBe("holdsAtStart");
    expect(seek((x) => x > 10, 0, 5, {tolerance: 0.1}).kind).toBe("never");
  });

  it("finds the first crossing of a condition that holds on a band only", () => {
    const answer = seek((x) => x > 1 && x < 1.5, 0, 4, {tolerance: 1e-6, scanSteps: 64});
    if (answer.kind !== "crosses") throw new Error(answer.kind);
    expect(answer.at).toBeCloseTo(1, 5);
  });

  it("refuses a tolerance that is not positive", () => {
    expect(() => seek(() => true, 0, 1, {tolerance: 0})).toThrow(/tolerance/);
  });
});

describe("the debate's thresholds, against answers solved by hand", () => {
  it("growth below which coverage falls under 1.0×: 2.5 × (1 + g)^8 = 1", () => {
    // A fixed 8 % bullet of 1,000 costs 20 a quarter; EBITDA is 50 × (1 + g)^t in quarter t
    // (t = 1…8), lowest in the eighth when g < 0.
    const company = handCompany({id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2030Q4"});
    const result = answer(riskSubject(company, controlsOf(company)), question("growth-coverage"));
    const exact = 100 * (Math.pow(0.4, 1 / 8) - 1);
    if (result.kind !== "crosses") throw new Error(result.kind);
    expect(result.at).toBeLessThanOrEqual(exact);
    expect(result.at).toBeGreaterThan(exact - result.tolerance);
  });

  it("reference rate at which it cannot pay: 100 + 8 × (50 − 1,000 × (b + 2 %)) = 0", () => {
    // A floating loan of 4,000 at base + 2 % costs 1,000 × (b + 0.02) a quarter; cash starts
    // at 100 and nothing can be borrowed, so it runs out in the eighth quarter when b > 4.25 %.
    const company = handCompany({id: "loan", name: "Loan", principal: 4000, rate: {type: "floating", spread: 0.02}, maturity: "2030Q4"});
    const result = answer(riskSubject(company, controlsOf(company)), question("rate-default"));
    if (result.kind !== "crosses") throw new Error(result.kind);
    expect(result.at).toBeGreaterThanOrEqual(425);
    expect(result.at).toBeLessThan(425 + result.tolerance);
  });

  it("refinancing spread that tips it into Ponzi finance: 50 = 1,000 × (4 % + s) / 4", () => {
    // A bullet of 1,000 matures at the end of 2026Q2 and is rolled whole at base + s; with the
    // base rate at 4 %, interest from 2026Q3 exceeds the EBITDA of 50 when s > 16 %.
    const company = handCompany(
      {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2026Q2"},
      {baseRate: 0.04, refinancing: {shareRolled: 1, spread: 0.05, tenorQuarters: 20}}
    );
    const result = answer(riskSubject(company, controlsOf(company)), question("spread-ponzi"));
    if (result.kind !== "crosses") throw new Error(result.kind);
    expect(result.at).toBeGreaterThan(16);
    expect(result.at).toBeLessThanOrEqual(16 + result.tolerance);
  });

  it("gives a clear 'never' where no value in range crosses", () => {
    // Interest of 0.02 a quarter: even −30 % a quarter for eight quarters leaves EBITDA of
    // 50 × 0.7^8 = 2.9, still far above it.
    const company = handCompany({id: "loan", name: "Loan", principal: 1, rate: {type: "fixed", annualRate: 0.08}, maturity: "2030Q4"});
    expect(answer(riskSubject(company, controlsOf(company)), question("growth-coverage")).kind).toBe("never");
  });
});

describe("an answer in words", () => {
  const q = GOAL_QUESTIONS[1]!;
  it("names the value and its tolerance, or the range in which nothing crossed", async () => {
    const {describeAnswer} = await import("../../src/risk/goal-seek.js");
    expect(describeAnswer(q, {kind: "crosses", at: 425.3, tolerance: 2.5, evaluations: 9}, "bp")).toBe("At 425.3 (bp; to within 2.5), some quarter ends with cash below zero and no borrowing left.");
    expect(describeAnswer(q, {kind: "never", evaluations: 65}, "bp")).toMatch(/^Nowhere in the range scanned \(bp from −300 to 600\)/);
    expect(describeAnswer(q, {kind: "holdsAtStart", at: -300, evaluations: 1}, "bp")).toMatch(/^Already at −300/);
  });
});
