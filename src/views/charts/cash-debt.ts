import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {cashHeld, fundingGap} from "../../readings/funding-gap.js";
import {BASE_CASE_SUBTITLE, linesWithBaseCase} from "./base-line.js";
import {base, finite, meta, MILLIONS, ONE_DATUM, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/** Closing cash (never below zero) against the debt falling due, and the funding gap, each quarter. */
export const CASH_SERIES = ["Closing cash", "Debt due (principal + interest)", "Funding gap, in all"] as const;

export function cashRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => [
    {quarter: l.quarter, series: CASH_SERIES[0], value: cashHeld(l.closingCash)},
    {quarter: l.quarter, series: CASH_SERIES[1], value: l.principalDue + l.interest},
    {quarter: l.quarter, series: CASH_SERIES[2], value: fundingGap(l.closingCash)}
  ]));
}

const CASH_Y = {field: SERIES.value, type: "quantitative", title: "USD millions", axis: {format: MILLIONS}} as const;
const CASH_COLOR = {field: SERIES.series, type: "nominal", title: null, scale: {domain: [...CASH_SERIES], range: ["#1f77b4", "#d62728", "#ff7f0e"]}} as const;

export function cashChart(): TopLevelSpec {
  return {
    ...base(),
    ...meta({terms: ["fundingGap"]}),
    title: {text: "Cash against debt due", subtitle: BASE_CASE_SUBTITLE},
    description: "Closing cash each quarter against the principal and interest falling due, in USD millions. When uses exceed every source (cash, the revolver, new borrowing), cash stays at zero and the shortfall is the funding gap, in all to date: a quarter with a gap is one the company cannot pay.",
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#999"}, encoding: {y: {datum: 0}}},
      ...linesWithBaseCase(CASH_Y, CASH_COLOR, [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Series"}, {field: SERIES.value, title: "USD millions", format: MILLIONS}])
    ]
  };
}
