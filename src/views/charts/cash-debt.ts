import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {base, finite, MILLIONS, ONE_DATUM, quarterAxis, SERIES, type ChartOptions, type SeriesRow} from "./common.js";

/** Closing cash against the debt falling due, each quarter. */
export const CASH_SERIES = ["Closing cash", "Debt due (principal + interest)"] as const;

export function cashRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => [
    {quarter: l.quarter, series: CASH_SERIES[0], value: l.closingCash},
    {quarter: l.quarter, series: CASH_SERIES[1], value: l.principalDue + l.interest}
  ]));
}

export function cashChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    title: "Cash against debt due",
    description: "Closing cash each quarter against the principal and interest falling due, in USD millions. Cash below zero is a quarter the company cannot pay.",
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#999"}, encoding: {y: {datum: 0}}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis,
          y: {field: SERIES.value, type: "quantitative", title: "USD millions", axis: {format: MILLIONS}},
          color: {field: SERIES.series, type: "nominal", title: null, scale: {domain: [...CASH_SERIES], range: ["#1f77b4", "#d62728"]}},
          tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Series"}, {field: SERIES.value, title: "USD millions", format: MILLIONS}]
        }
      }
    ]
  };
}
