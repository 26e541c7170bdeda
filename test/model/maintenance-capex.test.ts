import {describe, expect, it} from "vitest";
import {decimalArithmetic, floatArithmetic, ModelInputError, parseModelInput, project, projectionToNumbers} from "../../src/model/index.js";
import {ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

// Worked examples. The company starts in 2026Q1 (offset 0) and runs four quarters. Capex
// vintages reported before the start: 100 spent in 2025Q2 (offset −3) and 20 in 2025Q4
// (offset −1). A vintage spent at offset s is depreciated in s+1..s+life and replaced in
// quarter s+life. With a life of 4 quarters:
//   the 100 of 2025Q2 is depreciated in offsets −2..1 and replaced in offset 1 (2026Q2);
//   the 20 of 2025Q4 is depreciated in offsets 0..3 and replaced in offset 3 (2026Q4).
// A straight-line loan of 1000 at 8 % due at the end of 2026Q4: principal due 250 a
// quarter, interest 2 % of the opening balance: 20, 15, 10, 5.
const vintages = [{quarter: "2025Q2", amount: 100}, {quarter: "2025Q4", amount: 20}];
const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.08}, amortisation: {type: "straightLine" as const}, maturity: "2026Q4"};
const withVintages = (life: number) => ({depreciation: {capexLifeQuarters: life, vintages}});

describe("maintenance capex: replacing vintages at the end of their life", () => {
  describe("at the reported pace (capex 30 a quarter, revenue flat at 100, EBITDA 50)", () => {
    const p = runDecimal(plainCompany({capex: 30, ...withVintages(4), facilities: [loan]}));

    it("leaves capex as it is, and calls the part of it that replaces retiring vintages maintenance: min(capex, retiring)", () => {
      expect(ledgerColumn(p, "capex")).toEqual(["30", "30", "30", "30"]);
      // Offset 1: the 100 of 2025Q2 retires, capex is 30: min(30, 100) = 30. Offset 3: the 20 of 2025Q4: min(30, 20) = 20.
      expect(ledgerColumn(p, "maintenanceCapex")).toEqual(["0", "30", "0", "20"]);
    });

    it("depreciates the reported vintages with the projected ones, each over its life", () => {
      // 0: (100 + 20) / 4 = 30; 1: (100 + 20 + 30) / 4 = 37.5; 2: the 100 has ended: (20 + 30 + 30) / 4 = 20;
      // 3: (20 + 30 + 30 + 30) / 4 = 27.5.
      expect(ledgerColumn(p, "depreciation")).toEqual(["30", "37.5", "20", "27.5"]);
    });

    it("reads the second regime on operating cash flow less maintenance capex", () => {
      // Operating cash flow 50 every quarter; after maintenance 50, 20, 50, 30. Against
      // interest 20, 15, 10, 5 and principal 250: speculative throughout, both readings.
      expect(p.quarters.map((q) => q.regime)).toEqual(["speculative", "speculative", "speculative", "speculative"]);
      expect(p.quarters.map((q) => q.regimeAfterMaintenance)).toEqual(["speculative", "speculative", "speculative", "speculative"]);
    });
  });

  describe("when capex follows growth (2 USD per USD of added annual revenue, no lead; revenue up 10 % a quarter)", () => {
    // Revenue 110, 121, 133.1, 146.41: growth capex 8 × 10, 8 × 11, 8 × 12.1, 8 × 13.31 = 80, 88, 96.8, 106.48.
    const p = runDecimal(plainCompany({
      revenue: {lastQuarter: 100, growth: 0.1}, capexIntensity: {perAddedAnnualRevenue: 2, leadQuarters: 0, follows: true},
      ...withVintages(4), facilities: [loan]
    }));

    it("adds the retiring vintages' cost to the capex growth needs", () => {
      expect(ledgerColumn(p, "maintenanceCapex")).toEqual(["0", "100", "0", "20"]);
      // 80; 88 + 100; 96.8; 106.48 + 20.
      expect(ledgerColumn(p, "capex")).toEqual(["80", "188", "96.8", "126.48"]);
    });

    it("depreciates the replacement like any vintage, from the quarter after it is bought", () => {
      // 0: 120 / 4 = 30; 1: (120 + 80) / 4 = 50; 2: (20 + 80 + 188) / 4 = 72; 3: (20 + 80 + 188 + 96.8) / 4 = 96.2.
      expect(ledgerColumn(p, "depreciation")).toEqual(["30", "50", "72", "96.2"]);
    });

    it("is speculative on operating cash flow but Ponzi after maintenance capex in the quarter the big vintage is replaced", () => {
      // EBITDA (= operating cash flow) 55, 60.5, 66.55, 73.205. Offset 1: 60.5 ≥ interest 15
      // but < 15 + 250: speculative; after maintenance 60.5 − 100 = −39.5 < 15: Ponzi.
      // Offset 3: 73.205 − 20 = 53.205 ≥ 5: still speculative.
      expect(ledgerColumn(p, "operatingCashFlow")).toEqual(["55", "60.5", "66.55", "73.205"]);
      expect(p.quarters.map((q) => q.regime)).toEqual(["speculative", "speculative", "speculative", "speculative"]);
      expect(p.quarters.map((q) => q.regimeAfterMaintenance)).toEqual(["speculative", "ponzi", "speculative", "speculative"]);
    });

    it("keeps sources equal to uses: maintenance is inside capex, not a second use of cash", () => {
      // Opening cash 1000; each quarter + operating cash flow − interest − capex − principal.
      // 1000 + 55 − 20 − 80 − 250 = 705; + 60.5 − 15 − 188 − 250 = 312.5; + 66.55 − 10 − 96.8 − 250 = 22.25;
      // + 73.205 − 5 − 126.48 − 250 = −286.025 (cash below zero: it cannot pay).
      expect(ledgerColumn(p, "closingCash")).toEqual(["705", "312.5", "22.25", "-286.025"]);
    });
  });

  describe("the useful life drives it", () => {
    it("brings the replacement wave earlier with a shorter life", () => {
      // Life 2: the 100 of offset −3 ended before the start (replaced at −1, in the reported
      // capex); the 20 of offset −1 is replaced at offset 1, and the 30 of offset 0 at 2.
      const two = runDecimal(plainCompany({capex: 30, ...withVintages(2), facilities: [loan]}));
      expect(ledgerColumn(two, "maintenanceCapex")).toEqual(["0", "20", "30", "30"]);
      // Life 8: nothing retires within four quarters.
      const eight = runDecimal(plainCompany({capex: 30, ...withVintages(8), facilities: [loan]}));
      expect(ledgerColumn(eight, "maintenanceCapex")).toEqual(["0", "0", "0", "0"]);
    });

    it("ignores a vintage whose life ended before the start, and sums vintages of the same quarter", () => {
      const p = runDecimal(plainCompany({capex: 0, depreciation: {capexLifeQuarters: 2, vintages: [{quarter: "2024Q1", amount: 999}, {quarter: "2025Q4", amount: 6}, {quarter: "2025Q4", amount: 4}]}, facilities: [loan]}));
      // 10 in 2025Q4: 5 in offsets 0 and 1, replaced at offset 1 by the capex input (0): no maintenance can be paid for.
      expect(ledgerColumn(p, "depreciation")).toEqual(["5", "5", "0", "0"]);
      expect(ledgerColumn(p, "maintenanceCapex")).toEqual(["0", "0", "0", "0"]);
    });

    it("runs the opening charge the vintages do not explain beside them", () => {
      const p = runDecimal(plainCompany({capex: 0, depreciation: {openingPerQuarter: 7, openingRemainingQuarters: 2, capexLifeQuarters: 4, vintages}, facilities: [loan]}));
      // 30 + 7, 30 + 7, then the vintages alone: 20 / 4 = 5 twice.
      expect(ledgerColumn(p, "depreciation")).toEqual(["37", "37", "5", "5"]);
    });
  });

  it("agrees in both arithmetics", () => {
    const draft = plainCompany({quarters: 12, revenue: {lastQuarter: 100, growth: [0.2, 0.1, 0.05]}, capexIntensity: {perAddedAnnualRevenue: 3.3, leadQuarters: 2, follows: true}, ...withVintages(3), facilities: [loan]});
    const exact = projectionToNumbers(decimalArithmetic, project(parseModelInput(draft), decimalArithmetic));
    const fast = project(parseModelInput(draft), floatArithmetic);
    fast.quarters.forEach((q, t) => {
      expect(q.ledger.maintenanceCapex).toBeCloseTo(exact.quarters[t]!.ledger.maintenanceCapex, 9);
      expect(q.regimeAfterMaintenance).toBe(exact.quarters[t]!.regimeAfterMaintenance);
    });
  });

  it("refuses a vintage that is not before the start", () => {
    expect(() => parseModelInput(plainCompany({depreciation: {vintages: [{quarter: "2026Q1", amount: 10}]}, facilities: [loan]}))).toThrow(/depreciation\.vintages\[0\]\.quarter: is not before the projection starts/);
    expect(() => parseModelInput(plainCompany({depreciation: {vintages: [{quarter: "2025Q5", amount: 10}]}, facilities: [loan]}))).toThrow(ModelInputError);
  });
});
