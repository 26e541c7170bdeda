import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {base, finite, MILLIONS, ONE_DATUM, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/**
 * Every flow the chart can show, in the legend's order, each with a colour of its own
 * (sources in blues and greens, uses in reds and browns): a palette of ten would repeat one.
 */
const FLOWS = [
  {name: "Operating cash flow", colour: "#2ca02c"}, {name: "Borrowing", colour: "#1f77b4"}, {name: "Refinanced", colour: "#9ecae9"},
  {name: "Equity raised", colour: "#17becf"}, {name: "Equity cure", colour: "#98df8a"},
  {name: "Interest and fees", colour: "#d62728"}, {name: "Capex", colour: "#ff7f0e"}, {name: "Principal", colour: "#8c564b"},
  {name: "Repaid early (sweep, prepayments)", colour: "#e377c2"}, {name: "Prepayment premiums", colour: "#9467bd"},
  {name: "Cash drawn down (−: built up)", colour: "#7f7f7f"}
] as const;
type Flow = (typeof FLOWS)[number]["name"];

/** Sources positive, uses negative, so the bars of a quarter balance around zero. */
export function sourcesUsesRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => ([
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
  ] satisfies Array<SeriesRow & {series: Flow}>).filter((r) => r.value !== 0)));
}

export function sourcesUsesChart(): TopLevelSpec {
  return {
    ...base(),
    title: "Sources and uses of cash",
    description: "Each quarter's sources of cash (above zero) and uses (below zero), in USD millions; the two balance.",
    layer: [
      {mark: {type: "bar"}, encoding: {
        x: quarterAxis,
        y: {field: SERIES.value, type: "quantitative", title: "USD millions (sources +, uses −)", stack: "zero", axis: {format: MILLIONS}},
        color: {field: SERIES.series, type: "nominal", title: null, scale: {domain: FLOWS.map((f) => f.name), range: FLOWS.map((f) => f.colour)}},
        tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Flow"}, {field: SERIES.value, title: "USD millions", format: MILLIONS}]
      }},
      {data: ONE_DATUM, mark: {type: "rule", color: "#333"}, encoding: {y: {datum: 0}}}
    ]
  };
}
