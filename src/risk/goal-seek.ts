import {INPUT_KEYS, INPUTS, type InputKey} from "../scenario/inputs-table.js";
import {OUTCOMES, type OutcomeKey} from "../readings/outcomes.js";
import type {QuarterLabel} from "../model/index.js";
import {projectFast, withControl, type RiskSubject} from "./subject.js";

/**
 * Goal seek: which values of one input meet a condition on one outcome, the other inputs
 * held. The reader can set an input only to its slider's values (min + k × step), so the
 * seek runs over those: the answer is a value the reader can set, and its neighbour on the
 * other side of the threshold is one that fails.
 */

/** What is asked of an outcome: that it does not occur (it pays throughout), or that it is at least or at most a threshold. */
export type GoalTest = "absent" | "atLeast" | "atMost";

export interface GoalCondition {
  readonly outcome: OutcomeKey;
  readonly test: GoalTest;
  /** In the outcome's unit; unused by "absent". */
  readonly threshold?: number;
}

/**
 * Where an outcome's missing reading stands against numbers: "pays throughout" is later
 * than any quarter (+∞), "no interest to cover" is better than any coverage (+∞), "no
 * quarter" of cash at the end is worse than any cash (−∞).
 */
export function absentAs(outcome: OutcomeKey): number {
  const o = OUTCOMES[outcome];
  return (o.better === "higher") === (o.absentIs === "best") ? Infinity : -Infinity;
}

/** Whether a reading of the condition's outcome meets it. */
export function meets(condition: GoalCondition, reading: number | null): boolean {
  if (condition.test === "absent") return reading === null;
  const value = reading ?? absentAs(condition.outcome);
  const threshold = condition.threshold!;
  return condition.test === "atLeast" ? value >= threshold : value <= threshold;
}

/** The outcomes whose missing reading is a goal one can ask for: "it pays throughout", "no covenant is breached". */
export const ABSENT_GOALS: readonly OutcomeKey[] = ["quartersUntilCannotPay", "quartersUntilBreach"];

export function validateCondition(condition: GoalCondition): GoalCondition {
  if (!(condition.outcome in OUTCOMES)) throw new RangeError(`no outcome "${condition.outcome}"`);
  if (condition.test === "absent") {
    if (!ABSENT_GOALS.includes(condition.outcome)) throw new RangeError(`"${OUTCOMES[condition.outcome].label}" always has a reading: ask for at least or at most a value`);
  } else if (condition.test !== "atLeast" && condition.test !== "atMost") {
    throw new RangeError(`no test "${String(condition.test)}"`);
  } else if (typeof condition.threshold !== "number" || !Number.isFinite(condition.threshold)) {
    throw new RangeError(`the threshold must be a number (got ${String(condition.threshold)})`);
  }
  return condition;
}

/** The inputs goal seek can move: those with a range of numbers, not a choice among options. */
export const SEEKABLE_INPUTS: readonly InputKey[] = INPUT_KEYS.filter((key) => !INPUTS[key].choices);

/** The values a reader can set an input to: its slider's, min + k × step, written as the step writes them. */
export function inputGrid(key: InputKey): number[] {
  const {min, max, step} = INPUTS[key];
  const decimals = stepDecimals(step);
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  return Array.from({length: count}, (_, k) => Number(Math.min(max, min + k * step).toFixed(decimals)));
}

/** Decimals the step is written with: 0.25 → 2, 25 → 0. */
export function stepDecimals(step: number): number {
  const text = String(step);
  return text.includes(".") ? text.split(".")[1]!.length : 0;
}

/** A run of grid points, by index, where the condition holds throughout (as far as the scan and bisection saw). */
export interface Band {
  readonly from: number;
  readonly to: number;
}

export interface GridSeek {
  readonly bands: readonly Band[];
  /** Grid points looked at in the first pass. */
  readonly scanned: number;
  /** Times the condition was evaluated in all. */
  readonly evaluations: number;
}

/**
 * Finds where `holds` is true over grid points 0…points−1: scans `scanSteps + 1` evenly
 * spaced points, then narrows each change between neighbouring scanned points down to two
 * adjacent grid points by bisection. Exact for a monotone condition (one change at most);
 * for one that is not, a band narrower than a scan step can be missed, which the answer
 * says.
 */
export function seekOnGrid(holds: (index: number) => boolean, points: number, scanSteps = 64): GridSeek {
  if (!(Number.isInteger(points) && points >= 1)) throw new RangeError(`a grid needs at least one point (got ${points})`);
  const seen = new Map<number, boolean>();
  const at = (k: number) => {
    let h = seen.get(k);
    if (h === undefined) seen.set(k, h = holds(k));
    return h;
  };
  const scan = [...new Set(Array.from({length: Math.min(scanSteps, points - 1) + 1}, (_, i) => Math.round((i * (points - 1)) / Math.max(1, Math.min(scanSteps, points - 1)))))];
  const scanned = scan.length;
  // Each change between scanned neighbours, narrowed to [last of one side, first of the other].
  const bands: Band[] = [];
  let start: number | null = at(scan[0]!) ? scan[0]! : null;
  for (let i = 1; i < scan.length; i++) {
    let lo = scan[i - 1]!;
    let hi = scan[i]!;
    const before = at(lo);
    if (at(hi) === before) continue;
    while (hi - lo > 1) {
      const middle = Math.floor((lo + hi) / 2);
      if (at(middle) === before) lo = middle; else hi = middle;
    }
    if (before) { bands.push({from: start!, to: lo}); start = null; } else start = hi;
  }
  if (start !== null) bands.push({from: start, to: points - 1});
  return {bands, scanned, evaluations: seen.size};
}

/**
 * The answer in terms a sentence needs:
 * - `atLeast` / `atMost`: the condition holds from `value` up to the range's top (down to
 *   its bottom) and fails at `neighbour`, the next value the slider can take the other way;
 * - `everywhere` / `nowhere`: every value in range meets it, or none does;
 * - `bands`: it holds on runs of values that do not reach an end of the range, or on
 *   several: it is not monotone in the input.
 */
export type GoalAnswer = GoalAnswerCommon & (
  | {readonly kind: "atLeast" | "atMost"; readonly value: number; readonly neighbour: number}
  | {readonly kind: "everywhere" | "nowhere"}
  | {readonly kind: "bands"; readonly bands: ReadonlyArray<{readonly from: number; readonly to: number}>}
);

interface GoalAnswerCommon {
  readonly input: InputKey;
  readonly condition: GoalCondition;
  /** The input as set now. */
  readonly current: number;
  /** The first and last quarters of the projection as set, for the sentence. */
  readonly start: QuarterLabel;
  readonly end: QuarterLabel;
  readonly scanned: number;
  /** Values the input can take in its range: when all were scanned, nothing was missed. */
  readonly points: number;
  readonly evaluations: number;
  /** The distance between scanned values, in the input's units: the narrowest band a scan is sure to see. */
  readonly scanStep: number;
}

export function goalSeek(subject: RiskSubject, input: InputKey, condition: GoalCondition, scanSteps = 64): GoalAnswer {
  if (!SEEKABLE_INPUTS.includes(input)) throw new RangeError(`"${input}" is not an input with a range of numbers`);
  validateCondition(condition);
  const grid = inputGrid(input);
  const reading = OUTCOMES[condition.outcome].of;
  const holds = (k: number) => meets(condition, reading(projectFast(subject, withControl(subject.controls, input, grid[k]!))));
  const {bands, scanned, evaluations} = seekOnGrid(holds, grid.length, scanSteps);
  const asSet = projectFast(subject);
  const common: GoalAnswerCommon = {
    input, condition, current: subject.controls[input], scanned, evaluations, points: grid.length,
    start: asSet.quarters[0]!.ledger.quarter, end: asSet.quarters.at(-1)!.ledger.quarter,
    scanStep: (grid.at(-1)! - grid[0]!) / Math.max(1, scanned - 1)
  };
  const last = grid.length - 1;
  if (bands.length === 0) return {...common, kind: "nowhere"};
  if (bands.length === 1) {
    const {from, to} = bands[0]!;
    if (from === 0 && to === last) return {...common, kind: "everywhere"};
    if (to === last) return {...common, kind: "atLeast", value: grid[from]!, neighbour: grid[from - 1]!};
    if (from === 0) return {...common, kind: "atMost", value: grid[to]!, neighbour: grid[to + 1]!};
  }
  return {...common, kind: "bands", bands: bands.map(({from, to}) => ({from: grid[from]!, to: grid[to]!}))};
}

/** A question the debate asks of one input, answered by goal seek over that input's range. */
export interface GoalQuestion {
  readonly id: string;
  readonly question: string;
  readonly input: InputKey;
  readonly condition: GoalCondition;
}

export const GOAL_QUESTIONS: readonly GoalQuestion[] = [
  {
    id: "growth-coverage", input: "growthPct",
    question: "Below what revenue growth a quarter does interest coverage fall under 1.0×?",
    condition: {outcome: "lowestCoverage", test: "atLeast", threshold: 1}
  },
  {
    id: "rate-default", input: "rateChangeBp",
    question: "At what change in the reference rate does it first become unable to pay?",
    condition: {outcome: "quartersUntilCannotPay", test: "absent"}
  },
  {
    id: "spread-ponzi", input: "refinancingSpreadPct",
    question: "At what refinancing spread does it tip into Ponzi finance?",
    condition: {outcome: "quartersInPonzi", test: "atMost", threshold: 0}
  }
];

export function answer(subject: RiskSubject, question: GoalQuestion): GoalAnswer {
  return goalSeek(subject, question.input, question.condition);
}
