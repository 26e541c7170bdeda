import type {ModelInputDraft} from "../../model/index.js";
import {OUTCOMES} from "../../readings/outcomes.js";
import {formatNumber} from "../../readings/format.js";
import type {Controls} from "../../scenario/controls.js";
import {INPUTS} from "../../scenario/inputs-table.js";
import {latestRun} from "../../risk/latest-run.js";
import {latestInNextTask} from "../../risk/next-task.js";
import {DRAG_REST_MS, LIVE_RISK, liveRiskRun, type LiveRiskPlan, type LiveRiskResult} from "../../risk/live-risk.js";
import {CancelledError, onPagePool, type WorkerPool} from "../../risk/parallel.js";
import {fanChart, fanRows} from "../charts/fan.js";
import {heatmapChart, heatmapRows} from "../charts/heatmap.js";
import {liveChart} from "./live-chart.js";

/** Marks the frame in which both live-risk charts show the newest inputs (the benchmark reads it). */
export const LIVE_RISK_MARK = "solvency:live-risk-updated";
/** Marked when the first look (the grid and the plan's first paths) is drawn for a move. */
export const LIVE_RISK_FIRST_LOOK_MARK = "solvency:live-risk-first-look";
const CHART_MARK = "solvency:live-risk-chart-updated";

export interface LiveRiskView {
  readonly element: HTMLElement;
  /**
   * The inputs have moved: what runs for older inputs is cancelled, and these are drawn when
   * done. They are asked of the workers in the next task, after the frame that draws the move.
   */
  request(controls: Controls): void;
  stop(): void;
}

const count = (n: number) => n.toLocaleString("en-US");

/** What the status line says of a finished run. */
export function liveRiskStatus(result: Pick<LiveRiskResult, "grid" | "simulation" | "ms" | "plannedPaths">, workers: number): string {
  const s = result.simulation.summary;
  const cannotPay = s.probabilityCannotPayBy.at(-1) ?? 0;
  const where = workers === 0 ? "on the page (this copy cannot start workers)" : workers === 1 ? "in a Web Worker" : `in ${workers} Web Workers`;
  const cells = result.grid.cells;
  const short = cells.filter((c) => c.cannotPay).length;
  // An outline bounds the cells that cannot pay; where all or none do, there is no line to draw, so the words say it.
  const grid = short === cells.length ? `In every one of the grid's ${count(cells.length)} cells it cannot pay in some quarter. `
    : short === 0 ? `In none of the grid's ${count(cells.length)} cells does it fail to pay. `
    : `In ${count(short)} of the grid's ${count(cells.length)} cells it cannot pay in some quarter (inside the solid outline). `;
  // A first look says so, and how many paths are still to come.
  const look = s.paths < result.plannedPaths ? ` (a first look: the other ${count(result.plannedPaths - s.paths)} are running)` : "";
  return `${formatNumber(100 * cannotPay, 1, 1)} % of ${count(s.paths)} simulated paths${look} cannot pay by ${s.quarters.at(-1)}. ${grid}` +
    `${count(result.grid.cells.length)} grid cells and ${count(s.paths)} paths on the fast (floating-point) path, ${Math.round(result.ms)} ms ${where}` +
    (result.simulation.check.checked > 0
      ? `; ${result.simulation.check.checked} paths rechecked in decimal, largest disagreement ${result.simulation.check.maxRelativeDisagreement.toExponential(1)} of the projection's scale.`
      : ".");
}

/**
 * The story page's live risk, beside its charts: the heatmap of growth against the rate and
 * the fan of closing cash, recomputed in the page's workers whenever the inputs move. The
 * newest inputs win (`latestRun`): a run for older ones is cancelled in its workers, and
 * its answer, if it still comes, is dropped. Where no worker can start (a report opened from
 * disk), the page computes it itself, between frames.
 */
export function liveRiskView(createPool: () => WorkerPool, base: ModelInputDraft, plan: LiveRiskPlan = LIVE_RISK): LiveRiskView {
  const outcome = OUTCOMES[plan.outcome];
  const heatmap = liveChart(heatmapChart({x: INPUTS[plan.x].label, y: INPUTS[plan.y].label, outcome: outcome.label, unit: outcome.unit}, 220), [], {mark: CHART_MARK});
  const fan = liveChart(fanChart("Closing cash"), [], {mark: CHART_MARK});
  const element = Object.assign(document.createElement("section"), {className: "live-risk"});
  element.setAttribute("aria-label", "Risk around these inputs");
  const heading = Object.assign(document.createElement("h3"), {textContent: "Risk around these inputs"});
  const status = Object.assign(document.createElement("p"), {className: "live-risk-status", textContent: "Computing…"});
  status.setAttribute("role", "status");
  const charts = Object.assign(document.createElement("div"), {className: "live-risk-charts"});
  charts.append(heatmap.element, fan.element);
  const a = plan.assumptions;
  const note = Object.assign(document.createElement("p"), {className: "assumption", textContent:
    `Assumed (this notebook's choices, not filed figures): the heatmap runs each of the two inputs over its slider's whole range, the other inputs as set; ` +
    `each path's growth is the inputs' plus a normal draw of ${a.growthSdPct} pp a quarter, the reference rate walks by normal steps of ${a.rateSdBp} bp, ` +
    `and debt markets shut with a chance of ${a.shutProbability} a quarter and reopen with ${a.reopenProbability}; seed ${a.seed}. ` +
    `The Risk page changes any of these.`});
  element.append(heading, status, charts, note);

  let pool = createPool();
  const draw = (result: LiveRiskResult, mark: string) => {
    status.textContent = liveRiskStatus(result, pool.workers);
    void Promise.all([
      heatmap.update(heatmapRows(result.grid, result.controls)),
      fan.update(fanRows(result.simulation.summary, "cash"))
    ]).then(() => performance.mark(mark));
  };
  const runner = latestRun<Controls, LiveRiskResult>({
    // The first look is drawn while the rest of the paths run, unless newer inputs came.
    run: (controls, signal) => liveRiskRun(pool, base, controls, signal, plan, (early) => draw(early, LIVE_RISK_FIRST_LOOK_MARK)),
    // Busy while a run for the newest inputs computes, first look included.
    started: () => { element.setAttribute("aria-busy", "true"); },
    shown: (result) => {
      element.removeAttribute("aria-busy");
      draw(result, LIVE_RISK_MARK);
    },
    failed: (error, controls) => {
      if (error instanceof CancelledError) return;
      // The workers could not start or died: the page computes it from now on, once.
      if (pool.workers > 0) {
        pool.terminate();
        pool = onPagePool();
        runner.request(controls);
        return;
      }
      element.removeAttribute("aria-busy");
      status.textContent = `The live risk cannot be computed for these inputs: ${error instanceof Error ? error.message : String(error)}.`;
      status.classList.add("warning");
    }
  });

  // Asked of the workers in the task after the move's, once the move's frame is drawn
  // (`latestInNextTask`); moves in one task ask once, for the newest inputs. A slider
  // dragged asks once it rests (`DRAG_REST_MS`).
  const asking = latestInNextTask((controls: Controls) => runner.request(controls), {restMs: DRAG_REST_MS});

  return {
    element,
    request(controls) {
      status.classList.remove("warning");
      // The run for older inputs stops now, not when the newer is asked: in a drag the newer
      // is asked only once the slider rests, and the older answer must not be drawn meanwhile.
      runner.stop();
      asking.ask(controls);
    },
    stop() {
      asking.stop();
      runner.stop();
      pool.terminate();
    }
  };
}
