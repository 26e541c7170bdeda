import type {TopLevelSpec} from "vega-lite";
import type {LedgerQuarter, Projection} from "../../model/index.js";
import {base, MILLIONS, ONE_DATUM, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/** A ledger line held as a number each quarter (closing cash, closing debt, …). */
export type LedgerLine = {[K in keyof LedgerQuarter<number>]: LedgerQuarter<number>[K] extends number ? K : never}[keyof LedgerQuarter<number>];

/** One ledger line each quarter under each named scenario, one series per scenario. */
export function compareRows(runs: ReadonlyArray<{readonly name: string; readonly p: Projection<number>}>, line: LedgerLine): SeriesRow[] {
  return runs.flatMap(({name, p}) => p.quarters.map((q) => ({quarter: q.ledger.quarter, series: name, value: q.ledger[line]})));
}

/** One measure, one line per scenario: to compare scenarios on the same axes. */
export function compareChart(measure: string, unit: string): TopLevelSpec {
  return {
    ...base(),
    title: `${measure} by scenario`,
    description: `${measure} each quarter under each scenario compared, in ${unit}, one line per scenario.`,
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#999"}, encoding: {y: {datum: 0}}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis,
          y: {field: SERIES.value, type: "quantitative", title: unit, axis: {format: MILLIONS}},
          color: {field: SERIES.series, type: "nominal", title: "Scenario"},
          tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Scenario"}, {field: SERIES.value, title: unit, format: MILLIONS}]
        }
      }
    ]
  };
}
