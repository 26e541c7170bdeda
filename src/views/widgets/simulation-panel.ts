import type {MonteCarloSummary} from "../../risk/monte-carlo.js";
import {inPagePort, simulateInParallel, webWorkerPort, workersFor, WorkerPool, type SimulationRequest, type WorkerPort} from "../../risk/parallel.js";

/** A finished simulation, as the panel's value. */
export interface SimulationResult {
  readonly summary: MonteCarloSummary;
  readonly check: {readonly checked: number; readonly maxRelativeDisagreement: number};
  readonly ms: number;
  /** How many Web Workers it ran in; 0: the page itself, where workers are not allowed (a file opened from disk). */
  readonly workers: number;
  /** The small run the panel starts by itself, or the run the reader asked for. */
  readonly run: "first look" | "full";
  /** The paths the full run draws (the reader's choice). */
  readonly fullPaths: number;
}

/** Paths in the first look: enough for the charts' shape, quick enough to come with the page (a fraction of a second). */
export const FIRST_LOOK_PATHS = 500;
/** Paths of the first look rechecked in decimal (the full run rechecks as many as the page asks). */
const FIRST_LOOK_CHECKS = 5;

const count = (n: number) => n.toLocaleString("en-US");

/** The first look's request: the reader's, cut to a few hundred paths (the same seed, so its paths are the full run's first ones). */
export function firstLookRequest(full: SimulationRequest, paths = FIRST_LOOK_PATHS): SimulationRequest {
  if (full.assumptions.paths <= paths) return full;
  return {...full, assumptions: {...full.assumptions, paths}, decimalChecks: Math.min(full.decimalChecks, FIRST_LOOK_CHECKS)};
}

/** What the panel says of a finished run: which run is shown, where it ran, and how to get the full one. */
export function shownText(result: Pick<SimulationResult, "summary" | "ms" | "workers" | "run" | "fullPaths">): string {
  const where = result.workers === 0 ? "on the page: this copy cannot start workers" : result.workers === 1 ? "in a Web Worker" : `in ${result.workers} Web Workers`;
  const shown = `${count(result.summary.paths)} paths shown (${Math.round(result.ms)} ms, ${where})`;
  return result.run === "first look" ? `${shown}: a first look; run ${count(result.fullPaths)} for the full picture.` : `${shown}: the full run.`;
}

/**
 * The Monte Carlo simulation's panel: a first look of a few hundred paths starts at once,
 * and Run draws the reader's full number of paths, with progress and cancel. The panel is
 * an Observable view: its `value` is the last finished result (null before the first) and
 * it dispatches "input" when a run finishes. Each run gets a fresh worker; cancel (or a new
 * run) terminates it, so a long run stops at once. `createWorker` comes from the page,
 * which alone can resolve the worker script's built address.
 */
export function simulationPanel(createWorker: () => Worker, request: () => SimulationRequest, {firstLookPaths = FIRST_LOOK_PATHS} = {}): HTMLElement & {value: SimulationResult | null; firstResult: Promise<SimulationResult>} {
  let resolveFirst: (result: SimulationResult) => void = () => undefined;
  // The page draws the charts from the first result, never empty (an empty chart has no extent to draw).
  const firstResult = new Promise<SimulationResult>((resolve) => { resolveFirst = resolve; });
  const panel = Object.assign(document.createElement("div"), {className: "simulation-panel", value: null as SimulationResult | null, firstResult});
  const run = Object.assign(document.createElement("button"), {type: "button", textContent: "Run the simulation", className: "run"});
  const cancel = Object.assign(document.createElement("button"), {type: "button", textContent: "Cancel", className: "cancel", disabled: true});
  const progress = Object.assign(document.createElement("progress"), {max: 1, value: 0});
  progress.setAttribute("aria-label", "Simulation progress");
  const status = Object.assign(document.createElement("span"), {className: "status", textContent: "Not run yet."});
  status.setAttribute("role", "status");
  panel.append(run, " ", cancel, " ", progress, " ", status);

  let full: SimulationRequest | null = null;
  try { full = request(); } catch (error) { status.textContent = `Cannot run: ${(error as Error).message}`; }
  if (full) run.textContent = `Run ${count(full.assumptions.paths)} paths`;

  let stop: (() => void) | null = null;
  const finish = (text: string) => {
    stop = null;
    cancel.disabled = true;
    status.textContent = text;
  };

  const start = (body: SimulationRequest, kind: SimulationResult["run"], fullPaths: number) => {
    stop?.();
    cancel.disabled = false;
    progress.value = 0;
    status.textContent = kind === "first look" ? `Starting a first look of ${count(body.assumptions.paths)} paths…` : "Starting…";
    // A fresh pool a run: cancel (or a new run) terminates its workers, so a long run stops at once.
    let ports: WorkerPort[] = [];
    let workers: number;
    try {
      for (let k = 0; k < workersFor(body.assumptions.paths, navigator.hardwareConcurrency); k++) ports.push(webWorkerPort(createWorker()));
      workers = ports.length;
    } catch {
      // No worker (a page opened from disk cannot start one): run here, a chunk at a time.
      for (const port of ports) port.terminate();
      ports = [inPagePort()];
      workers = 0;
    }
    const pool = new WorkerPool(ports);
    let stopped = false;
    stop = () => { stopped = true; pool.terminate(); };
    simulateInParallel(pool, body, (done, total) => {
      if (stopped) return;
      progress.value = done / total;
      status.textContent = `${count(done)} of ${count(total)} paths`;
    }).then((outcome) => {
      if (stopped) return;
      stop?.();
      progress.value = 1;
      const result: SimulationResult = {...outcome, workers, run: kind, fullPaths};
      finish(shownText(result));
      panel.value = result;
      resolveFirst(result);
      panel.dispatchEvent(new Event("input", {bubbles: true}));
    }, (error: Error) => {
      if (stopped) return;
      stop?.();
      finish(/worker failed/.test(error.message) ? `The ${error.message}` : `The simulation stopped: ${error.message}`);
    });
  };

  run.onclick = () => {
    let body: SimulationRequest;
    try { body = request(); } catch (error) { finish(`Cannot run: ${(error as Error).message}`); return; }
    start(body, "full", body.assumptions.paths);
  };
  cancel.onclick = () => {
    stop?.();
    finish("Cancelled.");
  };
  if (full) {
    const first = firstLookRequest(full, firstLookPaths);
    start(first, first === full ? "full" : "first look", full.assumptions.paths);
  }
  return panel;
}
