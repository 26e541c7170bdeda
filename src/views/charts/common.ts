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
import type {TopLevelSpec} from "vega-lite";
import type {GlossaryTerm} from "../../readings/glossary.js";

export const DATA_NAME = "table";

/**
 * USD millions on an axis or in a tooltip. d3-format writes a negative with the minus sign
 * U+2212, as ../../readings/format.ts does in tables and sentences.
 */
export const MILLIONS = ",.1f";

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

/**
 * Quarters along x, in order. Every row type with a quarter names it `quarter`. How its
 * labels lie (angled, thinned) depends on the width the chart is given: see `fitToWidth`.
 */
export const quarterAxis = {field: SERIES.quarter, type: "ordinal", title: "Quarter", sort: "ascending"} as const;

/**
 * What a chart shows beside its marks, read by the live chart (../widgets/live-chart.ts):
 * the glossary's terms it uses, defined under it, and how its rows read as a table (its
 * text alternative), when not simply as they are.
 */
export type ChartMeta = {
  readonly terms?: readonly GlossaryTerm[];
  readonly table?: ChartTable;
};

/** The table behind a chart: its rows (those whose `where` field equals the value, if given) in these columns. */
export type ChartTable = {
  readonly columns: ReadonlyArray<{readonly field: string; readonly title: string}>;
  readonly where?: {readonly field: string; readonly equals: string};
};

export const meta = (m: ChartMeta) => ({usermeta: m}) as const;

/**
 * The frame of a chart. Its width is given when it is drawn (`fitToWidth`), from its
 * container's; its height is the plot's, and the chart grows below it for axes and legends.
 */
export const frame = (height: number) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  height,
  data: {name: DATA_NAME},
  config: {font: "system-ui, sans-serif"}
}) as const;

/** The frame of the projection's charts: 240 high unless a chart says otherwise. */
export const base = () => frame(240);

/** Below this width (CSS pixels) a chart is laid out as on a phone. */
export const NARROW = 560;

/** Bold 13 px titles run to about 7.5 px a character; 8 leaves room for wide letters. */
const TITLE_CHARACTER_WIDTH = 8;

/** A title's words in lines that fit `width`. */
export function wrapWords(text: string, width: number, characterWidth = TITLE_CHARACTER_WIDTH): string[] {
  const most = Math.max(12, Math.floor(width / characterWidth));
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= most) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

type Title = string | {readonly text: string | readonly string[]; readonly [k: string]: unknown};

/**
 * A chart spec drawn `width` pixels wide with these rows, everything inside that width
 * (vega's "fit" autosize, padding included, so that no label, title or legend is cut):
 * - the rows are the spec's own data ("table"), so that vega never draws it empty first
 *   (an empty table gives each quantitative scale an infinite extent, and a warning);
 * - the title is wrapped to the width and starts at the left edge;
 * - quarter labels are angled (upright on a phone) and thinned where they would overlap;
 * - on a phone, legends go under the plot, one entry a line, and long labels are cut short.
 */
export function fitToWidth(spec: TopLevelSpec, width: number, rows: readonly object[]): TopLevelSpec {
  const narrow = width < NARROW;
  const given = spec as TopLevelSpec & {title?: Title; config?: Record<string, unknown>};
  const title = given.title === undefined ? undefined
    : typeof given.title === "string" ? {text: wrapWords(given.title, width - 16)}
    : typeof given.title.text === "string" ? {...given.title, text: wrapWords(given.title.text, width - 16)} : given.title;
  return {
    ...spec,
    ...(title ? {title: title as TopLevelSpec["title"]} : {}),
    width,
    // Laid out again on every run: new rows may widen the axis labels, and the plot then narrows.
    autosize: {type: "fit-x", contains: "padding", resize: true},
    data: {name: DATA_NAME, values: rows as object[]},
    config: {
      ...given.config,
      // The chart is described as a whole (its description, and its table under it), not mark by mark.
      mark: {aria: false},
      title: {anchor: "start", frame: "bounds", subtitleFontSize: 11},
      axis: {titleLimit: narrow ? width - 40 : 400, labelLimit: narrow ? 120 : 260},
      axisXDiscrete: {labelAngle: narrow ? -90 : -45, labelOverlap: "greedy", labelSeparation: 2},
      // Legends one under another (vega would set the legends of one side in a row), each
      // label cut short (with "…") before it runs out of the chart: the legend starts under
      // the plot, right of the y axis (up to 80 px), and its symbol takes 30 px more.
      // A chart's own legend settings (how its legends under the plot stack) are kept.
      legend: narrow
        ? {...(given.config?.legend as object), orient: "bottom", direction: "vertical", columns: 1, labelLimit: width - 120, titleLimit: width - 90, layout: {bottom: {direction: "vertical", anchor: "start"}}}
        : {labelLimit: 220, ...(given.config?.legend as object)}
    }
  } as TopLevelSpec;
}
