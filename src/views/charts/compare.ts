import type {TopLevelSpec} from "vega-lite";
import type {LedgerQuarter, Projection} from "../../model/index.js";
import {base, MILLIONS, ONE_DATUM, quarterAxis, SERIES, type ChartOptions, type SeriesRow} from "./common.js";

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

export interface CompareOptions extends ChartOptions {
  /** What a series is, in the title and the legend: "scenario" unless told. */
  readonly seriesTitle?: string;
  /**
   * The legend under the chart, one entry a line: for series named by a reader, whose
   * long names beside the chart would leave a phone's chart no room.
   */
  readonly legendBelow?: boolean;
}

/** One measure, one line per scenario: to compare scenarios on the same axes. */
export function compareChart(measure: string, unit: string, options: CompareOptions = {}): TopLevelSpec {
  const series = options.seriesTitle ?? "scenario";
  const legend = series.charAt(0).toUpperCase() + series.slice(1);
  const frame = base(options);
  return {
    ...frame,
    // A legend below grows with each series added: the chart's height is laid out again on
    // each change of its data, or the new names would fall outside its box.
    ...(options.legendBelow ? {autosize: {...frame.autosize, resize: true}} : {}),
    title: `${measure} by ${series}`,
    description: `${measure} each quarter under each ${series} compared, in ${unit}, one line per ${series}.`,
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#999"}, encoding: {y: {datum: 0}}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis,
          y: {field: SERIES.value, type: "quantitative", title: unit, axis: {format: MILLIONS}},
          color: {field: SERIES.series, type: "nominal", title: legend, ...(options.legendBelow ? {legend: {orient: "bottom", direction: "vertical", labelLimit: 320}} : {})},
          tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: legend}, {field: SERIES.value, title: unit, format: MILLIONS}]
        }
      }
    ]
  };
}
