import {formatNumber} from "../readings/format.js";
import {INPUTS} from "../scenario/inputs-table.js";
import {OUTCOMES, type OutcomeKey} from "../readings/outcomes.js";
import {projectFast, withControl, type ControlKey, type RiskSubject} from "./subject.js";
import type {Projection} from "../model/index.js";

/**
 * The answer to "at what value of this input does the condition start to hold?", looking
 * from `from` towards `to`:
 * - `crosses`: the condition first holds at `at` (to within `tolerance`, on the side where
 *   it holds);
 * - `holdsAtStart`: it already holds at `from`;
 * - `never`: it holds nowhere in the range scanned.
 */
export type SeekAnswer =
  | {readonly kind: "crosses"; readonly at: number; readonly tolerance: number; readonly evaluations: number}
  | {readonly kind: "holdsAtStart"; readonly at: number; readonly evaluations: number}
  | {readonly kind: "never"; readonly evaluations: number};

export interface SeekOptions {
  /** Points scanned before bisecting, so that a condition that holds only on a narrow band is not stepped over. */
  readonly scanSteps?: number;
  /** How close the answer must be, in the input's units. */
  readonly tolerance: number;
}

/**
 * Scans from `from` to `to` for the first point where `holds` is true, then bisects between
 * it and the point before. Finds the first crossing even where the condition is not
 * monotone, provided the band where it holds is wider than a scan step.
 */
export function seek(holds: (x: number) => boolean, from: number, to: number, {scanSteps = 64, tolerance}: SeekOptions): SeekAnswer {
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be positive (got ${tolerance})`);
  let evaluations = 1;
  if (holds(from)) return {kind: "holdsAtStart", at: from, evaluations};
  let outside = from;
  for (let k = 1; k <= scanSteps; k++) {
    const x = from + ((to - from) * k) / scanSteps;
    evaluations++;
    if (!holds(x)) { outside = x; continue; }
    let inside = x;
    while (Math.abs(inside - outside) > tolerance) {
      const middle = (inside + outside) / 2;
      evaluations++;
      if (holds(middle)) inside = middle; else outside = middle;
    }
    return {kind: "crosses", at: inside, tolerance, evaluations};
  }
  return {kind: "never", evaluations};
}

/** A question the debate asks of one input, answered by `seek` over that input's range. */
export interface GoalQuestion {
  readonly id: string;
  readonly question: string;
  readonly control: ControlKey;
  /** Which way the scan runs through the input's range. */
  readonly direction: "up" | "down";
  readonly condition: string;
  holds(projection: Projection<number>): boolean;
}

/** A condition on one outcome of the outcomes table. */
const when = (key: OutcomeKey, test: (value: number | null) => boolean) => (p: Projection<number>) => test(OUTCOMES[key].of(p));

export const GOAL_QUESTIONS: readonly GoalQuestion[] = [
  {
    id: "growth-coverage", control: "growthPct", direction: "down",
    question: "Below what revenue growth a quarter does interest coverage fall under 1.0×?",
    condition: "the lowest quarterly EBITDA / interest falls under 1.0",
    holds: when("lowestCoverage", (c) => c !== null && c < 1)
  },
  {
    id: "rate-default", control: "rateChangeBp", direction: "up",
    question: "At what change in the reference rate does it first become unable to pay?",
    condition: "some quarter ends with cash below zero and no borrowing left",
    holds: when("quartersUntilCannotPay", (q) => q !== null)
  },
  {
    id: "spread-ponzi", control: "refinancingSpreadPct", direction: "up",
    question: "At what refinancing spread does it tip into Ponzi finance?",
    condition: "some quarter's operating cash flow falls short of its interest",
    holds: when("quartersInPonzi", (n) => n !== null && n > 0)
  }
];

/** Answers a question for a subject over the whole range of its input, the other inputs held. */
export function answer(subject: RiskSubject, question: GoalQuestion): SeekAnswer {
  const {min, max, step} = INPUTS[question.control];
  const [from, to] = question.direction === "up" ? [min, max] : [max, min];
  return seek((x) => question.holds(projectFast(subject, withControl(subject.controls, question.control, x))), from, to, {tolerance: step / 10});
}

/** The answer in a sentence, in the input's units, saying what was scanned. */
export function describeAnswer(question: GoalQuestion, result: SeekAnswer, label: string): string {
  const {min, max} = INPUTS[question.control];
  const value = (x: number) => formatNumber(Number(x.toPrecision(4)), 6);
  const range = `${label} from ${value(question.direction === "up" ? min : max)} to ${value(question.direction === "up" ? max : min)}`;
  switch (result.kind) {
    case "crosses":
      return `At ${value(result.at)} (${label}; to within ${value(result.tolerance)}), ${question.condition}.`;
    case "holdsAtStart":
      return `Already at ${value(result.at)}, the end of the range scanned (${range}), ${question.condition}.`;
    case "never":
      return `Nowhere in the range scanned (${range}) does it happen that ${question.condition}.`;
  }
}
