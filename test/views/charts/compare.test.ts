import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {compareChart, compareRows} from "../../../src/views/charts/compare.js";
import {cashHeld, fundingGap} from "../../../src/readings/funding-gap.js";
import {floatArithmetic, project} from "../../../src/model/index.js";
import {plainCompany} from "../../model/fixtures.js";

describe("the comparison chart", () => {
  // Cash 1,000 at the start; EBITDA 50 and capex 450 a quarter, no tax, one loan at 0 % due
  // after the horizon: cash falls 400 a quarter, to 600, 200, −200, −600.
  const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed" as const, annualRate: 0}, maturity: "2030Q4"};
  const p = project(plainCompany({facilities: [loan], capex: 450}), floatArithmetic);
  const runs = [{name: "Base case", p}, {name: "Rates up", p}];

  it("gives one row per quarter and run, reading a ledger line by name", () => {
    const rows = compareRows(runs, "closingDebt");
    expect(rows).toHaveLength(2 * p.quarters.length);
    expect(rows[0]).toEqual({quarter: p.quarters[0]!.ledger.quarter, series: "Base case", value: p.quarters[0]!.ledger.closingDebt});
    expect(rows.at(-1)!.series).toBe("Rates up");
  });

  it("or a reading of the ledger: cash held and the funding gap, from closing cash", () => {
    const base = [{name: "Base case", p}];
    // Cash below zero is a gap of that size and no cash held: −200 → held 0, gap 200.
    expect(compareRows(base, (l) => cashHeld(l.closingCash)).map((r) => r.value)).toEqual([600, 200, 0, 0]);
    expect(compareRows(base, (l) => fundingGap(l.closingCash)).map((r) => r.value)).toEqual([0, 0, 200, 600]);
  });

  it("names its series as told, in the title, the legend and the tooltip", () => {
    const spec = compareChart("Funding gap", "USD millions", {seriesTitle: "view"}) as any;
    expect(() => compile(spec)).not.toThrow();
    expect(spec.title).toBe("Funding gap by view");
    expect(spec.layer[1].encoding.color.title).toBe("View");
    expect(spec.layer[1].encoding.tooltip[1].title).toBe("View");
    expect((compareChart("Closing cash", "USD millions") as any).title).toBe("Closing cash by scenario");
  });

  it("puts the legend below the chart, one name a line, in as many columns as fit", () => {
    const spec = compareChart("Funding gap", "USD millions", {legendBelow: true}) as any;
    expect(() => compile(spec)).not.toThrow();
    expect(spec.layer[1].encoding.color.legend).toMatchObject({orient: "bottom", direction: "vertical"});
    // ...and lays the chart out again when a series is added, so that its new name fits.
    expect(spec.autosize).toMatchObject({type: "fit-x", resize: true});
    // Long names are never cut short: a column is wide enough for the longest scenario name.
    expect(spec.layer[1].encoding.color.legend.labelLimit).toBeGreaterThanOrEqual(300);
  });
});
