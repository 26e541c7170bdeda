/**
 * What the charts share. Each chart is a file of its own in this folder: the type of the
 * rows it draws, the function that shapes them, and the vega-lite spec that draws them,
 * whose field names come from the row type (`fields`), not from loose strings.
 *
 * Specs are pure functions from options to a specification. Each reads its rows from the
 * named data source "table", so that a live chart changes its data in place (see
 * ../widgets/live-chart.ts) instead of being rebuilt. Each has a title, axis titles with
 * units, a tooltip with the figure and a description for screen readers.
 */
export const DATA_NAME = "table";

/** USD millions on an axis or in a tooltip. */
export const MILLIONS = ",.1f";

export interface ChartOptions {
  readonly width?: number | "container";
}

/** Every key of a row type, across the members of a union. */
type KeysOf<Row> = Row extends unknown ? keyof Row & string : never;

/** A row type's field names, each checked against it. */
export type Fields<Row> = {readonly [K in KeysOf<Row>]: K};

/** The field names of `Row` for its spec, e.g. `fields<FanRow>({quarter: "quarter", ...})`: a name the row lacks does not compile. */
export function fields<Row>(names: Fields<Row>): Fields<Row> {
  return names;
}

/** The rows most charts draw: one figure per quarter and series, in long format. */
export interface SeriesRow {
  readonly quarter: string;
  readonly series: string;
  readonly value: number;
}
export const SERIES = fields<SeriesRow>({quarter: "quarter", series: "series", value: "value"});

/**
 * Only finite figures become rows: a ratio the model left null ("not meaningful") is left
 * out, so nothing draws NaN or Infinity; the chart's note says so.
 */
export const finite = (rows: SeriesRow[]): SeriesRow[] => rows.filter((r) => Number.isFinite(r.value));

// A reference line drawn once, from a datum of its own: with the chart's rows it would be
// drawn once per row (and rebuilt on every input).
export const ONE_DATUM = {values: [{}]} as const;

/** Quarters along x, in order. Every row type with a quarter names it `quarter`. */
export const quarterAxis = {field: SERIES.quarter, type: "ordinal", title: "Quarter", sort: "ascending", axis: {labelAngle: -45}} as const;

// The chart fills its container's width ("container"), padding included, so that axis
// titles and legends are never clipped by the page's column.
export const frame = (height: number, width: number | "container" = "container") => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width,
  height,
  autosize: {type: "fit-x", contains: "padding"},
  data: {name: DATA_NAME},
  config: {font: "system-ui, sans-serif"}
}) as const;

/** The frame of the projection's charts: 240 high unless a chart says otherwise. */
export const base = (options: ChartOptions) => frame(240, options.width ?? "container");
