import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {floatArithmetic, project} from "../../src/model/index.js";
import {compareOutcome, OUTCOME_KEYS, OUTCOMES, outcomeRow, quartersIn} from "../../src/readings/outcomes.js";
import {applyControls, controlsOf} from "../../src/scenario/controls.js";

// The bench company with revenue shrinking 10 % a quarter (it runs short of cash), and growing 30 % (it pays throughout).
const strained = project(applyControls(benchCompany, {...controlsOf(benchCompany), growthPct: -10}), floatArithmetic);
const strong = project(applyControls(benchCompany, {...controlsOf(benchCompany), growthPct: 30}), floatArithmetic);

describe("the outcomes table: each outcome declared once", () => {
  it("gives every outcome a label, a unit, a meaning, a column of its own and a reading of a projection", () => {
    expect(new Set(OUTCOME_KEYS.map((k) => OUTCOMES[k].column)).size).toBe(OUTCOME_KEYS.length);
    for (const key of OUTCOME_KEYS) {
      const o = OUTCOMES[key];
      expect(o.key).toBe(key);
      expect([o.label, o.unit, o.meaning, o.absent, o.heading].every((text) => text.length > 0), key).toBe(true);
      const value = o.of(strained);
      expect(value === null || Number.isFinite(value), key).toBe(true);
    }
  });

  it("reads the first quarter it cannot pay as the quarter count to the engine's first default, and its cell as the quarter", () => {
    const first = strained.firstDefaultQuarter!;
    expect(first).not.toBeNull();
    expect(OUTCOMES.quartersUntilCannotPay.of(strained)).toBe(strained.quarters.findIndex((q) => q.ledger.quarter === first) + 1);
    expect(OUTCOMES.quartersUntilCannotPay.cell(strained)).toBe(first);
    expect(OUTCOMES.quartersUntilCannotPay.of(strong)).toBeNull();
    expect(OUTCOMES.quartersUntilCannotPay.cell(strong)).toBe("none");
  });

  it("reads peak debt, cash at the end and the Ponzi quarters off the ledger", () => {
    expect(OUTCOMES.peakDebt.of(strained)).toBe(Math.max(...strained.quarters.map((q) => q.ledger.closingDebt)));
    expect(OUTCOMES.cashAtEnd.of(strained)).toBe(strained.quarters.at(-1)!.ledger.closingCash);
    expect(OUTCOMES.quartersInPonzi.of(strained)).toBe(quartersIn(strained, "ponzi").length);
    expect(quartersIn(strained, "ponzi").every((q) => strained.quarters.find((x) => x.ledger.quarter === q)!.regime === "ponzi")).toBe(true);
  });

  it("lays the outcomes out as one row by column, in the table's order", () => {
    const row = outcomeRow(strained);
    expect(Object.keys(row)).toEqual(OUTCOME_KEYS.map((k) => OUTCOMES[k].column));
    expect(row.lowest_coverage).toMatch(/^(\d+\.\d\d×|-\d+\.\d\d×|n\/m)$/);
  });

  it("says which of two readings is better for the company, and where never paying short stands", () => {
    expect(compareOutcome("cashAtEnd", 100, 50)).toBe(-1);
    expect(compareOutcome("peakDebt", 100, 50)).toBe(1);
    expect(compareOutcome("quartersInPonzi", 3, 3)).toBe(0);
    // Paying throughout (null) beats running short in any quarter.
    expect(compareOutcome("quartersUntilCannotPay", null, 12)).toBe(-1);
    expect(compareOutcome("quartersUntilCannotPay", 4, null)).toBe(1);
    expect(compareOutcome("quartersUntilCannotPay", OUTCOMES.quartersUntilCannotPay.of(strained), OUTCOMES.quartersUntilCannotPay.of(strong))).toBe(1);
  });
});
