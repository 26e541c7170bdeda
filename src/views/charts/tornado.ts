import type {TopLevelSpec} from "vega-lite";
import type {Tornado} from "../../risk/tornado.js";
import {INPUTS} from "../../scenario/inputs-table.js";
import {fields, frame, meta} from "./common.js";

/** One end of a tornado bar: an input moved down or up, the others held. */
export interface TornadoRow {
  readonly input: string;
  readonly end: "down" | "up";
  /** The input's value at this end, in its units. */
  readonly moved: number;
  readonly outcome: number;
  readonly centre: number;
  readonly rank: number;
}
const F = fields<TornadoRow>({input: "input", end: "end", moved: "moved", outcome: "outcome", centre: "centre", rank: "rank"});

/** A bar from the centre to each end; an end whose outcome does not exist is read as `missingAs`. */
export function tornadoRows(t: Tornado, missingAs: number): TornadoRow[] {
  const centre = t.centre ?? missingAs;
  return t.bars.flatMap((bar, rank) => (["down", "up"] as const).map((end) => ({
    input: `${INPUTS[bar.key].label} ±${bar.step}`,
    end, moved: bar[end].input, outcome: bar[end].outcome ?? missingAs, centre, rank
  })));
}

/** What the tornado's vertical line marks, as its legend says it. */
export const TORNADO_CENTRE = "Line: the inputs as set";

export function tornadoChart(outcome: string, unit: string): TopLevelSpec {
  const framed = frame(320);
  return {
    ...framed,
    // Vega's legend layout (passed through by vega-lite, not typed by it): the two legends
    // under the plot stack, so that on a narrow screen neither is cut.
    config: {...framed.config, legend: {layout: {bottom: {anchor: "start", direction: "vertical", margin: 6}}}},
    ...meta({table: {columns: [
      {field: F.input, title: "Input moved"}, {field: F.end, title: "Down or up"}, {field: F.moved, title: "To"}, {field: F.outcome, title: `${outcome} (${unit})`}
    ]}}),
    title: `What moves ${outcome.toLowerCase()} most`,
    description: `For each input moved down and up by the step in its label, the other inputs held, the bar runs from ${outcome.toLowerCase()} with the inputs as set (the line) to its value at that end, in ${unit}. Largest swing at the top.`,
    layer: [
      {
        mark: {type: "bar"},
        encoding: {
          y: {field: F.input, type: "nominal", title: null, sort: {field: F.rank, order: "ascending"}},
          // The outcome is in the title; the axis says its unit.
          x: {field: F.centre, type: "quantitative", title: unit, scale: {zero: false}},
          x2: {field: F.outcome},
          color: {field: F.end, type: "nominal", title: "Input moved", scale: {domain: ["down", "up"], range: ["#4c78a8", "#f58518"]}, legend: {orient: "bottom", direction: "horizontal"}},
          tooltip: [{field: F.input, title: "Input"}, {field: F.end, title: "Moved"}, {field: F.moved, title: "To", format: ",.2f"}, {field: F.outcome, title: unit, format: ",.2f"}]
        }
      },
      {
        mark: {type: "rule", color: "black"},
        encoding: {
          x: {field: F.centre, type: "quantitative", aggregate: "min"},
          // A one-entry legend for the line: a rule has none unless a channel encodes it.
          strokeDash: {datum: TORNADO_CENTRE, scale: {domain: [TORNADO_CENTRE], range: [[1, 0]]}, legend: {title: null, orient: "bottom", labelLimit: 0}}
        }
      }
    ]
  } as unknown as TopLevelSpec;
}
