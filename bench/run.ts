import {execFileSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {benchCompany} from "./company.js";

/**
 * `npm run bench`: the engine's speed, printed as a table and written to
 * bench-results.json at the repository root (untracked: it measures one machine). Each
 * figure is a median in milliseconds (the paint figure a 95th percentile), measured in a process of its own. Later
 * benchmarks add their keys to the same file.
 */
const root = fileURLToPath(new URL("..", import.meta.url));

function measure(script: string, name: string): number {
  const output = execFileSync(process.execPath, ["--import", "tsx", script, name], {cwd: root, encoding: "utf8"});
  return (JSON.parse(output) as Record<string, number>)[name] as number;
}

const results: Record<string, number> = {};
for (const name of ["projection_decimal_ms", "projection_float_ms", "projection_float_after_decimal_ms", "hyperformula_recalc_ms", "projection_decimal_all_features_ms", "projection_float_all_features_ms"]) {
  results[name] = measure("bench/projection.ts", name);
}
// The debt schedule's features may cost at most a quarter more than the plain model:
// timed in alternation, in processes of their own.
for (const name of ["all_features_slowdown_decimal", "all_features_slowdown_float"]) results[name] = measure("bench/projection.ts", name);
// Each feature alone, in decimal: where the all-features ratio comes from.
Object.assign(results, JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "bench/features.ts"], {cwd: root, encoding: "utf8"})) as Record<string, number>);
// The economic drivers (issue 18) against the model before them, on the CoreWeave base case.
Object.assign(results, JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "bench/drivers.ts"], {cwd: root, encoding: "utf8"})) as Record<string, number>);
for (const name of [
  "risk_workers", "grid_40x40_ms", "grid_40x40_in_projections", "grid_40x40_one_thread_in_projections",
  "monte_carlo_10k_ms", "monte_carlo_10k_in_projections", "monte_carlo_10k_one_thread_in_projections",
  "float_decimal_max_relative_disagreement", "batch_float_max_relative_disagreement"
]) {
  results[name] = measure("bench/risk.ts", name);
}
// Timed in alternation in one process; the ratio of the two medians above, for comparison.
results.engine_vs_hyperformula = measure("bench/projection.ts", "engine_vs_hyperformula");
results.engine_vs_hyperformula_of_medians = (results.projection_decimal_ms as number) / (results.hyperformula_recalc_ms as number);
// In Chromium, on the built story page (built first if dist/ is missing).
Object.assign(results, JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "bench/paint.ts"], {cwd: root, encoding: "utf8"})) as Record<string, number>);

const targets: Record<string, string> = {
  projection_decimal_ms: "≤ 2 (goal 0.5)",
  projection_float_ms: "≤ 0.05 (alone, as in a worker)",
  projection_float_after_decimal_ms: "(same process as decimal)",
  hyperformula_recalc_ms: "(the same model as a sheet)",
  engine_vs_hyperformula: "< 1: engine faster (timed in alternation)",
  engine_vs_hyperformula_of_medians: "(the two medians above, a minute apart)",
  projection_decimal_all_features_ms: "(PIK, hedges, average balance, discounts, capitalised interest)",
  projection_float_all_features_ms: "(the same, float)",
  all_features_slowdown_decimal: "≤ 1.25",
  all_features_slowdown_float: "≤ 1.25",
  slowdown_decimal_average_balance: "(one feature alone, decimal)",
  slowdown_decimal_payment_in_kind: "(one feature alone, decimal)",
  slowdown_decimal_hedges: "(one feature alone, decimal)",
  slowdown_decimal_leases: "(one feature alone, decimal)",
  slowdown_decimal_covenants: "(one feature alone, decimal)",
  slowdown_decimal_discounts: "(one feature alone, decimal)",
  slowdown_decimal_capitalised_interest: "(one feature alone, decimal)",
  slowdown_decimal_cash_sweep: "(one feature alone, decimal)",
  slowdown_decimal_prepayments: "(one feature alone, decimal)",
  drivers_slowdown_decimal: "≤ 1.3 (every driver on, against the model before them)",
  drivers_slowdown_float: "≤ 1.3 (the same, float)",
  risk_workers: "(worker threads for the grid and the Monte Carlo: os.availableParallelism())",
  grid_40x40_ms: "(1,600 cells, batched, on the worker threads)",
  grid_40x40_in_projections: "≤ 400 (goal 100): the grid ÷ one float projection, in alternation, each on a collected heap",
  grid_40x40_one_thread_in_projections: "(the same on one thread)",
  monte_carlo_10k_ms: "(28 quarters, batched, on the worker threads)",
  monte_carlo_10k_in_projections: "≤ 1,500 (goal 500): 10,000 paths ÷ one float projection, in alternation, each on a collected heap",
  monte_carlo_10k_one_thread_in_projections: "(the same on one thread)",
  float_decimal_max_relative_disagreement: "≤ 1e-9 (40 grid cells, 40 paths)",
  batch_float_max_relative_disagreement: "≤ 1e-9 (every ledger line of the grid's 1,600 cells, batched against alone)",
  input_to_paint_p95_ms: "≤ 17 (one frame), live risk on, the main charts on screen",
  input_to_paint_p50_ms: "(the median, for scale)",
  input_to_paint_samples: "(moves measured, of 60)",
  input_to_paint_late_moves: "(of the moves measured, those shown two frames or more after the input: the p95 is one frame while they are at most 5 %)",
  input_to_paint_main_charts_on_screen: "(the main charts drawn in a move's frame: the regime and the cash chart)",
  live_risk_input_to_paint_p95_ms: "≤ 50: the heatmap and the 2,000-path fan redrawn for the move",
  live_risk_input_to_paint_p50_ms: "(the median, for scale)",
  live_risk_samples: "(moves measured, of 60)",
  live_risk_first_look_p95_ms: "(the heatmap and the first 500 paths' fan, drawn while the rest run)",
  live_risk_first_look_p50_ms: "(the median, for scale)",
  live_risk_first_look_samples: "(moves measured, of 60)",
  drag_frame_p95_ms: "(a slider dragged, an input a frame: each frame to the next's start; one frame is 16.7 ms)",
  drag_dropped_frames: "(the drag's frames over 25 ms: a frame dropped)",
  drag_frames: "(the drag's frames measured: 7 sliders, 60 frames each, twice)"
};
console.log(`One projection: ${benchCompany.quarters} quarters, ${benchCompany.facilities.length} facilities and a revolver. Node ${process.version}.`);
console.table(Object.entries(results).map(([measure, value]) => ({measure, value: Number(value.toPrecision(4)), target: targets[measure] ?? ""})));
writeFileSync(`${root}bench-results.json`, JSON.stringify({measured: new Date().toISOString(), node: process.version, ...results}, null, 2) + "\n");
console.log("wrote bench-results.json");
