import {describe, expect, it} from "vitest";
import {cellText, tableOf} from "../../../src/views/widgets/chart-table.js";
import {withBaseCase} from "../../../src/views/charts/base-line.js";
import {GLOSSARY} from "../../../src/readings/glossary.js";
import {cashChart} from "../../../src/views/charts/cash-debt.js";
import {coverageChart} from "../../../src/views/charts/coverage.js";
import {heatmapChart} from "../../../src/views/charts/heatmap.js";
import {regimeChart} from "../../../src/views/charts/regimes.js";

describe("the table under a chart (its text alternative)", () => {
  it("reads one figure a quarter and series as a quarter a line and a series a column", () => {
    const {rows, columns} = tableOf([
      {quarter: "2026Q1", series: "Closing cash", value: 1200.25},
      {quarter: "2026Q1", series: "Debt due", value: -852.94},
      {quarter: "2026Q2", series: "Closing cash", value: 3.456}
    ]);
    expect(columns.map((c) => c.label)).toEqual(["Quarter", "Closing cash", "Debt due"]);
    expect(rows.map((r) => columns.map((c) => c.value(r)))).toEqual([
      // At or above 100 one decimal, below it two; the minus sign, not a hyphen or brackets.
      ["2026Q1", "1,200.3", "−852.9"],
      ["2026Q2", "3.46", "—"]
    ]);
  });

  it("leaves out the base case's rows, which the chart draws faint for comparison: the table holds the inputs' own figures", () => {
    const inputs = [{quarter: "2026Q1", series: "Closing cash", value: 100}];
    const {rows, columns} = tableOf(withBaseCase(inputs, [{quarter: "2026Q1", series: "Closing cash", value: 250}]) as unknown as Array<Record<string, unknown>>);
    expect(columns.map((c) => c.label)).toEqual(["Quarter", "Closing cash"]);
    expect(rows.map((r) => columns.map((c) => c.value(r)))).toEqual([["2026Q1", "100.0"]]);
  });

  it("keeps the rows a chart names (the heatmap's cells, not its outlines) in its named columns", () => {
    const spec = heatmapChart({x: "Rate (bp)", y: "Growth (%)", outcome: "Lowest coverage", unit: "×"}) as any;
    const {rows, columns} = tableOf([
      {layer: "cell", x: 0, y: 5, shown: "1.2 ×"}, {layer: "ponzi", x: 0, y: 0, x2: 1, y2: 1}, {layer: "current", x: 0, y: 5, shown: "the inputs as set"}
    ], spec.usermeta.table);
    expect(columns.map((c) => c.label)).toEqual(["Rate (bp)", "Growth (%)", "Lowest coverage"]);
    expect(rows.map((r) => columns.map((c) => c.value(r)))).toEqual([["0.00", "5.00", "1.2 ×"]]);
  });

  it("writes yes and no for a flag, and a dash for nothing", () => {
    expect([cellText(true), cellText(false), cellText(""), cellText(null), cellText(Number.NaN)]).toEqual(["yes", "no", "—", "—", "—"]);
  });
});

describe("the glossary under the charts", () => {

  it("defines each term a chart names, once, in a sentence", () => {
    for (const spec of [cashChart(), coverageChart(), regimeChart()] as any[]) {
      for (const term of spec.usermeta.terms) expect(GLOSSARY[term as keyof typeof GLOSSARY].definition).toMatch(/^[A-Z].{40,}\.$/);
    }
  });
  it("tells Minsky's three regimes apart by what operating cash flow covers", () => {
    expect(GLOSSARY.hedge.definition).toMatch(/interest and the principal/);
    expect(GLOSSARY.speculative.definition).toMatch(/covers the interest but not the principal/);
    expect(GLOSSARY.ponzi.definition).toMatch(/not cover even the interest/);
  });
});
