import {quarterAxis, SERIES, type SeriesRow} from "./common.js";

/**
 * The base case as a faint dashed line under the inputs' own, once an input has moved: what
 * the move changed stays in view. Its rows are the chart's own rows marked `scenario: "base
 * case"`; the chart's main layer leaves them out and this layer draws only them, in the
 * series' colours, without a legend entry of its own (the subtitle says what it is; the
 * lines are there only once an input has moved).
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

/** For the chart's main layer: its own rows only. */
export const INPUTS_ONLY = {filter: `datum.scenario !== '${BASE_CASE}'`} as const;

/** The faint layer, on the same axes and colour scale as the main one (`y` and `color` as it encodes them). */
export function baseCaseLayer<Y, C extends object>(y: Y, color: C) {
  return {
    transform: [{filter: `datum.scenario === '${BASE_CASE}'`}],
    mark: {type: "line" as const, opacity: 0.4, strokeDash: [4, 3], strokeWidth: 1.5},
    encoding: {
      x: quarterAxis, y, color: {...color, legend: null},
      tooltip: [{field: SERIES.quarter, title: "Quarter"}, {field: SERIES.series, title: "Base case"}, {field: SERIES.value, title: "Value", format: ",.2f"}]
    }
  };
}
