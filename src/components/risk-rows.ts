import {boundary, halfSteps, type SensitivityGrid} from "../risk/grid.js";
import type {MonteCarloSummary} from "../risk/monte-carlo.js";
import {OUTCOMES} from "../readings/outcomes.js";
import type {Tornado} from "../risk/tornado.js";
import type {Controls} from "../scenario/controls.js";
import {INPUTS} from "../scenario/inputs-table.js";

/**
 * Rows for the risk charts, all in one table per chart (a `layer` field tells the marks
 * apart), so that each chart reads one data source and can change it in place.
 */
export type HeatmapRow =
  | {readonly layer: "cell"; readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number; readonly x: number; readonly y: number; readonly value: number | null; readonly shown: string}
  | {readonly layer: "ponzi" | "cannot pay"; readonly x: number; readonly y: number; readonly x2: number; readonly y2: number}
  | {readonly layer: "current"; readonly x: number; readonly y: number; readonly shown: string};

export function heatmapRows(grid: SensitivityGrid, current: Controls): HeatmapRow[] {
  const outcome = OUTCOMES[grid.outcome];
  const {dx, dy} = halfSteps(grid);
  const cells: HeatmapRow[] = grid.cells.map((c) => ({
    layer: "cell", x0: c.x - dx, x1: c.x + dx, y0: c.y - dy, y1: c.y + dy, x: c.x, y: c.y,
    value: c.value !== null && Number.isFinite(c.value) ? c.value : null,
    shown: c.value === null ? outcome.absent : `${Number(c.value.toFixed(2))} ${outcome.unit}`
  }));
  const edges = (layer: "ponzi" | "cannot pay", status: (c: SensitivityGrid["cells"][number]) => boolean): HeatmapRow[] =>
    boundary(grid, status).map((s) => ({layer, ...s}));
  return [
    ...cells,
    ...edges("ponzi", (c) => c.ponzi),
    ...edges("cannot pay", (c) => c.cannotPay),
    {layer: "current", x: current[grid.x.key], y: current[grid.y.key], shown: "the inputs as set"}
  ];
}

export interface TornadoRow {
  readonly input: string;
  readonly end: "down" | "up";
  /** The input's value at this end, in its units. */
  readonly moved: number;
  readonly outcome: number;
  readonly centre: number;
  readonly rank: number;
}

/** A bar from the centre to each end; an end whose outcome does not exist is read as `missingAs`. */
export function tornadoRows(t: Tornado, missingAs: number): TornadoRow[] {
  const centre = t.centre ?? missingAs;
  return t.bars.flatMap((bar, rank) => (["down", "up"] as const).map((end) => ({
    input: `${INPUTS[bar.key].label} ±${bar.step}`,
    end, moved: bar[end].input, outcome: bar[end].outcome ?? missingAs, centre, rank
  })));
}

export interface ProbabilityRow {
  readonly quarter: string;
  readonly series: string;
  readonly value: number;
}

export function probabilityRows(s: MonteCarloSummary): ProbabilityRow[] {
  return s.quarters.flatMap((quarter, t) => [
    {quarter, series: "Unable to pay by then", value: s.probabilityCannotPayBy[t]!},
    {quarter, series: "In Ponzi finance that quarter", value: s.shareInPonzi[t]!}
  ]);
}

export interface FanRow {
  readonly quarter: string;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

export function fanRows(s: MonteCarloSummary, which: "cash" | "debt"): FanRow[] {
  return s[which].map(({quarter, p5, p25, p50, p75, p95}) => ({quarter, p5, p25, p50, p75, p95}));
}
