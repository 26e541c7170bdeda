import type {TopLevelSpec} from "vega-lite";
import type {HindcastRow} from "../../scenario/hindcast.js";
import {base, MILLIONS, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/** The hindcast's two series: what the earlier base case projected, and what was reported. */
export const HINDCAST_SERIES = ["projected", "reported"] as const;

/** One measure of the hindcast, as two series: projected and reported. */
export function hindcastRows(rows: readonly HindcastRow[], measure: string): SeriesRow[] {
  return rows.filter((r) => r.measure === measure).flatMap((r) => [{quarter: r.quarter, series: HINDCAST_SERIES[0], value: r.projected}, {quarter: r.quarter, series: HINDCAST_SERIES[1], value: r.reported}]);
}

/** One measure of the hindcast: what the base case built at an earlier date projected, against what was reported. */
export function hindcastChart(measure: string, asOf: string): TopLevelSpec {
  return {
    ...base(),
    height: 180,
    // A short title and a subtitle, so that neither is cut at a phone's width.
    title: {text: measure, subtitle: `dashed: projected from ${asOf}`, anchor: "start"},
    description: `${measure} each quarter, USD millions: the base case as built from the figures held at ${asOf}, and what was reported since.`,
    mark: {type: "line", point: true},
    encoding: {
      x: quarterAxis,
      y: {field: SERIES.value, type: "quantitative", title: "USD millions", axis: {format: MILLIONS}},
      color: {field: SERIES.series, type: "nominal", title: null, scale: {domain: [...HINDCAST_SERIES], range: ["#7f7f7f", "#1f77b4"]}, legend: {orient: "top"}},
      // The same field, title and orientation as the colour: one legend, showing the dash.
      strokeDash: {field: SERIES.series, type: "nominal", title: null, scale: {domain: [...HINDCAST_SERIES], range: [[4, 3], [1, 0]]}, legend: {orient: "top"}},
      tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Series"}, {field: SERIES.value, title: "USD millions", format: MILLIONS}]
    }
  };
}
