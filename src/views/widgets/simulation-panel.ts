import type {MonteCarloAssumptions, MonteCarloSummary} from "../../risk/monte-carlo.js";
import {runSimulation, type SimulationMessage, type SimulationRequest} from "../../risk/simulation-protocol.js";

/** A finished simulation, as the panel's value. */
export interface SimulationResult {
  readonly summary: MonteCarloSummary;
  readonly check: {readonly checked: number; readonly maxRelativeDisagreement: number};
  readonly ms: number;
  /** Where it ran: the worker, or the page itself where workers are not allowed (a file opened from disk). */
  readonly ranIn: "worker" | "page";
}

/**
 * Run, progress and cancel for the Monte Carlo simulation. The panel is an Observable view:
 * its `value` is the last finished result (null before the first) and it dispatches
 * "input" when a run finishes. Each run gets a fresh worker; cancel terminates it, so a
 * long run stops at once. `createWorker` comes from the page, which alone can resolve the
 * worker script's built address.
 */
export function simulationPanel(createWorker: () => Worker, request: () => SimulationRequest): HTMLElement & {value: SimulationResult | null} {
  const panel = Object.assign(document.createElement("div"), {className: "simulation-panel", value: null as SimulationResult | null});
  const run = Object.assign(document.createElement("button"), {type: "button", textContent: "Run the simulation", className: "run"});
  const cancel = Object.assign(document.createElement("button"), {type: "button", textContent: "Cancel", className: "cancel", disabled: true});
  const progress = Object.assign(document.createElement("progress"), {max: 1, value: 0});
  progress.setAttribute("aria-label", "Simulation progress");
  const status = Object.assign(document.createElement("span"), {className: "status", textContent: "Not run yet."});
  status.setAttribute("role", "status");
  panel.append(run, " ", cancel, " ", progress, " ", status);

  let stop: (() => void) | null = null;
  const finish = (text: string) => {
    stop = null;
    run.disabled = false;
    cancel.disabled = true;
    status.textContent = text;
  };
  const handle = (message: SimulationMessage, ranIn: SimulationResult["ranIn"]) => {
    if (message.kind === "progress") {
      progress.value = message.done / message.total;
      status.textContent = `${message.done.toLocaleString("en-US")} of ${message.total.toLocaleString("en-US")} paths`;
    } else if (message.kind === "error") {
      stop?.();
      finish(`The simulation stopped: ${message.message}`);
    } else {
      stop?.();
      progress.value = 1;
      finish(`${message.summary.paths.toLocaleString("en-US")} paths in ${Math.round(message.ms)} ms (${ranIn === "worker" ? "in a Web Worker" : "on the page: this copy cannot start workers"}).`);
      panel.value = {summary: message.summary, check: message.check, ms: message.ms, ranIn};
      panel.dispatchEvent(new Event("input", {bubbles: true}));
    }
  };

  run.onclick = () => {
    let body: SimulationRequest;
    try { body = request(); } catch (error) { finish(`Cannot run: ${(error as Error).message}`); return; }
    run.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    status.textContent = "Starting…";
    let worker: Worker | null = null;
    try { worker = createWorker(); } catch { worker = null; }
    if (worker) {
      const w = worker;
      stop = () => w.terminate();
      w.onmessage = (event: MessageEvent<SimulationMessage>) => handle(event.data, "worker");
      w.onerror = (event) => { event.preventDefault(); stop?.(); finish(`The worker failed: ${event.message || "it could not start"}`); };
      w.postMessage(body);
    } else {
      // No worker (a page opened from disk cannot start one): run here, a chunk at a time.
      let cancelled = false;
      stop = () => { cancelled = true; };
      void runSimulation(body, (message) => handle(message, "page"), () => cancelled);
    }
  };
  cancel.onclick = () => {
    stop?.();
    finish("Cancelled.");
  };
  return panel;
}
