import type {TopLevelSpec} from "vega-lite";
import type {LedgerQuarter, Projection} from "../../model/index.js";
import {base, MILLIONS, ONE_DATUM, quarterAxis, SERIES, type SeriesRow} from "./common.js";

/** A ledger line held as a number each quarter (closing cash, closing debt, …). */
export type LedgerLine = {[K in keyof LedgerQuarter<number>]: LedgerQuarter<number>[K] extends number ? K : never}[keyof LedgerQuarter<number>];

/**
 * One ledger line each quarter under each named scenario, one series per scenario; or a
 * reading of the ledger (the funding gap, say), as a function of the quarter's ledger.
 */
export function compareRows(runs: ReadonlyArray<{readonly name: string; readonly p: Projection<number>}>, line: LedgerLine | ((ledger: LedgerQuarter<number>) => number)): SeriesRow[] {
  const read = typeof line === "function" ? line : (ledger: LedgerQuarter<number>) => ledger[line];
  return runs.flatMap(({name, p}) => p.quarters.map((q) => ({quarter: q.ledger.quarter, series: name, value: read(q.ledger)})));
}

export interface CompareOptions {
  /** What a series is, in the title and the legend: "scenario" unless told. */
  readonly seriesTitle?: string;
  /**
   * The legend under the chart, one entry a line: for series named by a reader, whose
   * long names beside the chart would leave a phone's chart no room.
   */
  readonly legendBelow?: boolean;
}

// Room for the longest scenario or view name a reader sees whole ("customer-leaves-at-contract-end").
const LEGEND_COLUMN_PX = 340;

/** One measure, one line per scenario: to compare scenarios on the same axes. */
export function compareChart(measure: string, unit: string, options: CompareOptions = {}): TopLevelSpec {
  const series = options.seriesTitle ?? "scenario";
  const legend = series.charAt(0).toUpperCase() + series.slice(1);
  const frame = base();
  return {
    ...frame,
    // The legend's entries come with the rows, after the first drawing: the chart grows to hold them.
    autosize: {type: "fit-x", contains: "padding", resize: true},
    title: `${measure} by ${series}`,
    description: `${measure} each quarter under each ${series} compared, in ${unit}, one line per ${series}.`,
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#999"}, encoding: {y: {datum: 0}}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis,
          y: {field: SERIES.value, type: "quantitative", title: unit, axis: {format: MILLIONS}},
          // Below the plot, in as many columns as fit the page's column (a column each 200 px;
          // counted from the container, which the layout does not change, not from the plot's
          // width, which the legend's own height feeds back into), with
          // room for a whole scenario name: at the side the legend took the plot's width on a
          // phone and vega's default label limit cut the longer names ("borrows-…").
          color: {field: SERIES.series, type: "nominal", title: legend, legend: {orient: "bottom", direction: "vertical", ...(options.legendBelow ? {} : {columns: {expr: `max(1, floor(containerSize()[0] / ${LEGEND_COLUMN_PX}))`}}), labelLimit: LEGEND_COLUMN_PX - 20}},
          tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: legend}, {field: SERIES.value, title: unit, format: MILLIONS}]
        }
      }
    ]
  };
}
