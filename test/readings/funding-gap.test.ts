import {spawnSync} from "node:child_process";
import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {floatArithmetic, project} from "../../src/model/index.js";
import {cashHeld, fundingGap, largestFundingGap, quarterRecords} from "../../src/readings/funding-gap.js";
import {OUTCOMES} from "../../src/readings/outcomes.js";
import {applyControls} from "../../src/scenario/controls.js";
import {cashRows} from "../../src/views/charts/cash-debt.js";

const {base, controls} = baseInputs();
// No new borrowing at all: the first shortfall no source covers is a funding gap.
const short = project(applyControls(base.input, {...controls, newBorrowingLimit: 0, revolverCapacity: 0}), floatArithmetic);

describe("the funding gap", () => {
  it("is cash below zero, shown as a gap: cash held never goes below zero, and the two add back to the engine's cash", () => {
    for (const q of short.quarters) {
      const cash = q.ledger.closingCash;
      expect(cashHeld(cash)).toBeGreaterThanOrEqual(0);
      expect(fundingGap(cash)).toBeGreaterThanOrEqual(0);
      expect(cashHeld(cash) - fundingGap(cash)).toBe(cash);
    }
  });

  it("opens in the first quarter the company cannot pay", () => {
    const first = short.quarters.find((q) => fundingGap(q.ledger.closingCash) > 0)!;
    expect(first.ledger.quarter).toBe(short.firstDefaultQuarter);
    expect(largestFundingGap(short)).toBe(Math.max(...short.quarters.map((q) => -q.ledger.closingCash), 0));
    expect(OUTCOMES.largestFundingGap.of(short)).toBeGreaterThan(0);
  });

  it("is a series of its own on the cash chart, which never draws cash below zero", () => {
    const rows = cashRows(short);
    expect(rows.filter((r) => r.series === "Closing cash").every((r) => r.value >= 0)).toBe(true);
    const gap = rows.filter((r) => r.series === "Funding gap, in all");
    expect(gap).toHaveLength(short.quarters.length);
    expect(Math.max(...gap.map((r) => r.value))).toBe(largestFundingGap(short));
  });

  it("is in every quarter's record a script reads, to the cent", () => {
    const records = quarterRecords(short);
    expect(records.map((r) => r.quarter)).toEqual(short.quarters.map((q) => q.ledger.quarter));
    const i = short.quarters.findIndex((q) => q.cannotPay);
    expect(records[i]!.funding_gap).toBeCloseTo(-short.quarters[i]!.ledger.closingCash, 2);
    expect(records[i]!.closing_cash).toBe(0);
  });
});

describe("npm run scenario -- run NAME --json", () => {
  it("prints the scenario's inputs, outcomes and every quarter's record as JSON", () => {
    const run = spawnSync("npx", ["tsx", "cli/scenario.ts", "run", "base", "--json"], {encoding: "utf8"});
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {controls: Record<string, number>; outcome: Record<string, unknown>; quarters: Array<Record<string, unknown>>};
    expect(out.controls.growthPct).toBe(controls.growthPct);
    expect(Object.keys(out.outcome)).toContain("largest_funding_gap_usd_m");
    expect(out.quarters).toHaveLength(base.input.quarters);
    expect(Object.keys(out.quarters[0]!)).toEqual(["quarter", "revenue", "bookings", "backlog", "largest_customer_revenue", "bad_debt", "ebitda", "depreciation", "capex", "maintenance_capex", "operating_cash_flow", "interest", "principal_due", "new_borrowing", "scheduled_draws", "equity_raised", "funding_gap", "closing_cash", "closing_debt", "regime", "regime_after_maintenance"]);
  });

  it("prints the equity raised, none in the quarters equity markets are shut", () => {
    const run = spawnSync("npx", ["tsx", "cli/scenario.ts", "run", "equity-markets-shut-too", "--json"], {encoding: "utf8"});
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {quarters: Array<{quarter: string; equity_raised: number}>};
    expect(out.quarters.slice(0, 7).map((q) => `${q.quarter}:${q.equity_raised}`)).toEqual(["2026Q3:1000", "2026Q4:1000", "2027Q1:0", "2027Q2:0", "2027Q3:0", "2027Q4:0", "2028Q1:0"]);
  });
});
