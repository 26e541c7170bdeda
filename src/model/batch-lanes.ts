import {floatArithmetic as F} from "./arithmetic.js";
import {facilityState, type FacilityState} from "./facility.js";
import {discountAmortisationTotals} from "./facility-quarter.js";
import type {ModelInput, Path} from "./inputs.js";
import {leaseSchedule} from "./leases.js";
import {newBorrowingState, revolverState} from "./liquidity.js";
import {LaneMemory} from "./batch-memory.js";
import {operatingLanes, pathValues, valueAt, type OperatingLanes} from "./batch-operations.js";
import {marketOpen, refinancingTerms} from "./refinance.js";

/**
 * A batch's lanes compiled for the quarter loop (batch-project.ts): every term a lane's
 * projection reads, as typed arrays over the lanes. What lanes share is made once: the
 * operating figures of each distinct operating input, each distinct set of facilities'
 * schedules (through the generic engine's own `facilityState`), and paths that are the same
 * for every lane (a reference rate no lane moves) are held once, not once a lane.
 */

/** A value per quarter and lane: `values[q × quarterStride + lane × laneStride]`; shared by every lane when laneStride is 0. */
export interface LanePath {
  readonly values: Float64Array;
  readonly quarterStride: number;
  readonly laneStride: number;
}

export const FACILITY_KIND = {term: 0, revolver: 1, newBorrowing: 2} as const;
const AMORTISATION = {bullet: 0, straightLine: 1, annuity: 2} as const;
export const BULLET = AMORTISATION.bullet, STRAIGHT_LINE = AMORTISATION.straightLine, ANNUITY = AMORTISATION.annuity;
export const NO_HEDGE = 0, SWAP = 1, CAP = 2;

/** One facility of every lane: its starting state and terms, which the quarter loop copies and changes. */
export interface FacilityLanes {
  readonly kind: number;
  readonly balance: Float64Array;
  readonly undrawn: Float64Array;
  /** Infinity for none. */
  readonly maturity: Float64Array;
  readonly fixed: Uint8Array;
  readonly fixedRate: Float64Array;
  readonly spread: Float64Array;
  readonly hasFloor: Uint8Array;
  readonly floor: Float64Array;
  readonly amortisation: Uint8Array;
  readonly refinanceable: Uint8Array;
  readonly pikShare: Float64Array;
  readonly upfrontFeeRate: Float64Array;
  readonly commitmentFeePerQuarter: Float64Array;
  readonly prepaymentPremium: Float64Array;
  readonly prepaymentCost: Float64Array;
  readonly hedge: Uint8Array;
  readonly hedgeNotional: Float64Array;
  readonly hedgeRate: Float64Array;
  readonly hedgeUntil: Float64Array;
  /** The quarter's scheduled draw (0 for none). */
  readonly draws: LanePath;
  /** The most to prepay at the quarter's end; NaN where none is asked. */
  readonly prepayments: LanePath;
  /** The discount amortised in the quarter (its row's line). */
  readonly discount: LanePath;
  /** Its maintenance covenants, in the input's order: slot k is each lane's k-th covenant, if it has one. */
  readonly covenants: readonly CovenantLanes[];
}

export const COVENANT_KIND = {none: 0, minimumLiquidity: 1, interestCoverage: 2, dscr: 3, maximumLeverage: 4} as const;
export const COVENANT_CONSEQUENCE = {waiver: 0, equityCure: 1, accelerate: 2} as const;

/**
 * One covenant slot of a facility over the lanes (`PreparedCovenant`, in float): its kind
 * (`COVENANT_KIND.none` in a lane with fewer covenants), the bound a breach crosses, and
 * what a breach brings. A waiver's step-up and an equity cure's use change the lane's state
 * (batch-covenants.ts), not these terms.
 */
export interface CovenantLanes {
  readonly kind: Uint8Array;
  readonly threshold: Float64Array;
  readonly breachBound: Float64Array;
  readonly consequence: Uint8Array;
  readonly fee: Float64Array;
  readonly spreadStepUp: Float64Array;
  readonly cureLimit: Float64Array;
  /** Whether any lane's covenant in this slot is a minimum-liquidity one; a ratio one. */
  readonly hasLiquidity: boolean;
  readonly hasRatio: boolean;
}

/** Lanes of one shape (the same start, horizon and facilities), ready for the quarter loop. */
export interface LaneProgram {
  readonly lanes: number;
  readonly quarters: number;
  /** Each lane's index in the whole batch. */
  readonly global: Int32Array;
  readonly facilities: readonly FacilityLanes[];
  /** Every lane has the same facilities (terms, schedules, starting balances). */
  readonly sameFacilities: boolean;
  readonly revolverIndex: number;
  readonly newBorrowingIndex: number;
  readonly openingCash: Float64Array;
  readonly minimumCash: Float64Array;
  readonly taxRate: Float64Array;
  readonly sweepShare: Float64Array;
  readonly sweepFloor: Float64Array;
  readonly newBorrowingTenor: Float64Array;
  /** NaN: no cap a quarter. */
  readonly newBorrowingPerQuarter: Float64Array;
  readonly shareRolled: Float64Array;
  readonly refinancingSpread: Float64Array;
  readonly refinancingTenor: Float64Array;
  readonly refinancingFeeRate: Float64Array;
  readonly equityShutToo: Uint8Array;
  readonly averageBalance: Uint8Array;
  readonly baseRate: LanePath;
  /**
   * Each lane's reference-rate path among the batch's distinct ones (a grid's rate column);
   * null where a simulation draws each lane its own.
   */
  readonly baseRateClass: Int32Array | null;
  /**
   * Each lane's refinancing terms and market windows among the distinct ones; null where a
   * simulation draws market shuts lane by lane.
   */
  readonly refinancingClass: Int32Array | null;
  readonly capitalisedShare: LanePath;
  readonly equityRaised: LanePath;
  readonly leasePayment: LanePath;
  readonly leaseLiability: LanePath;
  readonly discountTotal: LanePath;
  /** 1 where debt markets are open. */
  readonly open: LanePath;
  readonly operations: OperatingLanes;
  /** Each lane's operating lane. */
  readonly operatingLane: Int32Array;
  /** Where the program's arrays, and the quarter loop's, are made. */
  readonly memory: LaneMemory;
}

/**
 * Paths a simulation draws for each lane, lane-major (`[lane × quarters + q]`), in place of
 * the inputs' own: growth and the reference rate replace theirs; `marketShut` (1: shut)
 * shuts markets in quarters beyond the inputs' own windows.
 */
export interface LaneDraws {
  readonly growth?: Float64Array;
  readonly baseRate?: Float64Array;
  readonly marketShut?: Uint8Array;
}

/** Lanes that can share one program: the same start, horizon, number of facilities, revolver and new borrowing. */
export function shapeOf(input: ModelInput): string {
  return `${input.start}|${input.quarters}|${input.facilities.length}|${input.revolver ? 1 : 0}|${input.newBorrowing.limit > 0 ? 1 : 0}`;
}

/**
 * Compiles lanes of one shape. `global` maps each to its index in the batch, and `draws`
 * (indexed by that global index) replace the paths a simulation draws.
 */
export function compileLanes(inputs: readonly ModelInput[], global: Int32Array, draws: LaneDraws = {}): LaneProgram {
  const n = inputs.length;
  const first = inputs[0]!;
  const Q = first.quarters;
  const keys = new Interner();
  const memory = new LaneMemory(n);
  const scalar = (read: (input: ModelInput) => number) => {
    const out = memory.f64(n);
    for (let l = 0; l < n; l++) out[l] = read(inputs[l]!);
    return out;
  };
  const flag = (read: (input: ModelInput) => boolean) => {
    const out = memory.u8(n);
    for (let l = 0; l < n; l++) out[l] = read(inputs[l]!) ? 1 : 0;
    return out;
  };
  // The debt side's states, through the generic engine, once for each distinct set of facilities.
  const sets = distinct(inputs, keys, (input) => [input.facilities, input.revolver, input.newBorrowing], (input) => {
    const states = input.facilities.map((f) => facilityState(F, f, input.start));
    const discountTotals = discountAmortisationTotals(F, states, Q);
    const revolver = revolverState(F, input), newBorrowing = newBorrowingState(F, input);
    if (revolver) states.push(revolver);
    if (newBorrowing) states.push(newBorrowing);
    return {states, discountTotals};
  });
  const facilities = sets.values[0]!.states.map((_, f) => facilityLanes(sets.values.map((set) => set.states[f]!), sets.index, Q, memory));

  const terms = distinct(inputs, keys, (input) => [input.refinancing], (input) => refinancingTerms(F, input));
  const refinancing = (read: (t: (typeof terms.values)[number]) => number) => spread(terms.values.map(read), terms.index, memory.f64(n));
  const shut = draws.marketShut;
  const openByTerms = terms.values.map((t) => Float64Array.from({length: Q}, (_, q) => (marketOpen(t, q) ? 1 : 0)));
  const open = shut ? lanePath(memory, Q, n, openByTerms, terms.index, (l, values) => {
    for (let q = 0; q < Q; q++) if (shut[global[l]! * Q + q]) values[q * n + l] = 0;
  }) : lanePath(memory, Q, n, openByTerms, terms.index);
  const leases = distinct(inputs, keys, (input) => [input.leases], (input) => leaseSchedule(F, input));
  const rateDraws = draws.baseRate, growthDraws = draws.growth;
  const distinctPaths = (read: (input: ModelInput) => Path) => {
    const paths = distinct(inputs, keys, (input) => [read(input)], (input) => pathValues(read(input)));
    return {path: lanePath(memory, Q, n, paths.values.map((values) => expand(values, Q)), paths.index), index: paths.index};
  };
  const overQuarters = (read: (input: ModelInput) => Path) => distinctPaths(read).path;
  const rates = rateDraws ? null : distinctPaths((i) => i.baseRate);
  // Operations once for each distinct operating input; a simulation's drawn growth makes every lane its own.
  const operating = growthDraws
    ? {values: inputs.map((_, l) => l), index: Int32Array.from(inputs, (_, l) => l)}
    : distinct(inputs, keys, (input) => [input.revenue, input.costs, input.depreciation, input.capex, input.capexIntensity], (_, l) => l);
  const operations = operatingLanes(operating.values.map((l) => inputs[l]!), Q, (o) => {
    const l = operating.values[o]!;
    return growthDraws ? growthDraws.subarray(global[l]! * Q, global[l]! * Q + Q) : pathValues(inputs[l]!.revenue.growth);
  }, (length) => memory.f64(length));
  const operatingLane = operating.index;

  return {
    lanes: n, quarters: Q, global, facilities, sameFacilities: sets.values.length === 1,
    revolverIndex: first.revolver ? first.facilities.length : -1,
    newBorrowingIndex: first.newBorrowing.limit > 0 ? first.facilities.length + (first.revolver ? 1 : 0) : -1,
    openingCash: scalar((i) => i.openingCash),
    minimumCash: scalar((i) => i.minimumCash),
    taxRate: scalar((i) => i.taxRate),
    sweepShare: scalar((i) => i.cashSweep?.share ?? 0),
    // As the quarter loop makes it: minimum cash + the buffer.
    sweepFloor: scalar((i) => i.minimumCash + (i.cashSweep?.buffer ?? 0)),
    newBorrowingTenor: scalar((i) => i.newBorrowing.tenorQuarters),
    newBorrowingPerQuarter: scalar((i) => i.newBorrowing.perQuarter ?? NaN),
    shareRolled: refinancing((t) => t.shareRolled),
    refinancingSpread: refinancing((t) => t.spread),
    refinancingTenor: refinancing((t) => t.tenorQuarters),
    refinancingFeeRate: refinancing((t) => t.feeRate),
    equityShutToo: flag((i) => i.marketShutIncludesEquity),
    averageBalance: flag((i) => i.interestConvention === "average"),
    baseRate: rates ? rates.path : {values: rateDraws!, quarterStride: 1, laneStride: Q},
    baseRateClass: rates ? rates.index : null,
    refinancingClass: shut ? null : terms.index,
    capitalisedShare: overQuarters((i) => i.capitalisedInterestShare),
    equityRaised: overQuarters((i) => i.equityRaised),
    leasePayment: lanePath(memory, Q, n, leases.values.map((lease) => (lease ? expand(lease.payments, Q) : new Float64Array(Q))), leases.index),
    // As `leaseLiability` makes it: the liability × what is left of the term, in plain numbers.
    leaseLiability: lanePath(memory, Q, n, leases.values.map((lease) => Float64Array.from({length: Q}, (_, q) => (lease ? lease.liabilityAtStart * Math.max(0, 1 - (q + 1) / lease.remainingQuarters) : 0))), leases.index),
    discountTotal: lanePath(memory, Q, n, sets.values.map((set) => Float64Array.from(set.discountTotals)), sets.index),
    open,
    operations, operatingLane, memory
  };
}

/**
 * The distinct values of `make` over the inputs, by the parts they are made from (`parts`),
 * and which one each input has. A lane whose parts are the previous lane's own objects has its
 * value without a look-up: most neighbours in a grid share most parts.
 */
function distinct<T>(inputs: readonly ModelInput[], keys: Interner, parts: (input: ModelInput) => readonly unknown[], make: (input: ModelInput, lane: number) => T): {values: T[]; index: Int32Array} {
  const values: T[] = [];
  const byKey = new Map<number, number>();
  const index = new Int32Array(inputs.length);
  let previous: readonly unknown[] | null = null;
  inputs.forEach((input, l) => {
    // The same input as the lane before (every path of a simulation) has its value at once.
    if (l > 0 && input === inputs[l - 1]) {
      index[l] = index[l - 1]!;
      return;
    }
    const these = parts(input);
    if (previous && samePartsAs(these, previous)) {
      index[l] = index[l - 1]!;
    } else {
      const k = keys.key(these);
      let i = byKey.get(k);
      if (i === undefined) {
        byKey.set(k, i = values.length);
        values.push(make(input, l));
      }
      index[l] = i;
    }
    previous = these;
  });
  return {values, index};
}

function samePartsAs(these: readonly unknown[], those: readonly unknown[]): boolean {
  for (let k = 0; k < these.length; k++) if (these[k] !== those[k]) return false;
  return true;
}

/** A path's values over Q quarters, the last holding (`atQuarter`). */
function expand(values: ArrayLike<number>, Q: number): Float64Array {
  const out = new Float64Array(Q);
  for (let q = 0; q < Q; q++) out[q] = valueAt(values, q);
  return out;
}

/**
 * A path over the lanes from its distinct values (`paths`, Q each) and each lane's
 * (`index`): held once when there is one and nothing is changed lane by lane, else a value
 * for each lane and quarter, which `change` may then alter.
 */
function lanePath(memory: LaneMemory, Q: number, n: number, paths: readonly Float64Array[], index: Int32Array, change?: (lane: number, values: Float64Array) => void): LanePath {
  if (paths.length === 1 && !change) return {values: paths[0]!, quarterStride: 1, laneStride: 0};
  const values = memory.f64(Q * n);
  for (let l = 0; l < n; l++) {
    const path = paths[index[l]!]!;
    for (let q = 0; q < Q; q++) values[q * n + l] = path[q]!;
    change?.(l, values);
  }
  return {values, quarterStride: n, laneStride: 1};
}

/** One value for each lane, from the distinct values and each lane's, into `out` (a byte a lane for codes and flags). */
function spread<A extends Float64Array | Uint8Array>(values: readonly number[], index: Int32Array, out: A): A {
  if (values.length === 1) {
    out.fill(values[0]!);
    return out;
  }
  for (let l = 0; l < index.length; l++) out[l] = values[index[l]!]!;
  return out;
}

/** Facility `f` of each distinct set of facilities (`states`) as typed arrays over the lanes (`index`: each lane's set). */
function facilityLanes(states: readonly FacilityState<number>[], index: Int32Array, Q: number, memory: LaneMemory): FacilityLanes {
  const s0 = states[0]!;
  const scalar = (read: (s: FacilityState<number>) => number) => spread(states.map(read), index, memory.f64(index.length));
  const code = (read: (s: FacilityState<number>) => number) => spread(states.map(read), index, memory.u8(index.length));
  const flag = (read: (s: FacilityState<number>) => boolean) => code((s) => (read(s) ? 1 : 0));
  const schedule = (value: (s: FacilityState<number>, q: number) => number) => lanePath(memory, Q, index.length, states.map((s) => Float64Array.from({length: Q}, (_, q) => value(s, q))), index);
  return {
    kind: FACILITY_KIND[s0.kind],
    balance: scalar((s) => s.balance),
    undrawn: scalar((s) => s.undrawn),
    maturity: scalar((s) => s.maturity),
    fixed: flag((s) => s.rate.type === "fixed"),
    fixedRate: scalar((s) => (s.rate.type === "fixed" ? s.rate.annualRate : 0)),
    spread: scalar((s) => (s.rate.type === "floating" ? s.rate.spread : 0)),
    hasFloor: flag((s) => s.rate.type === "floating" && s.rate.floor !== null),
    floor: scalar((s) => (s.rate.type === "floating" ? (s.rate.floor ?? 0) : 0)),
    amortisation: code((s) => AMORTISATION[s.amortisation]),
    refinanceable: flag((s) => s.refinanceable),
    pikShare: scalar((s) => s.pikShare ?? 0),
    upfrontFeeRate: scalar((s) => s.upfrontFeeRate),
    commitmentFeePerQuarter: scalar((s) => s.commitmentFeePerQuarter),
    prepaymentPremium: scalar((s) => s.prepaymentPremium ?? 0),
    prepaymentCost: scalar((s) => s.prepaymentCost ?? 1),
    // A hedge of no notional is no hedge (`hedgedAnnualRate`).
    hedge: code((s) => (!s.hedge || s.hedge.notional === 0 ? NO_HEDGE : s.hedge.type === "swap" ? SWAP : CAP)),
    hedgeNotional: scalar((s) => s.hedge?.notional ?? 0),
    hedgeRate: scalar((s) => s.hedge?.rate ?? 0),
    hedgeUntil: scalar((s) => s.hedge?.until ?? -Infinity),
    draws: schedule((s, q) => (s.draws.size === 0 ? 0 : (s.draws.get(q) ?? 0))),
    prepayments: schedule((s, q) => s.prepayments?.get(q) ?? NaN),
    discount: schedule((s, q) => {
      if (s.discountPerQuarter === undefined || s.discountLastQuarter === undefined || q > s.discountLastQuarter) return 0;
      return q === s.discountLastQuarter ? s.discountLast! : s.discountPerQuarter;
    }),
    covenants: covenantLanes(states, scalar, code)
  };
}

/** A facility's covenants as slots over the lanes: as many as the most any lane's facility has. */
function covenantLanes(states: readonly FacilityState<number>[], scalar: (read: (s: FacilityState<number>) => number) => Float64Array, code: (read: (s: FacilityState<number>) => number) => Uint8Array): CovenantLanes[] {
  const slots = states.reduce((most, s) => Math.max(most, s.covenants?.length ?? 0), 0);
  return Array.from({length: slots}, (_, k) => {
    const at = (s: FacilityState<number>) => s.covenants?.[k];
    const of = (value: (c: NonNullable<ReturnType<typeof at>>) => number) => (s: FacilityState<number>) => { const c = at(s); return c ? value(c) : 0; };
    const read = (value: (c: NonNullable<ReturnType<typeof at>>) => number) => scalar(of(value));
    const kind = code(of((c) => COVENANT_KIND[c.kind]));
    return {
      kind,
      hasLiquidity: kind.includes(COVENANT_KIND.minimumLiquidity),
      hasRatio: kind.some((k) => k !== COVENANT_KIND.none && k !== COVENANT_KIND.minimumLiquidity),
      threshold: read((c) => c.threshold),
      breachBound: read((c) => c.breachBound),
      consequence: code(of((c) => COVENANT_CONSEQUENCE[c.consequence.type])),
      fee: read((c) => (c.consequence.type === "waiver" ? c.consequence.fee : 0)),
      spreadStepUp: read((c) => (c.consequence.type === "waiver" ? c.consequence.spreadStepUp : 0)),
      cureLimit: read((c) => (c.consequence.type === "equityCure" ? c.consequence.limit : 0))
    };
  });
}

/**
 * Keys for parts of inputs that are the same by value: the same object at once, else its
 * JSON, each object written once. A grid's cells are parsed one by one, so two cells with
 * the same growth have equal, not identical, revenue objects; they still share operations.
 */
class Interner {
  private readonly written = new WeakMap<object, number>();
  private readonly byText = new Map<string, number>();
  private readonly numbers = new Map<unknown, number>();
  private readonly byTuple = new Map<string, number>();

  key(parts: readonly unknown[]): number {
    if (parts.length === 1) return this.partKey(parts[0]);
    const tuple = parts.map((part) => this.partKey(part)).join(",");
    let key = this.byTuple.get(tuple);
    if (key === undefined) this.byTuple.set(tuple, key = -1 - this.byTuple.size);
    return key;
  }

  /** Objects and primitives numbered apart: objects from 0 up, primitives (a path of one value, undefined) from 2³⁰. */
  private partKey(part: unknown): number {
    if (typeof part !== "object" || part === null) {
      let id = this.numbers.get(part);
      if (id === undefined) this.numbers.set(part, id = 2 ** 30 + this.numbers.size);
      return id;
    }
    let id = this.written.get(part);
    if (id === undefined) {
      const text = JSON.stringify(part);
      id = this.byText.get(text);
      if (id === undefined) this.byText.set(text, id = this.byText.size);
      this.written.set(part, id);
    }
    return id;
  }
}
