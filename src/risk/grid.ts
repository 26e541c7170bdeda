import {INPUTS, type Controls} from "../scenario/inputs-table.js";
import {projectionScale, relativeDisagreement} from "./check.js";
import {OUTCOMES, type OutcomeKey} from "../readings/outcomes.js";
import {ParsedFields} from "../model/index.js";
import {projectLanes} from "../model/batch.js";
import {inputFor, projectExact, projectFast, withControl, type ControlKey, type RiskSubject} from "./subject.js";

export interface GridAxis {
  readonly key: ControlKey;
  /** Evenly spaced, ascending, within the control's range. */
  readonly values: readonly number[];
}

export interface GridCell {
  readonly x: number;
  readonly y: number;
  /** The outcome, or null where it does not exist (it always pays; no interest). */
  readonly value: number | null;
  /** Some quarter in Ponzi finance. */
  readonly ponzi: boolean;
  /** Some quarter it cannot pay. */
  readonly cannotPay: boolean;
}

export interface SensitivityGrid {
  readonly x: GridAxis;
  readonly y: GridAxis;
  readonly outcome: OutcomeKey;
  /** Row by row: y outer, x inner. */
  readonly cells: readonly GridCell[];
}

/** `steps` evenly spaced values from `from` to `to`, held to the control's range. */
export function gridAxis(key: ControlKey, from: number, to: number, steps: number): GridAxis {
  const {min, max} = INPUTS[key];
  const lo = Math.max(min, Math.min(from, to));
  const hi = Math.min(max, Math.max(from, to));
  if (!(steps >= 2) || !Number.isInteger(steps)) throw new RangeError(`a grid axis needs a whole number of steps, at least 2 (got ${steps})`);
  if (!(hi > lo)) throw new RangeError(`the ${key} axis is empty: ${from} to ${to} within ${min}…${max}`);
  return {key, values: Array.from({length: steps}, (_, i) => lo + ((hi - lo) * i) / (steps - 1))};
}

/**
 * Every pair of the two axes' values projected on the batched float path (`projectLanes`),
 * the other controls held. One thread; `gridInParallel` (parallel.ts) splits it among workers.
 */
export function sensitivityGrid(subject: RiskSubject, x: GridAxis, y: GridAxis, outcome: OutcomeKey): SensitivityGrid {
  checkAxes(x, y);
  return {x, y, outcome, cells: gridCells(subject, x, y, outcome, 0, x.values.length * y.values.length)};
}

export function checkAxes(x: GridAxis, y: GridAxis): void {
  if (x.key === y.key) throw new RangeError(`a grid needs two different inputs (both are ${x.key})`);
}

/**
 * Cells `from` to `to` of the grid (row by row: y outer, x inner), as lanes of one batch. A
 * cell's figures depend on its two inputs only, never on which cells share its batch, so the
 * grid is the same however its cells are split among workers.
 */
export function gridCells(subject: RiskSubject, x: GridAxis, y: GridAxis, outcome: OutcomeKey, from: number, to: number): GridCell[] {
  const nx = x.values.length;
  const parsed = new ParsedFields();
  const points: Array<{x: number; y: number}> = [];
  for (let k = from; k < to; k++) points.push({x: x.values[k % nx]!, y: y.values[Math.floor(k / nx)]!});
  const inputs = points.map((p) => inputFor(subject, controlsAt(subject.controls, x.key, p.x, y.key, p.y), parsed));
  const reading = OUTCOMES[outcome];
  const lanes = projectLanes(inputs, {record: reading.lines});
  return points.map((p, l) => ({
    x: p.x, y: p.y, value: reading.ofLane(lanes, l),
    ponzi: OUTCOMES.quartersInPonzi.ofLane(lanes, l)! > 0,
    cannotPay: OUTCOMES.quartersUntilCannotPay.ofLane(lanes, l) !== null
  }));
}

function controlsAt(controls: Controls, xKey: ControlKey, x: number, yKey: ControlKey, y: number): Controls {
  return withControl(withControl(controls, xKey, x), yKey, y);
}

/** Half a cell's width and height, in the axes' units: a cell spans its value ± these. */
export function halfSteps(grid: SensitivityGrid): {dx: number; dy: number} {
  return {dx: (grid.x.values[1]! - grid.x.values[0]!) / 2, dy: (grid.y.values[1]! - grid.y.values[0]!) / 2};
}

/** A boundary segment between two cells, in the axes' units. */
export interface Segment {
  readonly x: number;
  readonly y: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * Where a cell's status differs from its right or upper neighbour's, the shared edge: the
 * outline of the region where the status holds (turns Ponzi, cannot pay).
 */
export function boundary(grid: SensitivityGrid, status: (cell: GridCell) => boolean): Segment[] {
  const nx = grid.x.values.length;
  const ny = grid.y.values.length;
  const {dx, dy} = halfSteps(grid);
  const at = (i: number, j: number) => grid.cells[j * nx + i]!;
  const segments: Segment[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const cell = at(i, j);
      if (i + 1 < nx && status(cell) !== status(at(i + 1, j))) segments.push({x: cell.x + dx, x2: cell.x + dx, y: cell.y - dy, y2: cell.y + dy});
      if (j + 1 < ny && status(cell) !== status(at(i, j + 1))) segments.push({x: cell.x - dx, x2: cell.x + dx, y: cell.y + dy, y2: cell.y + dy});
    }
  }
  return segments;
}

export interface SpotCheck {
  readonly checked: number;
  /** Largest float/decimal difference in any money figure, relative to the projection's scale. */
  readonly maxRelativeDisagreement: number;
  /** Cells whose outcome differs between the two paths (beyond 1e-9 relative). */
  readonly outcomeMismatches: number;
}

/** Reprojects `count` cells spread evenly through the grid on the decimal path and compares. */
export function spotCheckGrid(subject: RiskSubject, grid: SensitivityGrid, count: number): SpotCheck {
  const measure = OUTCOMES[grid.outcome].of;
  const n = grid.cells.length;
  const picks = new Set(Array.from({length: Math.min(count, n)}, (_, k) => Math.floor(((k + 0.5) * n) / Math.min(count, n))));
  let worst = 0;
  let mismatches = 0;
  for (const index of picks) {
    const cell = grid.cells[index]!;
    const controls = controlsAt(subject.controls, grid.x.key, cell.x, grid.y.key, cell.y);
    const exact = projectExact(subject, controls);
    worst = Math.max(worst, relativeDisagreement(exact, projectFast(subject, controls)));
    const e = measure(exact);
    // Money is compared against the projection's scale, like the ledger; ratios and counts against themselves.
    const tolerance = 1e-9 * (OUTCOMES[grid.outcome].unit === "USD millions" ? projectionScale(exact) : Math.max(1, Math.abs(e ?? 0)));
    if ((e === null) !== (cell.value === null) || (e !== null && Math.abs(e - cell.value!) > tolerance)) mismatches++;
  }
  return {checked: picks.size, maxRelativeDisagreement: worst, outcomeMismatches: mismatches};
}
