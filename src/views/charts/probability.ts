import type {TopLevelSpec} from "vega-lite";
import type {MonteCarloSummary} from "../../risk/monte-carlo.js";
import {frame, meta, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/** A share of the simulated paths (0 to 1) each quarter, one series per question. */
export type ProbabilityRow = SeriesRow;

export function probabilityRows(s: MonteCarloSummary): ProbabilityRow[] {
  return s.quarters.flatMap((quarter, t) => [
    {quarter, series: "Unable to pay by then", value: s.probabilityCannotPayBy[t]!},
    {quarter, series: "In Ponzi finance that quarter", value: s.shareInPonzi[t]!}
  ]);
}

export function probabilityChart(): TopLevelSpec {
  return {
    ...frame(240),
    ...meta({terms: ["ponzi", "fundingGap"]}),
    title: "How likely: unable to pay, and Ponzi finance",
    description: "Across the simulated paths, the share that have been unable to pay by each quarter, and the share in Ponzi finance in that quarter (operating cash flow short of interest), from 0 to 100 %.",
    mark: {type: "line", point: true},
    encoding: {
      x: quarterAxis,
      y: {field: SERIES.value, type: "quantitative", title: "Share of paths (%)", axis: {format: ".0%"}, scale: {domain: [0, 1]}},
      color: {field: SERIES.series, type: "nominal", title: null},
      tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Share"}, {field: SERIES.value, title: "%", format: ".1%"}]
    }
  } as TopLevelSpec;
}
