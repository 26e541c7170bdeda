import {readProjection} from "../readings/projection.js";
import {addQuarters, parseModelInput, project, floatArithmetic, withPaths, type ModelInput, type ModelInputDraft, type QuarterLabel} from "../model/index.js";
import {LaneMemory, projectLanes, PONZI} from "../model/batch.js";
import {pathValue} from "../model/rates.js";
import {applyControls} from "../scenario/controls.js";
import {INPUTS} from "../scenario/inputs-table.js";
import {relativeDisagreement} from "./check.js";
import type {RiskSubject} from "./subject.js";

/**
 * What a simulated path draws, around the inputs the reader set. Every number here is an
 * assumption of ours, stated on the page; none comes from a filing.
 */
export interface MonteCarloAssumptions {
  readonly paths: number;
  /** The same seed gives the same paths, whatever the chunking. */
  readonly seed: number;
  /** The horizon, in quarters. */
  readonly quarters: number;
  /** Each quarter's revenue growth is the reader's plus a normal draw with this deviation, in percentage points. */
  readonly growthSdPct: number;
  /** The reference rate walks from the reader's change by a normal step a quarter with this deviation, in basis points, held to the slider's range. */
  readonly rateSdBp: number;
  /** Chance a quarter that debt markets, open the quarter before, shut (no refinancing, no new borrowing). */
  readonly shutProbability: number;
  /** Chance a quarter that shut markets reopen. */
  readonly reopenProbability: number;
}

export const MONTE_CARLO_DEFAULTS: MonteCarloAssumptions = {
  paths: 10_000, seed: 20261125, quarters: 28,
  growthSdPct: 3, rateSdBp: 25, shutProbability: 0.05, reopenProbability: 0.5
};

export const MONTE_CARLO_LIMITS = {paths: {min: 1, max: 100_000}, quarters: {min: 1, max: 40}, growthSdPct: {min: 0, max: 20}, rateSdBp: {min: 0, max: 200}} as const;

export function validateAssumptions(a: MonteCarloAssumptions): MonteCarloAssumptions {
  const problems: string[] = [];
  const within = (name: keyof typeof MONTE_CARLO_LIMITS, integer: boolean) => {
    const value = a[name];
    const {min, max} = MONTE_CARLO_LIMITS[name];
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) problems.push(`${name} must be ${integer ? "a whole number " : ""}from ${min} to ${max} (got ${value})`);
  };
  within("paths", true); within("quarters", true); within("growthSdPct", false); within("rateSdBp", false);
  for (const name of ["shutProbability", "reopenProbability"] as const) {
    if (!(a[name] >= 0 && a[name] <= 1)) problems.push(`${name} must be from 0 to 1 (got ${a[name]})`);
  }
  if (!Number.isInteger(a.seed) || a.seed < 0 || a.seed > 0xffffffff) problems.push(`seed must be a whole number from 0 to 4294967295 (got ${a.seed})`);
  if (problems.length) throw new RangeError(problems.join("; "));
  return a;
}

/** Everything a chunk of paths needs; built once per run. */
export interface MonteCarloSetup {
  readonly assumptions: MonteCarloAssumptions;
  readonly template: ModelInput;
  readonly quarterLabels: readonly QuarterLabel[];
  /** The scenario's growth each quarter (its fading path): the draws scatter around it. */
  readonly growth: readonly number[];
  readonly rateChange: number;
}

export function monteCarloSetup(subject: RiskSubject, assumptions: MonteCarloAssumptions): MonteCarloSetup {
  validateAssumptions(assumptions);
  const draft: ModelInputDraft = {...applyControls(subject.base, subject.controls), quarters: assumptions.quarters};
  const template = parseModelInput(draft);
  return {
    assumptions, template,
    quarterLabels: Array.from({length: assumptions.quarters}, (_, i) => addQuarters(template.start, i)),
    growth: Array.from({length: assumptions.quarters}, (_, t) => pathValue(template.revenue.growth, t)),
    rateChange: subject.controls.rateChangeBp / 10000
  };
}

/** A path's own 32-bit seed from the run's seed and its index (a murmur3 finaliser), so paths do not depend on each other. */
export function pathSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Path `index`'s draws, written at `at` (its first quarter) in the three arrays: each
 * quarter's growth (the scenario's plus a normal draw, held to the growth input's range),
 * the reference rate (a walk from the reader's change, held to the rate input's range) and
 * 1 where the path's debt markets are shut. Its random streams depend on the run's seed and
 * the path's index only, so a path is the same however the paths are split among workers.
 */
export function drawPath(setup: MonteCarloSetup, index: number, growth: Float64Array, rates: Float64Array, shut: Uint8Array, at: number): void {
  const a = setup.assumptions;
  // d3-random's randomNormal over randomLcg (the polar method: each pair of uniforms inside
  // the unit circle gives two normals, y's first, then x's), and randomLcg for the markets,
  // written out in one loop: the same numbers, operation for operation (a test holds them
  // to d3-random's), without four closure calls a quarter; drawing is a tenth of a path's cost.
  let normals = lcgState(pathSeed(a.seed, index));
  let uniforms = lcgState(pathSeed(a.seed ^ 0x5bd1e995, index));
  const {min, max} = INPUTS.rateChangeBp;
  const lowest = INPUTS.growthPct.min / 100, highest = INPUTS.growthPct.max / 100;
  let rate = setup.rateChange;
  let open = true;
  for (let q = 0; q < a.quarters; q++) {
    let x: number, y: number, r: number;
    do {
      normals = (LCG_MUL * normals + LCG_INC) | 0;
      x = LCG_EPS * (normals >>> 0) * 2 - 1;
      normals = (LCG_MUL * normals + LCG_INC) | 0;
      y = LCG_EPS * (normals >>> 0) * 2 - 1;
      r = x * x + y * y;
    } while (!r || r > 1);
    const scale = Math.sqrt(-2 * Math.log(r) / r);
    // A draw stays within the range a reader could set growth to: no path compounds beyond it.
    growth[at + q] = Math.min(highest, Math.max(lowest, setup.growth[q]! + (a.growthSdPct / 100) * (0 + 1 * y * scale)));
    rate = Math.min(max / 10000, Math.max(min / 10000, rate + (a.rateSdBp / 10000) * (0 + 1 * x * scale)));
    rates[at + q] = rate;
    uniforms = (LCG_MUL * uniforms + LCG_INC) | 0;
    const draw = LCG_EPS * (uniforms >>> 0);
    if (open && draw < a.shutProbability) open = false;
    else if (!open && draw < a.reopenProbability) open = true;
    shut[at + q] = open ? 0 : 1;
  }
}

// randomLcg's constants and its seeding (d3-random/src/lcg.js).
const LCG_MUL = 0x19660D, LCG_INC = 0x3C6EF35F, LCG_EPS = 1 / 0x100000000;
const lcgState = (seed: number): number => (0 <= seed && seed < 1 ? seed / LCG_EPS : Math.abs(seed)) | 0;

/** The model input of path `index`: the template with its drawn growth, rate and market-shut windows. */
export function pathInput(setup: MonteCarloSetup, index: number): ModelInput {
  const {assumptions: a, template} = setup;
  const growth = new Float64Array(a.quarters), rates = new Float64Array(a.quarters), shutFlags = new Uint8Array(a.quarters);
  drawPath(setup, index, growth, rates, shutFlags, 0);
  const shut: Array<{from: QuarterLabel; to: QuarterLabel}> = [];
  for (let q = 0; q < a.quarters; q++) {
    if (!shutFlags[q]) continue;
    const from = q;
    while (q + 1 < a.quarters && shutFlags[q + 1]) q++;
    shut.push({from: setup.quarterLabels[from]!, to: setup.quarterLabels[q]!});
  }
  return withPaths(template, {growth: Array.from(growth), baseRate: Array.from(rates), marketShut: [...template.refinancing.marketShut, ...shut]});
}

/**
 * Running totals of the paths run so far, of a run or of a worker's share of it (paths
 * `first` to `first + width`); plain typed arrays, so a worker can send them.
 */
export interface MonteCarloTally {
  done: number;
  readonly first: number;
  readonly width: number;
  /** Per quarter: paths that have been unable to pay in that quarter or before. */
  readonly cannotPayBy: Float64Array;
  /** Per quarter: paths in Ponzi finance that quarter. */
  readonly ponzi: Float64Array;
  /** Quarter-major, so that a quarter's values are one run to sort: cash[q × width + (path − first)]. */
  readonly cash: Float64Array;
  readonly debt: Float64Array;
}

export function newTally(setup: MonteCarloSetup, first = 0, width = setup.assumptions.paths): MonteCarloTally {
  const {quarters} = setup.assumptions;
  return {
    done: 0, first, width,
    cannotPayBy: new Float64Array(quarters), ponzi: new Float64Array(quarters),
    cash: new Float64Array(width * quarters), debt: new Float64Array(width * quarters)
  };
}

/**
 * A worker's tally into the run's: its counts added (whole numbers, so in any order the same
 * sums) and its paths' figures put in their places.
 */
export function mergeTally(into: MonteCarloTally, part: MonteCarloTally): void {
  const quarters = into.cannotPayBy.length;
  for (let t = 0; t < quarters; t++) {
    into.cannotPayBy[t]! += part.cannotPayBy[t]!;
    into.ponzi[t]! += part.ponzi[t]!;
    const at = t * into.width + (part.first - into.first);
    into.cash.set(part.cash.subarray(t * part.width, t * part.width + part.done), at);
    into.debt.set(part.debt.subarray(t * part.width, t * part.width + part.done), at);
  }
  into.done += part.done;
}

/**
 * Runs paths [from, to) into the tally, in lockstep on the batched float path (`projectLanes`),
 * each lane a path: the template's terms shared, the drawn paths each lane's own.
 */
export function runPaths(setup: MonteCarloSetup, tally: MonteCarloTally, from: number, to: number): void {
  const {quarters: Q} = setup.assumptions;
  const {first, width} = tally;
  const n = to - from;
  if (n <= 0) return;
  // The draws and the batch's figures live only until they are tallied: on memory given back after.
  const memory = new LaneMemory(n);
  const growth = memory.f64(n * Q), baseRate = memory.f64(n * Q), marketShut = memory.u8(n * Q);
  for (let k = 0; k < n; k++) drawPath(setup, from + k, growth, baseRate, marketShut, k * Q);
  const lanes = projectLanes(new Array<ModelInput>(n).fill(setup.template), {record: {ledger: ["closingCash", "closingDebt"]}, draws: {growth, baseRate, marketShut}, memory});
  const cash = lanes.ledger.closingCash!, debt = lanes.ledger.closingDebt!;
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const defaultedFrom = lanes.firstDefault[k]!;
    for (let t = 0; t < Q; t++) {
      const at = t * n + k;
      if (defaultedFrom !== -1 && t >= defaultedFrom) tally.cannotPayBy[t]! += 1;
      if (lanes.regime[at] === PONZI) tally.ponzi[t]! += 1;
      tally.cash[t * width + i - first] = cash[at]!;
      tally.debt[t * width + i - first] = debt[at]!;
    }
  }
  tally.done += n;
  memory.release();
}

export interface Band {
  readonly quarter: QuarterLabel;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

export interface MonteCarloSummary {
  readonly assumptions: MonteCarloAssumptions;
  readonly paths: number;
  readonly quarters: readonly QuarterLabel[];
  /** Share of paths unable to pay in each quarter or before. */
  readonly probabilityCannotPayBy: readonly number[];
  /** Share of paths in Ponzi finance in each quarter. */
  readonly shareInPonzi: readonly number[];
  readonly cash: readonly Band[];
  readonly debt: readonly Band[];
}

/** The q-quantile of sorted values, linearly interpolated (the spreadsheet PERCENTILE.INC rule). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

/**
 * The q-quantiles of `values` by the same rule as `quantile`, without sorting: each
 * order statistic the rule reads is selected in place, in increasing rank, each selection
 * narrowing the next. Reorders `values`. The fan charts need 5 quantiles of 10,000 values
 * for each of 28 quarters twice: sorting them all was a tenth of a simulation's time.
 */
export function quantiles(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  const ranks = [...new Set(qs.flatMap((q) => {
    const lo = Math.floor((n - 1) * q);
    return [lo, Math.min(n - 1, lo + 1)];
  }))].sort((a, b) => a - b);
  selectRanks(values, ranks, 0, ranks.length, 0, n - 1);
  // Every position `quantile` reads now holds the value a sort would put there.
  return qs.map((q) => quantile(values, q));
}

/**
 * Hoare's quickselect for several ranks at once: partition [left, right], then recurse
 * only into the sides that hold ranks still wanted (ranks[from..to), ascending).
 * Afterwards each wanted values[k] is the value of rank k. The pivot is the median of
 * three, which keeps sorted or constant runs (a quarter where every path has the same
 * debt) linear.
 */
function selectRanks(values: Float64Array, ranks: readonly number[], from: number, to: number, left: number, right: number): void {
  while (from < to && right > left) {
    const mid = (left + right) >>> 1;
    const a = values[left]!, b = values[mid]!, c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    let i = left, j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!; values[i] = values[j]!; values[j] = swap;
        i++; j--;
      }
    }
    // Now [left, j] ≤ pivot ≤ [i, right], and anything between j and i equals the pivot.
    let split = from;
    while (split < to && ranks[split]! <= j) split++;
    let rest = split;
    while (rest < to && ranks[rest]! < i) rest++;
    selectRanks(values, ranks, from, split, left, j);
    from = rest; left = i;
  }
}

/** The quantiles a band reads, in its order: p5, p25, p50, p75, p95. */
export const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * The runs a summary's bands are read from, in order: each quarter's closing cash, then each
 * quarter's closing debt, of the paths done (views on the tally, not copies). Paths run in
 * order, so the first `done` of each quarter's run are the ones done.
 */
export function summaryRuns(tally: MonteCarloTally): Float64Array[] {
  const {width, done} = tally, quarters = tally.cannotPayBy.length;
  const runs = (values: Float64Array) => Array.from({length: quarters}, (_, t) => values.subarray(t * width, t * width + done));
  return [...runs(tally.cash), ...runs(tally.debt)];
}

/**
 * The tally's share of paths unable to pay and in Ponzi finance, and its bands. The bands'
 * quantiles are selected here, or handed in (`selected`: `BAND_QUANTILES` of each of
 * `summaryRuns`, in that order) where workers selected them. A tally that is consumed (its run
 * is over and nothing reads it after) is reordered in place rather than copied: 56 copies of
 * 10,000 figures were most of what a run left to collect.
 */
export function summarise(setup: MonteCarloSetup, tally: MonteCarloTally, {consume = false, selected}: {readonly consume?: boolean; readonly selected?: ReadonlyArray<ArrayLike<number>>} = {}): MonteCarloSummary {
  const n = tally.done;
  if (n === 0) throw new RangeError("no path has run");
  const runs = summaryRuns(tally);
  if (selected && (selected.length !== runs.length || selected.some((q) => q.length !== BAND_QUANTILES.length))) {
    throw new RangeError(`selected quantiles for ${selected.length} runs, not ${BAND_QUANTILES.length} for each of ${runs.length}`);
  }
  const band = (quarter: QuarterLabel, r: number): Band => {
    const [p5, p25, p50, p75, p95] = selected ? Array.from(selected[r]!) : quantiles(consume ? runs[r]! : runs[r]!.slice(), BAND_QUANTILES);
    return {quarter, p5: p5!, p25: p25!, p50: p50!, p75: p75!, p95: p95!};
  };
  const quarters = setup.quarterLabels.length;
  return {
    assumptions: setup.assumptions, paths: n, quarters: setup.quarterLabels,
    probabilityCannotPayBy: Array.from(tally.cannotPayBy, (c) => c / n),
    shareInPonzi: Array.from(tally.ponzi, (c) => c / n),
    cash: setup.quarterLabels.map((quarter, t) => band(quarter, t)),
    debt: setup.quarterLabels.map((quarter, t) => band(quarter, quarters + t))
  };
}

/** Runs every path in one go (the CLI, the benchmark, tests); the browser runs chunks in a worker. */
export function simulate(subject: RiskSubject, assumptions: MonteCarloAssumptions): MonteCarloSummary {
  const setup = monteCarloSetup(subject, assumptions);
  const tally = newTally(setup);
  runPaths(setup, tally, 0, assumptions.paths);
  return summarise(setup, tally, {consume: true});
}

/** Reprojects some paths on the decimal path: the largest float/decimal disagreement among them. */
export function checkPaths(setup: MonteCarloSetup, indices: readonly number[]): {checked: number; maxRelativeDisagreement: number} {
  let worst = 0;
  for (const i of indices) {
    const input = pathInput(setup, i);
    worst = Math.max(worst, relativeDisagreement(readProjection(input).numbers, project(input, floatArithmetic)));
  }
  return {checked: indices.length, maxRelativeDisagreement: worst};
}
