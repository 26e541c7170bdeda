import {controlsOf} from "../src/scenario/controls.js";
import {gridAxis, sensitivityGrid, spotCheckGrid} from "../src/risk/grid.js";
import {checkPaths, MONTE_CARLO_DEFAULTS, monteCarloSetup, simulate} from "../src/risk/monte-carlo.js";
import {benchCompany} from "./company.js";
import {medianMs} from "./measure.js";
import {riskSubject} from "../src/risk/subject.js";

/**
 * The risk tools' speed, in a fresh process (as in the Web Worker, only the float path runs
 * while timing), on the benchmark company moved through its controls: a 40 × 40 grid of
 * the reference rate against growth, and 10,000 Monte Carlo paths of 28 quarters. Then
 * the float/decimal disagreement over the sampled checks: grid cells and paths reprojected
 * in decimal.
 */
const subject = riskSubject(benchCompany, controlsOf(benchCompany));
const x = gridAxis("rateChangeBp", -300, 600, 40);
const y = gridAxis("growthPct", -10, 20, 40);
const assumptions = {...MONTE_CARLO_DEFAULTS, paths: 10_000, quarters: 28};

const measurements: Record<string, () => number> = {
  grid_40x40_ms: () => medianMs(() => sensitivityGrid(subject, x, y, "lowestCoverage"), {samples: 11, warmup: 3}),
  monte_carlo_10k_ms: () => medianMs(() => simulate(subject, assumptions), {samples: 7, warmup: 2}),
  float_decimal_max_relative_disagreement: () => {
    const grid = spotCheckGrid(subject, sensitivityGrid(subject, x, y, "lowestCoverage"), 40);
    if (grid.outcomeMismatches > 0) throw new Error(`${grid.outcomeMismatches} grid cells have a different outcome in decimal`);
    const paths = checkPaths(monteCarloSetup(subject, assumptions), Array.from({length: 40}, (_, i) => i * 250));
    return Math.max(grid.maxRelativeDisagreement, paths.maxRelativeDisagreement);
  }
};

const name = process.argv[2] as string;
const measure = measurements[name];
if (!measure) throw new Error(`unknown measurement ${name}; one of ${Object.keys(measurements).join(", ")}`);
process.stdout.write(JSON.stringify({[name]: measure()}));
