import {availableParallelism} from "node:os";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {nodeWorkerPool} from "../cli/risk-workers.js";
import {floatArithmetic, parseModelInput, project} from "../src/model/index.js";
import {LEDGER_LINES, projectLanes} from "../src/model/batch.js";
import {controlsOf} from "../src/scenario/controls.js";
import {gridAxis, sensitivityGrid, spotCheckGrid} from "../src/risk/grid.js";
import {checkPaths, MONTE_CARLO_DEFAULTS, monteCarloSetup, simulate} from "../src/risk/monte-carlo.js";
import {gridInParallel, simulateInParallel} from "../src/risk/parallel.js";
import {inputFor, riskSubject, withControl} from "../src/risk/subject.js";
import {benchCompany} from "./company.js";
import {median} from "./measure.js";

/**
 * The risk tools' speed, in a fresh process, on the benchmark company moved through its
 * controls: a 40 × 40 grid of the reference rate against growth, and 10,000 Monte Carlo
 * paths of 28 quarters, each on the batched float path. `_ms` figures and `_in_projections`
 * ratios run on worker threads, one a core (`os.availableParallelism()`), as the CLI runs
 * them; `_one_thread_` ratios in the process alone. A ratio is the tool's time over one float
 * projection's of the same company, timed in alternation in this process, so that a busy
 * machine slows both alike. Then two checks: the float/decimal disagreement over sampled
 * grid cells and paths reprojected in decimal, and the batch against the single float
 * projection over every cell of the grid.
 */
const subject = riskSubject(benchCompany, controlsOf(benchCompany));
const input = parseModelInput(benchCompany);
const x = gridAxis("rateChangeBp", -300, 600, 40);
const y = gridAxis("growthPct", -10, 20, 40);
const assumptions = {...MONTE_CARLO_DEFAULTS, paths: 10_000, quarters: 28};
const request = {base: benchCompany, controls: subject.controls, assumptions, decimalChecks: 0};
const cores = availableParallelism();

// A collection on demand, without a command-line flag: the flag set, a fresh context has `gc`.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Milliseconds of one float projection, from a batch of them. */
function oneProjectionMs(batch = 100): number {
  const started = performance.now();
  for (let i = 0; i < batch; i++) project(input, floatArithmetic);
  return (performance.now() - started) / batch;
}

/**
 * The median over rounds of (one run of `tool`) ÷ (one float projection timed just before it).
 * Each is timed on this thread's heap just collected, so that neither pays for the garbage of
 * what ran before it. Until 2026-12-01 both did: the projections, timed right after the tool's
 * run, paid for its garbage, and the ratios on one thread read about a third low; the runs
 * on worker threads read high, by up to a half (docs/model.md, "The benchmark's garbage").
 */
async function inProjections(tool: () => unknown, rounds: number, warmup = 3): Promise<number> {
  for (let i = 0; i < 500; i++) project(input, floatArithmetic);
  for (let i = 0; i < warmup; i++) await tool();
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    collectGarbage();
    const one = oneProjectionMs();
    collectGarbage();
    const started = performance.now();
    await tool();
    ratios.push((performance.now() - started) / one);
  }
  return median(ratios);
}

async function onThreads<T>(use: (pool: ReturnType<typeof nodeWorkerPool>) => Promise<T>): Promise<T> {
  const pool = nodeWorkerPool(cores);
  try { return await use(pool); } finally { pool.terminate(); }
}

async function pooledMs(tool: () => Promise<unknown>, samples: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await tool();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const started = performance.now();
    await tool();
    times.push(performance.now() - started);
  }
  return median(times);
}

const measurements: Record<string, () => number | Promise<number>> = {
  grid_40x40_ms: () => onThreads((pool) => pooledMs(() => gridInParallel(pool, subject, x, y, "lowestCoverage"), 11, 3)),
  grid_40x40_in_projections: () => onThreads((pool) => inProjections(() => gridInParallel(pool, subject, x, y, "lowestCoverage"), 15)),
  grid_40x40_one_thread_in_projections: () => inProjections(() => sensitivityGrid(subject, x, y, "lowestCoverage"), 15),
  monte_carlo_10k_ms: () => onThreads((pool) => pooledMs(() => simulateInParallel(pool, request), 7, 2)),
  monte_carlo_10k_in_projections: () => onThreads((pool) => inProjections(() => simulateInParallel(pool, request), 9, 2)),
  monte_carlo_10k_one_thread_in_projections: () => inProjections(() => simulate(subject, assumptions), 9, 2),
  risk_workers: () => cores,
  float_decimal_max_relative_disagreement: () => {
    const grid = spotCheckGrid(subject, sensitivityGrid(subject, x, y, "lowestCoverage"), 40);
    if (grid.outcomeMismatches > 0) throw new Error(`${grid.outcomeMismatches} grid cells have a different outcome in decimal`);
    const paths = checkPaths(monteCarloSetup(subject, assumptions), Array.from({length: 40}, (_, i) => i * 250));
    return Math.max(grid.maxRelativeDisagreement, paths.maxRelativeDisagreement);
  },
  batch_float_max_relative_disagreement: () => {
    // Every ledger line of every cell of the grid, batched, against its single float projection.
    const inputs = y.values.flatMap((yv) => x.values.map((xv) => inputFor(subject, withControl(withControl(subject.controls, "rateChangeBp", xv), "growthPct", yv))));
    const lanes = projectLanes(inputs, {record: {ledger: "all"}});
    let worst = 0;
    inputs.forEach((cell, l) => project(cell, floatArithmetic).quarters.forEach((q, t) => {
      for (const line of LEDGER_LINES) {
        const expected = q.ledger[line], actual = lanes.ledger[line]![t * lanes.lanes + l]!;
        if (actual !== expected) worst = Math.max(worst, Math.abs(actual - expected) / Math.abs(expected));
      }
    }));
    return worst;
  }
};

const name = process.argv[2] as string;
const measure = measurements[name];
if (!measure) throw new Error(`unknown measurement ${name}; one of ${Object.keys(measurements).join(", ")}`);
process.stdout.write(JSON.stringify({[name]: await measure()}));
