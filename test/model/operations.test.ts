import {describe, expect, it} from "vitest";
import {ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.08}, maturity: "2030Q4"};

describe("revenue and costs", () => {
  it("compounds revenue from the last reported quarter at each quarter's growth", () => {
    const projection = runDecimal(plainCompany({revenue: {lastQuarter: 100, growth: [0.1, 0.2, -0.5]}, facilities: [loan]}));
    expect(ledgerColumn(projection, "revenue")).toEqual(["110", "132", "66", "33"]);
  });

  it("takes EBITDA as revenue × margin, and costs as the rest", () => {
    const projection = runDecimal(plainCompany({costs: {kind: "margin", ebitdaMargin: [0.5, 0.25]}, quarters: 2, facilities: [loan]}));
    expect(ledgerColumn(projection, "ebitda")).toEqual(["50", "25"]);
    expect(ledgerColumn(projection, "operatingCosts")).toEqual(["50", "75"]);
  });

  it("adds cost lines: a share of revenue plus a fixed amount growing at its own rate", () => {
    const projection = runDecimal(plainCompany({
      quarters: 2,
      costs: {kind: "lines", lines: [
        {name: "Cost of revenue", shareOfRevenue: 0.3},
        {name: "General and administrative", fixedPerQuarter: 10, fixedGrowth: 0.1}
      ]},
      facilities: [loan]
    }));
    // Q1: 30 + 11 = 41; Q2: 30 + 12.1 = 42.1.
    expect(ledgerColumn(projection, "operatingCosts")).toEqual(["41", "42.1"]);
    expect(ledgerColumn(projection, "ebitda")).toEqual(["59", "57.9"]);
  });
});

describe("depreciation, EBIT and taxes", () => {
  const projection = runDecimal(plainCompany({
    quarters: 4,
    capex: [40, 0],
    depreciation: {openingPerQuarter: 5, openingRemainingQuarters: 2, capexLifeQuarters: 2},
    taxRate: 0.25,
    facilities: [loan]
  }));

  it("depreciates opening assets while their life lasts and capex from the next quarter over its life", () => {
    // Opening: 5 in Q1–Q2. The 40 of Q1 capex: 20 in Q2 and Q3.
    expect(ledgerColumn(projection, "depreciation")).toEqual(["5", "25", "20", "0"]);
    expect(ledgerColumn(projection, "ebit")).toEqual(["45", "25", "30", "50"]);
  });

  it("taxes EBIT less interest (20) at 25 % when positive", () => {
    expect(ledgerColumn(projection, "taxes")).toEqual(["6.25", "1.25", "2.5", "7.5"]);
    expect(ledgerColumn(projection, "operatingCashFlow")).toEqual(["43.75", "48.75", "47.5", "42.5"]);
  });

  it("pays no tax on a loss", () => {
    const loss = runDecimal(plainCompany({quarters: 1, taxRate: 0.25, costs: {kind: "margin", ebitdaMargin: 0.1}, facilities: [loan]}));
    expect(ledgerColumn(loss, "taxes")).toEqual(["0"]);
  });
});
