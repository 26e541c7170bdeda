import type {ModelInputDraft} from "../model/index.js";
import type {Controls} from "../scenario/controls.js";
import {checkPaths, monteCarloSetup, newTally, runPaths, summarise, type MonteCarloAssumptions, type MonteCarloSummary} from "./monte-carlo.js";
import {riskSubject} from "./subject.js";

/** What the page sends the simulation worker, and what comes back. */
export interface SimulationRequest {
  readonly base: ModelInputDraft;
  readonly controls: Controls;
  readonly assumptions: MonteCarloAssumptions;
  /** Paths reprojected in decimal at the end, to check the float path. */
  readonly decimalChecks: number;
}

export type SimulationMessage =
  | {readonly kind: "progress"; readonly done: number; readonly total: number}
  | {readonly kind: "result"; readonly summary: MonteCarloSummary; readonly check: {readonly checked: number; readonly maxRelativeDisagreement: number}; readonly ms: number}
  | {readonly kind: "error"; readonly message: string};

/** Paths per chunk: small enough that progress moves several times a second, large enough not to matter. */
export const CHUNK = 250;

/**
 * Runs a simulation chunk by chunk, reporting progress, yielding between chunks (so a
 * main-thread fallback stays responsive) and stopping when `cancelled()` says so. The
 * worker and the fallback both run this.
 */
export async function runSimulation(request: SimulationRequest, post: (message: SimulationMessage) => void, cancelled: () => boolean = () => false): Promise<void> {
  const started = performance.now();
  try {
    const setup = monteCarloSetup(riskSubject(request.base, request.controls), request.assumptions);
    const tally = newTally(setup);
    const total = request.assumptions.paths;
    for (let from = 0; from < total; from += CHUNK) {
      if (cancelled()) return;
      runPaths(setup, tally, from, Math.min(total, from + CHUNK));
      post({kind: "progress", done: tally.done, total});
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (cancelled()) return;
    const n = Math.min(request.decimalChecks, total);
    const check = checkPaths(setup, Array.from({length: n}, (_, k) => Math.floor((k * total) / n)));
    post({kind: "result", summary: summarise(setup, tally), check, ms: performance.now() - started});
  } catch (error) {
    post({kind: "error", message: error instanceof Error ? error.message : String(error)});
  }
}
