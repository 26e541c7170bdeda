import {describe, expect, it} from "vitest";
import {companyTables} from "../../../data-loaders/dataset.js";
import {reportedQuarters} from "../../../src/views/widgets/ledger-table.js";

describe("the ledger's reported quarters", () => {
  it("run without a gap from the first quarter held to the last, a quarter with nothing marked not reported", () => {
    const quarters = reportedQuarters([
      {period: "2025Q1", line_item: "revenue", value: 982, source: "a"},
      {period: "2025Q3", line_item: "operating_cash_flow", value: 1689.1, source: "FY less 9M", status: "derived"}
    ]);
    expect(quarters.map((q) => [q.quarter, q.reported])).toEqual([["2025Q1", true], ["2025Q2", false], ["2025Q3", true]]);
    expect(quarters[2]!.figures["Operating cash flow"]).toBe(1689.1);
    expect(quarters[2]!.notes["Operating cash flow"]).toMatch(/derived/);
  });

  it("on the real dataset reach the latest filing's quarter, with operating cash flow in each of the last four", () => {
    const quarters = reportedQuarters(companyTables().financials);
    const last = quarters.at(-1)!;
    expect(last.quarter).toBe("2026Q2");
    for (const q of quarters.slice(-4)) expect(q.figures["Operating cash flow"], q.quarter).toBeTypeOf("number");
    const ordinals = quarters.map((q) => Number(q.quarter.slice(0, 4)) * 4 + Number(q.quarter.slice(5)));
    ordinals.forEach((o, i) => i > 0 && expect(o - ordinals[i - 1]!).toBe(1));
  });
});
