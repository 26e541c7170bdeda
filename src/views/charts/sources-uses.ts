import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {base, finite, MILLIONS, ONE_DATUM, quarterAxis, SERIES, type ChartOptions, type SeriesRow} from "./common.js";

/** Sources positive, uses negative, so the bars of a quarter balance around zero. */
export function sourcesUsesRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => [
    {quarter: l.quarter, series: "Operating cash flow", value: l.operatingCashFlow},
    {quarter: l.quarter, series: "Borrowing", value: l.scheduledDraws + l.revolverDraw + l.newBorrowing},
    {quarter: l.quarter, series: "Refinanced", value: l.refinanced},
    {quarter: l.quarter, series: "Equity raised", value: l.equityRaised},
    {quarter: l.quarter, series: "Equity cure", value: l.equityCure},
    // Cash only: interest paid in kind is added to debt, not paid, so it is neither a source nor a use.
    {quarter: l.quarter, series: "Interest and fees", value: -(l.interest - l.pikInterest + l.fees)},
    {quarter: l.quarter, series: "Capex", value: -l.capex},
    {quarter: l.quarter, series: "Principal", value: -(l.principalDue + l.revolverRepayment)},
    {quarter: l.quarter, series: "Repaid early (sweep, prepayments)", value: -(l.sweepRepayment + l.prepayment)},
    {quarter: l.quarter, series: "Prepayment premiums", value: -l.prepaymentPremium},
    {quarter: l.quarter, series: "Cash drawn down (−: built up)", value: l.openingCash - l.closingCash}
  ].filter((r) => r.value !== 0)));
}

export function sourcesUsesChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    title: "Sources and uses of cash",
    description: "Each quarter's sources of cash (above zero) and uses (below zero), in USD millions; the two balance.",
    layer: [
      {mark: {type: "bar"}, encoding: {
        x: quarterAxis,
        y: {field: SERIES.value, type: "quantitative", title: "USD millions (sources +, uses −)", stack: "zero", axis: {format: MILLIONS}},
        color: {field: SERIES.series, type: "nominal", title: null},
        tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Flow"}, {field: SERIES.value, title: "USD millions", format: MILLIONS}]
      }},
      {data: ONE_DATUM, mark: {type: "rule", color: "#333"}, encoding: {y: {datum: 0}}}
    ]
  };
}
