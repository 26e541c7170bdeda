import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {base, finite, MILLIONS, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/** Principal each facility requires in cash each quarter (due less refinanced); a facility with none that quarter has no row. */
export function maturityRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => l.facilities.map((f, i) => ({quarter: l.quarter, series: p.facilities[i]!.name, value: f.principalDue - f.refinanced}))
    .filter((r) => r.value !== 0)));
}

export function maturityWallChart(): TopLevelSpec {
  return {
    ...base(),
    title: "The maturity wall: principal repaid in cash, by facility",
    description: "Principal each facility requires in cash each quarter (what falls due less what is refinanced), stacked, in USD millions.",
    mark: {type: "bar"},
    encoding: {
      x: quarterAxis,
      y: {field: SERIES.value, type: "quantitative", title: "USD millions", stack: "zero", axis: {format: MILLIONS}},
      color: {field: SERIES.series, type: "nominal", title: "Facility"},
      tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Facility"}, {field: SERIES.value, title: "USD millions", format: MILLIONS}]
    }
  };
}
