import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {buildModelSheet} from "../../bench/sheet.js";
import {floatArithmetic, project} from "../../src/model/index.js";

// The benchmark lays the same model out as a HyperFormula sheet, formulas written
// independently of the engine's code: the two must agree, or either is wrong.
describe("the engine against the same model as a spreadsheet", () => {
  const sheet = buildModelSheet(benchCompany);

  it("ends with the same cash after 28 quarters", () => {
    const engine = project(benchCompany, floatArithmetic).quarters.at(-1)!.ledger.closingCash;
    expect(sheet.closingCash()).toBeCloseTo(engine, 6);
  });

  it("still agrees after the base rate moves up 250 bp", () => {
    sheet.setBaseRateShift(0.025);
    const shifted = {...benchCompany, baseRate: (benchCompany.baseRate as number[]).map((rate) => rate + 0.025)};
    const engine = project(shifted, floatArithmetic).quarters.at(-1)!.ledger.closingCash;
    expect(sheet.closingCash()).toBeCloseTo(engine, 6);
    expect(engine).toBeLessThan(project(benchCompany, floatArithmetic).quarters.at(-1)!.ledger.closingCash);
  });
});
