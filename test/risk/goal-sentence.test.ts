import {describe, expect, it} from "vitest";
import {OUTCOME_KEYS} from "../../src/readings/outcomes.js";
import {SEEKABLE_INPUTS, type GoalAnswer} from "../../src/risk/goal-seek.js";
import {conditionChoices, defaultThreshold, describeGoal, goalPhrase, inputRangeText, inputSubject, inputValueText, signedNumber} from "../../src/risk/goal-sentence.js";

/** An answer as goal seek gives it, for a projection from 2025Q3 to 2028Q2. */
const answered = (fields: Partial<GoalAnswer> & Pick<GoalAnswer, "kind" | "input" | "condition" | "current">): GoalAnswer =>
  ({start: "2025Q3", end: "2028Q2", scanned: 65, points: 7001, evaluations: 78, scanStep: 70 / 64, ...fields}) as GoalAnswer;

const paysThroughout = {outcome: "quartersUntilCannotPay", test: "absent"} as const;

describe("numbers in a sentence", () => {
  it("carry a true minus sign, thousands separators and the decimals asked, and never read −0", () => {
    expect(signedNumber(-5.862, 2)).toBe("\u22125.86");
    expect(signedNumber(-1234.5, 1)).toBe("\u22121,234.5");
    expect(signedNumber(-0.001, 2)).toBe("0.00");
    expect(signedNumber(1500, 1, {trim: true})).toBe("1,500");
  });

  it("write an input's value to its step, with its unit", () => {
    expect(inputValueText("growthPct", -5.86)).toBe("\u22125.86 % a quarter");
    expect(inputValueText("rateChangeBp", -300)).toBe("\u2212300 basis points");
    expect(inputValueText("capex", 3000)).toBe("USD 3,000 m a quarter");
    expect(inputValueText("refinancingSpreadPct", 16)).toBe("16.00 % a year over the reference rate");
    expect(inputValueText("fadeQuarters", 1)).toBe("1 quarter");
    expect(inputValueText("capexIntensity", 1.5)).toBe("USD 1.50");
    expect(inputValueText("marketShutAfter", 3)).toBe("quarter 3 of the projection");
    // An input whose 0 means something says so.
    expect(inputValueText("coverageCovenant", 0)).toBe("0.00× (none)");
    expect(inputValueText("marketShutAfter", 0)).toBe("quarter 0 of the projection (never)");
  });

  it("write a range with its unit once where both ends share it", () => {
    expect(inputRangeText("rateChangeBp", -300, 600)).toBe("\u2212300 to 600 basis points");
    expect(inputRangeText("growthPct", -30, 40)).toBe("\u221230.00 to 40.00 % a quarter");
    expect(inputRangeText("tenorQuarters", 1, 40)).toBe("1 quarter to 40 quarters");
    expect(inputRangeText("coverageCovenant", 0, 5)).toBe("0.00× (none) to 5.00×");
  });
});

describe("how a sentence names an input", () => {
  it("gives every input goal seek can move a name that stands alone (no '…', no unit in brackets)", () => {
    for (const key of SEEKABLE_INPUTS) {
      expect(inputSubject(key), key).not.toMatch(/^…|\(|,$/);
      expect(inputSubject(key), key).toMatch(/^[A-Z]/);
    }
    expect(inputSubject("growthPct")).toBe("Growth a quarter at first");
    expect(inputSubject("marketShutQuarters")).toBe("The quarters debt markets stay shut");
  });
});

describe("the goal, after 'for'", () => {
  const context = {start: "2025Q3", end: "2028Q2", horizonMoves: false} as const;
  it("names the quarters a condition on quarters means", () => {
    expect(goalPhrase(paysThroughout, context)).toBe("the company to pay every quarter to 2028Q2");
    // Quarter 4 from 2025Q3 is 2026Q2.
    expect(goalPhrase({outcome: "quartersUntilCannotPay", test: "atLeast", threshold: 4}, context)).toBe("the company to pay every quarter before quarter 4 (2026Q2)");
    expect(goalPhrase({outcome: "quartersUntilBreach", test: "atMost", threshold: 1}, context)).toBe("a covenant to be breached by quarter 1 (2025Q3)");
    expect(goalPhrase(paysThroughout, {...context, horizonMoves: true})).toBe("the company to pay every quarter to the horizon");
  });

  it("says 'no' where the threshold is none, and writes figures in the outcome's unit", () => {
    expect(goalPhrase({outcome: "quartersInPonzi", test: "atMost", threshold: 0}, context)).toBe("no quarter to be in Ponzi finance");
    expect(goalPhrase({outcome: "quartersInPonzi", test: "atMost", threshold: 1}, context)).toBe("at most 1 quarter to be in Ponzi finance");
    expect(goalPhrase({outcome: "largestFundingGap", test: "atMost", threshold: 0}, context)).toBe("no funding gap to open");
    expect(goalPhrase({outcome: "lowestCoverage", test: "atLeast", threshold: 1.5}, context)).toBe("interest coverage to stay at or above 1.50× every quarter");
    expect(goalPhrase({outcome: "cashAtEnd", test: "atLeast", threshold: -2500}, context)).toBe("cash at the end of 2028Q2, less any funding gap, to be at least USD \u22122,500 m");
  });

  it("offers each outcome at least and at most, and 'does not occur' only where a missing reading is a goal", () => {
    for (const outcome of OUTCOME_KEYS) {
      const tests = conditionChoices(outcome).map((c) => c.test);
      expect(tests, outcome).toEqual(expect.arrayContaining(["atLeast", "atMost"]));
      expect(tests.includes("absent"), outcome).toBe(outcome === "quartersUntilCannotPay" || outcome === "quartersUntilBreach");
    }
    expect(conditionChoices("quartersUntilCannotPay")[0]).toEqual({test: "absent", choice: "pays every quarter to the horizon", needsThreshold: false});
  });

  it("starts a threshold box at a plain figure: the reading as set, 1.0× for coverage, none for gaps and Ponzi quarters", () => {
    expect(defaultThreshold("quartersUntilCannotPay", null, 12)).toBe(12);
    expect(defaultThreshold("quartersUntilCannotPay", 7, 12)).toBe(7);
    expect(defaultThreshold("lowestCoverage", 2.37, 12)).toBe(1);
    expect(defaultThreshold("quartersInPonzi", 3, 12)).toBe(0);
    expect(defaultThreshold("peakDebt", 31234.56, 12)).toBe(31235);
  });
});

describe("the answer in a sentence", () => {
  it("gives the value the input must reach and its neighbour that fails", () => {
    expect(describeGoal(answered({kind: "atLeast", input: "growthPct", condition: paysThroughout, current: 3, value: -5.86, neighbour: -5.87})))
      .toBe("Growth a quarter at first must be at least \u22125.86 % a quarter for the company to pay every quarter to 2028Q2; at \u22125.87 % a quarter it would not be. It is 3.00 % a quarter as set, the other inputs held.");
    expect(describeGoal(answered({kind: "atMost", input: "rateChangeBp", condition: paysThroughout, current: 0, value: 475, neighbour: 500})))
      .toBe("The reference-rate change must be at most 475 basis points for the company to pay every quarter to 2028Q2; at 500 basis points it would not be. It is 0 basis points as set, the other inputs held.");
  });

  it("says plainly when every value in range meets the goal, or none does", () => {
    const ponzi = {outcome: "quartersInPonzi", test: "atMost", threshold: 0} as const;
    expect(describeGoal(answered({kind: "everywhere", input: "refinancingSpreadPct", condition: ponzi, current: 7})))
      .toBe("The spread on rolled and new debt can be anything in its range, 0.00 to 20.00 % a year over the reference rate, for no quarter to be in Ponzi finance: every value meets it. It is 7.00 % a year over the reference rate as set, the other inputs held.");
    expect(describeGoal(answered({kind: "nowhere", input: "rateChangeBp", condition: paysThroughout, current: 0})))
      .toBe("No value of the reference-rate change in its range, \u2212300 to 600 basis points, is enough for the company to pay every quarter to 2028Q2. It is 0 basis points as set, the other inputs held.");
  });

  it("lists the bands where the goal holds when it is not monotone, and says how they were found", () => {
    // Markets that never shut (0) or shut late (10 to 12) leave it paying; a shut from 1 to 9 does not.
    const text = describeGoal(answered({kind: "bands", input: "marketShutAfter", condition: paysThroughout, current: 0, scanned: 13, points: 13, bands: [{from: 0, to: 0}, {from: 10, to: 12}]}));
    expect(text).toBe("The quarter debt markets shut must be exactly quarter 0 of the projection (never), or at least quarter 10 of the projection for the company to pay every quarter to 2028Q2. " +
      "The condition is not monotone in the quarter debt markets shut: every value in its range was tried. It is quarter 0 of the projection (never) as set, the other inputs held.");
    const scanned = describeGoal(answered({kind: "bands", input: "growthPct", condition: paysThroughout, current: 3, bands: [{from: -2, to: 5.5}]}));
    expect(scanned).toMatch(/^Growth a quarter at first must be from −2\.00 to 5\.50 % a quarter for the company/);
    // 65 values 70 / 64 = 1.09375 points apart, written to the step.
    expect(scanned).toMatch(/not monotone in growth a quarter at first: these were found by scanning 65 values 1\.09 % a quarter apart and narrowing each change, so a narrower band may have been missed\./);
  });
});
