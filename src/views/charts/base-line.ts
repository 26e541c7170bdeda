import {quarterAxis, SERIES, type SeriesRow} from "./common.js";

/**
 * The base case as a faint dashed line under the inputs' own, once an input has moved: what
 * the move changed stays in view. Its rows are the chart's own rows marked `scenario: "base
 * case"`; they are there only once an input has moved (the subtitle says what they are,
 * and the legend names only the series).
 *
 * Both are drawn by one line layer over every row, split by `scenario` (the base case's
 * lines dashed and faint, without a legend entry of their own), and the inputs' points by a
 * second layer. No layer reads a data set that is empty while nothing has moved: vega would
 * warn of its infinite extent on the shared y scale.
 */
export const BASE_CASE = "base case";
export const BASE_CASE_SUBTITLE = "Faint dashed lines: the base case";

export interface ScenarioRow extends SeriesRow {
  readonly scenario?: typeof BASE_CASE;
}

/** The inputs' rows, then the base case's (none when `baseRows` is null: nothing has moved). */
export function withBaseCase(rows: readonly SeriesRow[], baseRows: readonly SeriesRow[] | null): ScenarioRow[] {
  return [...rows, ...(baseRows ?? []).map((r) => ({...r, scenario: BASE_CASE}))];
}

/** Whether a row is the base case's, as a vega expression. */
export const IS_BASE_CASE = `datum.scenario === '${BASE_CASE}'`;

/** The inputs' own rows. */
export const INPUTS_ONLY = {filter: `!(${IS_BASE_CASE})`} as const;

type Tooltip = Array<{field: string; title: string; format?: string}>;

/**
 * The lines (the inputs' solid, the base case's faint and dashed) and the inputs' points, on
 * the same axes and colour scale (`y` and `color` as the chart encodes them).
 */
export function linesWithBaseCase<Y, C extends object>(y: Y, color: C, tooltip: Tooltip) {
  return [
    {
      mark: {type: "line" as const},
      encoding: {
        x: quarterAxis, y, color,
        detail: {field: "scenario", type: "nominal" as const},
        strokeDash: {condition: {test: IS_BASE_CASE, value: [4, 3]}, value: [1, 0]},
        opacity: {condition: {test: IS_BASE_CASE, value: 0.4}, value: 1},
        strokeWidth: {condition: {test: IS_BASE_CASE, value: 1.5}, value: 2}
      }
    },
    {
      transform: [INPUTS_ONLY],
      mark: {type: "point" as const, filled: true},
      // The same colour encoding as the lines': one legend for both (a `legend: null` here
      // would take the shared legend away).
      encoding: {x: quarterAxis, y, color, tooltip}
    }
  ];
}

