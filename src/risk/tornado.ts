import {INPUTS, type Controls} from "../scenario/inputs-table.js";
import {OUTCOMES, type OutcomeKey} from "../readings/outcomes.js";
import {projectFast, withControl, type ControlKey, type RiskSubject} from "./subject.js";

/**
 * How far the tornado moves each input down and up from where the reader set it: about
 * one plausible surprise each, stated on the page. Assumptions of ours, not figures from
 * a filing.
 */
export const TORNADO_STEPS: Readonly<Partial<Record<ControlKey, number>>> = {
  rateChangeBp: 100,
  growthPct: 2,
  largestCustomerStopsQuarter: 8,
  ebitdaMarginPct: 5,
  capex: 500,
  shareRolledPct: 25,
  refinancingSpreadPct: 2,
  tenorQuarters: 8,
  revolverCapacity: 500,
  minimumCash: 250
};

export interface TornadoEnd {
  /** The input's value, held to its range. */
  readonly input: number;
  readonly outcome: number | null;
}

export interface TornadoBar {
  readonly key: ControlKey;
  readonly step: number;
  readonly down: TornadoEnd;
  readonly up: TornadoEnd;
  /** |outcome(up) − outcome(down)|, with a missing outcome read as `missingAs`. */
  readonly swing: number;
}

export interface Tornado {
  readonly outcome: OutcomeKey;
  readonly centre: number | null;
  /** Largest swing first. */
  readonly bars: readonly TornadoBar[];
}

/**
 * Each input moved down and up by its step, the others held, on the fast path. For an
 * outcome that can be missing (it always pays), `missingAs` stands in for it in the swing
 * (e.g. the horizon plus one for "quarters until it cannot pay").
 */
export function tornado(subject: RiskSubject, outcome: OutcomeKey, steps: Readonly<Partial<Record<ControlKey, number>>> = TORNADO_STEPS, missingAs = 0): Tornado {
  const measure = OUTCOMES[outcome].of;
  const end = (controls: Controls, key: ControlKey, value: number): TornadoEnd => {
    const moved = withControl(controls, key, value);
    return {input: moved[key], outcome: measure(projectFast(subject, moved))};
  };
  const bars = (Object.entries(steps) as Array<[ControlKey, number]>).filter(([key]) => key in INPUTS).map(([key, step]) => {
    const down = end(subject.controls, key, subject.controls[key] - step);
    const up = end(subject.controls, key, subject.controls[key] + step);
    return {key, step, down, up, swing: Math.abs((up.outcome ?? missingAs) - (down.outcome ?? missingAs))};
  });
  bars.sort((a, b) => b.swing - a.swing || a.key.localeCompare(b.key));
  return {outcome, centre: measure(projectFast(subject)), bars};
}
