import {describe, expect, it} from "vitest";
import {decimalArithmetic, floatArithmetic, ModelInputError, parseModelInput, project, projectionToNumbers} from "../../src/model/index.js";
import {ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

// Worked examples: revenue 100 in the last reported quarter, growing 10 % a quarter, so
// R0 = 110, R1 = 121, R2 = 133.1, R3 = 146.41 and, past the four-quarter horizon,
// R4 = 161.051. Capex per USD of added annual revenue k = 2, bought a quarter ahead:
// capex_t = k × 4 × (R_{t+1} − R_t).
const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.08}, maturity: "2030Q4"};
const growing = plainCompany({revenue: {lastQuarter: 100, growth: 0.1}, capex: 500, facilities: [loan]});
const follows = (perAddedAnnualRevenue: number, leadQuarters: number) => ({capexIntensity: {perAddedAnnualRevenue, leadQuarters, follows: true}});

describe("capex that follows growth", () => {
  it("buys, by hand, 2 × 4 × (121 − 110) = 88 in quarter 0, a quarter ahead of the revenue it earns", () => {
    const p = runDecimal({...growing, ...follows(2, 1)});
    expect(ledgerColumn(p, "revenue")).toEqual(["110", "121", "133.1", "146.41"]);
    // 8 × 11, 8 × 12.1, 8 × 13.31, and 8 × (161.051 − 146.41) = 8 × 14.641 for the last.
    expect(ledgerColumn(p, "capex")).toEqual(["88", "96.8", "106.48", "117.128"]);
  });

  it("with no lead, buys for the quarter's own revenue added, from the last reported quarter's", () => {
    const p = runDecimal({...growing, ...follows(2, 0)});
    expect(ledgerColumn(p, "capex")).toEqual(["80", "88", "96.8", "106.48"]);
  });

  it("reaches past the horizon at the last projected quarter's growth (as the workbook's last column does)", () => {
    // Lead 8 from a four-quarter horizon: every quarter buys for revenue past it. A growth
    // path longer than the horizon is read only to its last projected quarter.
    const p = runDecimal({...growing, revenue: {lastQuarter: 100, growth: [0.1, 0.1, 0.1, 0.1, 0.5]}, ...follows(2, 8)});
    const R = (m: number) => 100 * 1.1 ** (m + 1);
    ledgerColumn(p, "capex").forEach((c, t) => expect(Number(c)).toBeCloseTo(8 * (R(t + 8) - R(t + 7)), 9));
  });

  it("buys nothing for a quarter whose revenue falls: no negative capex", () => {
    const p = runDecimal({...growing, revenue: {lastQuarter: 100, growth: [0.1, -0.2, 0.1]}, ...follows(2, 0)});
    expect(ledgerColumn(p, "revenue")).toEqual(["110", "88", "96.8", "106.48"]);
    // 8 × 10; revenue falls 110 → 88: 0; 8 × 8.8; 8 × 9.68.
    expect(ledgerColumn(p, "capex")).toEqual(["80", "0", "70.4", "77.44"]);
  });

  it("depreciates the capex it buys, as any capex, and replaces it when its life ends", () => {
    const p = runDecimal({...growing, depreciation: {capexLifeQuarters: 2}, ...follows(2, 1)});
    // Quarter 0's 88 is depreciated in quarters 1 and 2 and replaced in quarter 2, which
    // buys 106.48 for growth + 88; quarter 3 replaces quarter 1's 96.8: 117.128 + 96.8.
    expect(ledgerColumn(p, "maintenanceCapex")).toEqual(["0", "0", "88", "96.8"]);
    expect(ledgerColumn(p, "capex")).toEqual(["88", "96.8", "194.48", "213.928"]);
    // From the quarter after it is spent: 88 / 2, then (88 + 96.8) / 2, then (96.8 + 194.48) / 2.
    expect(ledgerColumn(p, "depreciation")).toEqual(["0", "44", "92.4", "145.64"]);
  });

  it("is the capex input when it does not follow: follows false, or absent, is today's projection", () => {
    const off = {...growing, capexIntensity: {perAddedAnnualRevenue: 3, leadQuarters: 2, follows: false}};
    for (const ar of [decimalArithmetic, floatArithmetic] as const) {
      expect(JSON.stringify(projectionToNumbers<unknown>(ar, project<unknown>(parseModelInput(off), ar)))).toBe(JSON.stringify(projectionToNumbers<unknown>(ar, project<unknown>(parseModelInput(growing), ar))));
    }
    expect(ledgerColumn(runDecimal(off), "capex")).toEqual(["500", "500", "500", "500"]);
  });

  it("agrees in both arithmetics", () => {
    const draft = {...growing, revenue: {lastQuarter: 2575, growth: [0.2071, 0.19, -0.05, 0.12, 0.025]}, quarters: 12, ...follows(3.94, 2)};
    const exact = projectionToNumbers(decimalArithmetic, project(parseModelInput(draft), decimalArithmetic));
    const fast = projectionToNumbers(floatArithmetic, project(parseModelInput(draft), floatArithmetic));
    fast.quarters.forEach((q, t) => expect(q.ledger.capex).toBeCloseTo(exact.quarters[t]!.ledger.capex, 6));
    fast.quarters.forEach((q, t) => expect(q.ledger.closingCash).toBeCloseTo(exact.quarters[t]!.ledger.closingCash, 6));
  });

  it("refuses an intensity or a lead out of range", () => {
    for (const capexIntensity of [{perAddedAnnualRevenue: -1, leadQuarters: 1, follows: true}, {perAddedAnnualRevenue: 51, leadQuarters: 1, follows: true},
      {perAddedAnnualRevenue: 2, leadQuarters: 9, follows: true}, {perAddedAnnualRevenue: 2, leadQuarters: 1.5, follows: true}]) {
      expect(() => parseModelInput({...growing, capexIntensity}), JSON.stringify(capexIntensity)).toThrow(ModelInputError);
    }
  });
});
