import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {BASE_CASE_SUBTITLE, linesWithBaseCase} from "./base-line.js";
import {base, finite, meta, ONE_DATUM, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/**
 * Interest coverage (EBITDA, and EBIT after depreciation, over interest) and DSCR, each
 * quarter; a quarter with nothing to cover has no row. EBIT coverage is where the GPUs'
 * useful life shows: a shorter life, more depreciation, less cover.
 */
export function coverageRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l, metrics: m}) => [
    ...(m.interestCoverageEbitda === null ? [] : [{quarter: l.quarter, series: "EBITDA / interest", value: m.interestCoverageEbitda}]),
    ...(m.interestCoverageEbit === null ? [] : [{quarter: l.quarter, series: "EBIT / interest", value: m.interestCoverageEbit}]),
    ...(m.dscr === null ? [] : [{quarter: l.quarter, series: "DSCR", value: m.dscr}])
  ]));
}

const COVERAGE_Y = {field: SERIES.value, type: "quantitative", title: "Multiple (×)", axis: {format: ".1f"}} as const;
const COVERAGE_COLOR = {field: SERIES.series, type: "nominal", title: null} as const;

/** The dashed line at 1.0×, as labelled on the chart. */
export const COVER_LINE = "1.0×: just covered";

export function coverageChart(): TopLevelSpec {
  return {
    ...base(),
    ...meta({terms: ["interestCoverage", "dscr"]}),
    title: {text: "Interest coverage and DSCR", subtitle: BASE_CASE_SUBTITLE},
    description: "EBITDA over interest, EBIT (after depreciation) over interest, and operating cash flow over debt service, each quarter, as multiples. Below the 1.0× line, the quarter's cash earnings do not cover what is owed. Quarters with nothing to cover are left out.",
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#d62728", strokeDash: [4, 4]}, encoding: {y: {datum: 1}, tooltip: {value: COVER_LINE}}},
      // The dashed line says what it is, at its left end (a place that does not move with the width).
      {data: ONE_DATUM, mark: {type: "text", align: "left", baseline: "bottom", dx: 4, dy: -3, color: "#b0201f", fontSize: 10}, encoding: {x: {value: 0}, y: {datum: 1}, text: {value: COVER_LINE}}},
      ...linesWithBaseCase(COVERAGE_Y, COVERAGE_COLOR, [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Ratio"}, {field: SERIES.value, title: "×", format: ".2f"}])
    ]
  };
}
