import {SharedLoans, startingState, type DebtService, type FacilityRows} from "./batch-debt.js";
import {compileLanes, shapeOf, type LaneDraws, type LaneProgram} from "./batch-lanes.js";
import {emptyLaneProjections, FACILITY_LINES, LEDGER_LINES, METRIC_LINES, PONZI, type BatchRecording, type LaneProjections, type LedgerLine, type MetricLine} from "./batch-lines.js";
import {CovenantTests} from "./batch-covenants.js";
import type {LaneMemory} from "./batch-memory.js";
import {parseModelInput, pathValueIssues, ModelInputError, type ModelInput} from "./inputs.js";
import {bookEarnings, closeQuarter, holdMinimumCash, metricsOf, prepay, sweepCash, type QuarterLedger, type QuarterMetrics} from "./batch-quarter.js";

export type {LaneDraws};

export interface BatchOptions {
  /** The lines to keep; the regimes, whether each lane can pay and its first default and breach always are. */
  readonly record?: BatchRecording;
  /** Paths drawn for each lane (a simulation's), in place of its input's. */
  readonly draws?: LaneDraws;
  /**
   * Where the figures go: a caller that reads them at once and then releases the memory
   * (a simulation's chunk of paths) saves allocating them each time. Without it, each line is
   * an array of its own, safe to keep and to post to another thread.
   */
  readonly memory?: LaneMemory;
}

/**
 * Many projections in lockstep, quarter by quarter, over typed arrays: one lane per input
 * (a grid's cell, a simulated path). The float path, batched: each lane's figures are what
 * `project(input, floatArithmetic)` gives for it, step for step in the same order of
 * operations (a property test holds every ledger line to 1e-9 of its own; in practice they
 * are the same numbers). The lanes share what they can (see batch-lanes.ts).
 *
 * Maintenance covenants run lane by lane too (batch-covenants.ts): their tests, cures,
 * waivers and accelerations change a facility's terms from each lane's own metrics. Events
 * (refinancings, maturities while markets are shut, each breach) are not recorded; the first
 * quarter a lane cannot pay and its first covenant breach are.
 */
export function projectLanes(rawInputs: readonly unknown[], options: BatchOptions = {}): LaneProjections {
  const inputs = rawInputs.map((raw) => parseModelInput(raw));
  const draws = options.draws ?? {};
  checkDraws(inputs, draws);
  const lanes = inputs.length;
  const stride = inputs.reduce((most, input) => Math.max(most, input.quarters), 0);
  const facilityCount = inputs.reduce((most, i) => Math.max(most, i.facilities.length + (i.revolver ? 1 : 0) + (i.newBorrowing.limit > 0 ? 1 : 0)), 0);
  const out = emptyLaneProjections(lanes, stride, facilityCount, options.record ?? {}, options.memory);
  const shapes = new Map<string, number[]>();
  let previous: ModelInput | null = null, previousGroup: number[] | null = null;
  inputs.forEach((input, l) => {
    out.quarters[l] = input.quarters;
    // A lane with the previous lane's facilities, start and horizon has its shape (most of a grid's).
    const likePrevious = previous !== null && input.facilities === previous.facilities && input.start === previous.start && input.quarters === previous.quarters
      && input.revolver === previous.revolver && input.newBorrowing === previous.newBorrowing;
    previous = input;
    let group = likePrevious ? previousGroup : null;
    if (!group) {
      const shape = shapeOf(input);
      group = shapes.get(shape) ?? [];
      shapes.set(shape, group);
    }
    group.push(l);
    previousGroup = group;
  });
  for (const group of shapes.values()) {
    const program = compileLanes(group.map((l) => inputs[l]!), Int32Array.from(group), draws);
    runLanes(program, out);
    // Nothing of the program's outlives its run: what the run records is in `out`.
    program.memory.release();
  }
  return out;
}

function checkDraws(inputs: readonly ModelInput[], draws: LaneDraws): void {
  if (!draws.growth && !draws.baseRate && !draws.marketShut) return;
  const quarters = inputs[0]?.quarters ?? 0;
  if (inputs.some((input) => input.quarters !== quarters)) throw new RangeError("lanes with drawn paths must all run the same number of quarters");
  const size = inputs.length * quarters;
  for (const [name, values] of Object.entries(draws) as Array<[string, ArrayLike<number> | undefined]>) {
    if (values && values.length < size) throw new RangeError(`the drawn ${name} holds ${values.length} values, not one a quarter for each of ${inputs.length} lanes (${size})`);
  }
  // The same bounds as the schema's, so a drawn path is one a model input could hold.
  for (const field of ["growth", "baseRate"] as const) {
    const values = draws[field];
    const issues = values ? pathValueIssues(field, values.subarray(0, size)) : [];
    if (issues.length) throw new ModelInputError(issues);
  }
}

/**
 * The quarter loop over one program's lanes (`project`'s steps, in its order): operations;
 * each facility's quarter; the ledger and its debt service; earnings and taxes; minimum
 * cash, prepayments and the sweep; metrics and Minsky's regime. Each step runs over every
 * lane before the next.
 */
function runLanes(p: LaneProgram, out: LaneProjections): void {
  const n = p.lanes, Q = p.quarters, N = out.lanes, global = p.global;
  const m = p.memory;
  const state = p.facilities.map((f) => startingState(f, m));
  const lines = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, m.f64(n)])) as Record<K, Float64Array>;
  const L: QuarterLedger = lines(LEDGER_LINES);
  const M: QuarterMetrics = lines(METRIC_LINES);
  const rows: FacilityRows[] | null = out.facilities ? p.facilities.map(() => lines(FACILITY_LINES)) : null;
  const sums: DebtService = {interest: L.interest, pikInterest: L.pikInterest, fees: L.fees, principalDue: L.principalDue, refinanced: L.refinanced, scheduledDraws: L.scheduledDraws};
  const beforeFinancing = m.f64(n);
  const cash = m.copy(p.openingCash);
  const openingDebt = m.f64(n);
  for (const s of state) for (let l = 0; l < n; l++) openingDebt[l] = openingDebt[l]! + s.balance[l]!;
  const anyPrepayments = p.facilities.some((f) => f.prepayments.values.some((v) => !Number.isNaN(v)));
  const anySweep = p.sweepShare.some((share) => share !== 0);
  const loans = new SharedLoans(p, anySweep, rows !== null);
  const covenants = new CovenantTests(p);
  const breached = m.u8(n);
  const recordedLedger = (Object.keys(out.ledger) as LedgerLine[]).map((line) => [L[line], out.ledger[line]!] as const);
  const recordedMetrics = (Object.keys(out.metrics) as MetricLine[]).map((line) => [M[line], out.metrics[line]!] as const);
  const {closingCash, closingDebt, operatingCashFlow, interest, principalDue, maintenanceCapex} = L;

  for (let q = 0; q < Q; q++) {
    for (const line of [L.interest, L.pikInterest, L.fees, L.principalDue, L.refinanced, L.scheduledDraws, L.prepayment, L.prepaymentPremium, L.sweepRepayment]) line.fill(0);
    loans.stepAll(state, q, sums, rows);
    bookEarnings(p, L, q, cash, openingDebt, beforeFinancing);
    holdMinimumCash(p, state, L, rows, q);
    if (anyPrepayments) prepay(p, state, L, rows, q);
    if (anySweep) sweepCash(p, state, L, rows);
    closeQuarter(p, state, L, loans);
    // Covenants: minimum liquidity first, as an equity cure changes the quarter's cash; the
    // ratios on the quarter's metrics, their consequences biting from the next quarter.
    if (covenants.liquidity) covenants.testLiquidity(state, L, q, breached);
    if (recordedMetrics.length || covenants.ratios) metricsOf(p, L, M, beforeFinancing);
    if (covenants.ratios) covenants.testRatios(state, L, M, q, breached);
    const base = q * N;
    for (let l = 0; l < n; l++) {
      const g = global[l]!, i = base + g;
      if (breached[l]) {
        breached[l] = 0;
        if (out.firstBreach[g] === -1) out.firstBreach[g] = q;
      }
      if (closingCash[l]! < 0) {
        out.cannotPay[i] = 1;
        if (out.firstDefault[g] === -1) out.firstDefault[g] = q;
      }
      const ocf = operatingCashFlow[l]!, owed = interest[l]!, due = principalDue[l]!, maintenance = maintenanceCapex[l]!;
      const regime = minskyRegime(ocf, owed, due);
      out.regime[i] = regime;
      out.regimeAfterMaintenance[i] = maintenance === 0 ? regime : minskyRegime(ocf - maintenance, owed, due);
    }
    for (const [from, to] of recordedLedger) for (let l = 0; l < n; l++) to[base + global[l]!] = from[l]!;
    for (const [from, to] of recordedMetrics) for (let l = 0; l < n; l++) to[base + global[l]!] = from[l]!;
    if (rows) {
      rows.forEach((row, f) => {
        const recorded = out.facilities![f]!;
        for (const line of FACILITY_LINES) for (let l = 0; l < n; l++) recorded[line][base + global[l]!] = row[line][l]!;
      });
    }
    cash.set(closingCash);
    openingDebt.set(closingDebt);
  }
}

/** `minskyRegime`, as a code into REGIMES. */
function minskyRegime(operatingCashFlow: number, interest: number, principalDue: number): number {
  if (operatingCashFlow < interest) return PONZI;
  if (operatingCashFlow < interest + principalDue) return 1;
  return 0;
}

