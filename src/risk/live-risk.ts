import type {ModelInputDraft} from "../model/index.js";
import type {OutcomeKey} from "../readings/outcomes.js";
import type {Controls} from "../scenario/controls.js";
import {INPUTS} from "../scenario/inputs-table.js";
import {gridAxis, type SensitivityGrid} from "./grid.js";
import {MONTE_CARLO_DEFAULTS, MONTE_CARLO_LIMITS, summarise, type MonteCarloAssumptions, type MonteCarloSummary} from "./monte-carlo.js";
import {gridInParallel, joinShares, tallyInParallel, type SimulationResult, type WorkerPool} from "./parallel.js";
import type {ControlKey} from "./subject.js";

/**
 * The risk around the story page's inputs, recomputed as they move: a small sensitivity grid
 * (growth at first against the rate change) and a Monte Carlo of a few thousand paths, both on
 * the batched float path in the page's workers. What it draws and how many are choices of
 * this notebook, not figures from a filing; the Risk page lets a reader change them.
 */
export interface LiveRiskPlan {
  readonly x: ControlKey;
  readonly y: ControlKey;
  /** Values a side: each axis runs over its slider's whole range. */
  readonly xSteps: number;
  readonly ySteps: number;
  readonly outcome: OutcomeKey;
  readonly assumptions: MonteCarloAssumptions;
  /** Paths reprojected in decimal, to show the float path's disagreement with the ledger. */
  readonly decimalChecks: number;
  /**
   * Paths drawn first, with the grid, for a first look; the rest follow and complete the
   * fan. Its paths are the run's first: the complete run is the same as one without it.
   */
  readonly firstLook: number;
}

/**
 * The rate axis in steps of 75 bp (−300 to 600: 13 values) and growth in steps of 7 points
 * (−30 % to 40 %: 11 values), 143 cells; 2,000 paths with the Risk page's assumptions, the
 * first 500 drawn with the grid for a first look (a quarter of the paths' time). No
 * path is rechecked in decimal here, which would cost as much as the paths themselves (the
 * Risk page rechecks its runs). Together they cost about as much as seventy single float
 * projections of the base case; `live_risk_input_to_paint_p95_ms` in `npm run bench` is the
 * time a reader waits for them.
 */
export const LIVE_RISK: LiveRiskPlan = {
  x: "rateChangeBp", y: "growthPct", xSteps: 13, ySteps: 11,
  outcome: "lowestCoverage",
  assumptions: {...MONTE_CARLO_DEFAULTS, paths: 2_000},
  decimalChecks: 0,
  firstLook: 500
};

/**
 * Inputs closer together than this, in milliseconds, are a slider dragged (its inputs come one
 * a frame, 17 ms apart): the story page asks its live risk once the slider has rested this
 * long. Each run asked during a drag would be stopped a frame later, before it drew anything,
 * while its worker held a core that the drag's frames wanted (docs/model.md, "A slider dragged").
 */
export const DRAG_REST_MS = 50;

export interface LiveRiskResult {
  readonly controls: Controls;
  readonly grid: SensitivityGrid;
  readonly simulation: SimulationResult;
  /** From the request to both answers, in milliseconds. */
  readonly ms: number;
  /** Paths the plan draws in all; `simulation.summary.paths` fewer on a first look. */
  readonly plannedPaths: number;
}

/**
 * One live run: the grid and the first look's paths asked of the pool's workers at once
 * (each worker does its share of cells, then its share of paths), shown through
 * `firstLook` while the rest of the paths run; then the whole run. `signal` cancels it all.
 */
export async function liveRiskRun(pool: WorkerPool, base: ModelInputDraft, controls: Controls, signal?: AbortSignal, plan: LiveRiskPlan = LIVE_RISK, firstLook?: (result: LiveRiskResult) => void): Promise<LiveRiskResult> {
  const started = performance.now();
  const axis = (key: ControlKey, steps: number) => gridAxis(key, INPUTS[key].min, INPUTS[key].max, steps);
  // The paths run over the projection's own horizon, so that the fan spans the cash chart's quarters.
  const assumptions = {...plan.assumptions, quarters: Math.min(MONTE_CARLO_LIMITS.quarters.max, base.quarters ?? plan.assumptions.quarters)};
  const request = {base, controls, assumptions, decimalChecks: plan.decimalChecks};
  const total = assumptions.paths, first = Math.max(0, Math.min(total, plan.firstLook));
  const result = (grid: SensitivityGrid, summary: MonteCarloSummary, check: SimulationResult["check"]): LiveRiskResult => {
    const ms = performance.now() - started;
    return {controls, grid, simulation: {summary, check, ms}, ms, plannedPaths: total};
  };
  // All asked at once, so that each worker goes from its cells to its first paths to the rest
  // without waiting for the page to draw the first look. The workers parse the base
  // themselves: the page's thread only posts it.
  const looking = first > 0 && first < total;
  const asked = Promise.all([
    gridInParallel(pool, {base, controls}, axis(plan.x, plan.xSteps), axis(plan.y, plan.ySteps), plan.outcome, signal),
    tallyInParallel(pool, request, 0, looking ? first : total, undefined, signal)
  ]);
  const remaining = looking ? tallyInParallel(pool, request, first, total, undefined, signal) : null;
  // Settled even if the first look fails or is cancelled first: its rejection is the run's.
  remaining?.catch(() => undefined);
  const [grid, early] = await asked;
  if (!remaining) return result(grid, summarise(early.setup, early.tally, {consume: true}), early.check);
  // Summarised from a copy: the first look's paths are merged into the whole run's after.
  if (!signal?.aborted) firstLook?.(result(grid, summarise(early.setup, early.tally), early.check));
  const all = joinShares(early.setup, 0, total, [early, await remaining]);
  return result(grid, summarise(all.setup, all.tally, {consume: true}), all.check);
}
