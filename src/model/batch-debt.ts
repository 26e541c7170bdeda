import {FACILITY_LINES as FACILITY_ROW_LINES, type FacilityLine} from "./batch-lines.js";
import {ANNUITY, BULLET, CAP, FACILITY_KIND, NO_HEDGE, STRAIGHT_LINE, type FacilityLanes, type LaneProgram} from "./batch-lanes.js";
import type {LaneMemory} from "./batch-memory.js";
import {CENT_IN_MILLIONS} from "./metrics.js";

/**
 * Each facility of every lane through one quarter (src/model/facility-quarter.ts in float64,
 * facility by facility with the lanes inside): the scheduled draw, the rate, interest and
 * principal due, fees, and refinancing at maturity. Operation for operation the generic
 * engine's, so the figures are the single float projection's.
 */

/** A facility's state as the quarter loop changes it, lane by lane: a roll changes its terms in place. */
export interface FacilityLaneState {
  readonly balance: Float64Array;
  readonly undrawn: Float64Array;
  readonly maturity: Float64Array;
  readonly fixed: Uint8Array;
  /** The fixed rate; a waiver's step-up raises it. */
  readonly fixedRate: Float64Array;
  readonly spread: Float64Array;
  readonly hasFloor: Uint8Array;
  readonly amortisation: Uint8Array;
  readonly refinanceable: Uint8Array;
  readonly pikShare: Float64Array;
  /** A covenant waiver's fee agreed at the last quarter's end, paid with this quarter's fees. */
  readonly pendingFee: Float64Array;
  /** Per covenant slot: 1 once its waiver's step-up has been applied. */
  readonly stepped: readonly Uint8Array[];
  /** Per covenant slot: what its equity cures have put in so far. */
  readonly cured: readonly Float64Array[];
}

export function startingState(f: FacilityLanes, m: LaneMemory): FacilityLaneState {
  const n = f.balance.length;
  return {
    balance: m.copy(f.balance), undrawn: m.copy(f.undrawn), maturity: m.copy(f.maturity), fixed: m.copy(f.fixed), fixedRate: m.copy(f.fixedRate), spread: m.copy(f.spread),
    hasFloor: m.copy(f.hasFloor), amortisation: m.copy(f.amortisation), refinanceable: m.copy(f.refinanceable), pikShare: m.copy(f.pikShare),
    pendingFee: m.f64(n), stepped: f.covenants.map(() => m.u8(n)), cured: f.covenants.map(() => m.f64(n))
  };
}

/** The quarter's sums over the facilities, lane by lane, which the ledger books. */
export interface DebtService {
  readonly interest: Float64Array;
  readonly pikInterest: Float64Array;
  readonly fees: Float64Array;
  readonly principalDue: Float64Array;
  readonly refinanced: Float64Array;
  readonly scheduledDraws: Float64Array;
}

export type FacilityRows = Record<FacilityLine, Float64Array>;

/**
 * Facility `fi` of every lane (the first `n`, or the lanes in `only`) through quarter `q`,
 * adding to `sums` (in the facilities' order, as the ledger sums its rows) and, when asked,
 * writing its rows.
 */
export function stepFacilityLanes(p: LaneProgram, fi: number, s: FacilityLaneState, q: number, sums: DebtService, rows: FacilityRows | null, n = p.lanes, only: Int32Array | null = null): void {
  const f = p.facilities[fi]!;
  const term = f.kind === FACILITY_KIND.term, revolver = f.kind === FACILITY_KIND.revolver;
  const {balance, undrawn, maturity, fixed, fixedRate, spread, hasFloor, amortisation, refinanceable, pikShare, pendingFee} = s;
  const {floor, upfrontFeeRate, commitmentFeePerQuarter, hedge, hedgeNotional, hedgeRate, hedgeUntil} = f;
  const {averageBalance, shareRolled, refinancingSpread, refinancingTenor, refinancingFeeRate} = p;
  const {interest: sumInterest, pikInterest: sumPik, fees: sumFees, principalDue: sumDue, refinanced: sumRefinanced, scheduledDraws: sumDraws} = sums;
  // Each path read as values[base + lane × step] (step 0: one value for every lane).
  const rates = p.baseRate.values, rateAt = q * p.baseRate.quarterStride, rateStep = p.baseRate.laneStride;
  const draws = f.draws.values, drawAt = q * f.draws.quarterStride, drawStep = f.draws.laneStride;
  const discounts = f.discount.values, discountAt = q * f.discount.quarterStride, discountStep = f.discount.laneStride;
  const open = p.open.values, openAt = q * p.open.quarterStride, openStep = p.open.laneStride;
  // The annuity's denominator for the last rate and term seen: lanes on the same rate share it.
  const annuity: AnnuityDenominator = {rate: NaN, periods: NaN, denominator: NaN};
  const count = only ? only.length : n;
  for (let j = 0; j < count; j++) {
    const l = only ? only[j]! : j;
    const baseRate = rates[rateAt + l * rateStep]!;
    const opening = balance[l]!;
    let mat = maturity[l]!;
    // A repaid term loan with nothing left to draw and no waiver's fee owed books zeros (`isRetired`).
    if (term && opening === 0 && undrawn[l] === 0 && q !== mat && pendingFee[l] === 0) {
      if (rows) {
        retiredRow(rows, l, opening, discounts[discountAt + l * discountStep]!);
        rows.annualRate[l] = annualRate(fixed[l]!, fixedRate[l]!, spread[l]!, hasFloor[l]!, floor[l]!, hedge[l]!, hedgeNotional[l]!, hedgeRate[l]!, hedgeUntil[l]!, baseRate, q, 0);
      }
      continue;
    }
    const draw = draws[drawAt + l * drawStep]!;
    const left = undrawn[l]! - draw;
    undrawn[l] = left;
    const b = opening + draw;
    const rate = fixed[l] ? fixedRate[l]! : annualRate(0, 0, spread[l]!, hasFloor[l]!, floor[l]!, hedge[l]!, hedgeNotional[l]!, hedgeRate[l]!, hedgeUntil[l]!, baseRate, q, b);
    const periodRate = rate / 4;
    const k = q >= mat ? 0 : pikShare[l]!;
    const amort = amortisation[l]!;
    let interest: number, principalDue: number;
    if (!averageBalance[l]) {
      interest = b * periodRate;
      principalDue = q >= mat ? b : amort === BULLET ? 0 : amort === STRAIGHT_LINE ? b / (mat - q + 1) : annuityPayment(periodRate, mat - q + 1, b, annuity) - interest;
    } else if (amort === ANNUITY && q < mat) {
      // Interest on the average balance, in closed form (`averageAnnuityInterest`, `averageBalanceInterest`).
      const payment = annuityPayment(periodRate, mat - q + 1, b, annuity);
      interest = ((b + b) - payment) * (periodRate / (2 - periodRate));
      principalDue = payment - interest;
    } else {
      principalDue = scheduledPrincipal(amort, mat, q, b, 0, periodRate, annuity);
      const mean = b - principalDue * 0.5;
      interest = k === 0 ? periodRate * mean : mean * (periodRate / (1 - periodRate * (k * 0.5)));
    }
    const pik = interest * k;
    let fees = draw * upfrontFeeRate[l]! + left * commitmentFeePerQuarter[l]!;
    // A waiver's fee agreed last quarter (`chargeFees`), then no longer owed.
    const waiverFee = pendingFee[l]!;
    if (waiverFee !== 0) {
      fees = fees + waiverFee;
      pendingFee[l] = 0;
    }
    let refinanced = 0;
    // Refinancing at maturity (`rollAtMaturity`): the rolled share stays, floating at base + the new spread, bullet.
    if (q === mat && refinanceable[l] && open[openAt + l * openStep] && shareRolled[l]! > 0) {
      refinanced = principalDue * shareRolled[l]!;
      fixed[l] = 0;
      spread[l] = refinancingSpread[l]!;
      hasFloor[l] = 0;
      amortisation[l] = BULLET;
      maturity[l] = mat = q + refinancingTenor[l]!;
      fees = fees + refinanced * refinancingFeeRate[l]!;
      pikShare[l] = 0;
    }
    const closing = ((b - principalDue) + refinanced) + pik;
    balance[l] = closing;
    if (revolver && q === mat) undrawn[l] = 0;
    sumInterest[l] = sumInterest[l]! + interest;
    sumPik[l] = sumPik[l]! + pik;
    sumFees[l] = sumFees[l]! + fees;
    sumDue[l] = sumDue[l]! + principalDue;
    sumRefinanced[l] = sumRefinanced[l]! + refinanced;
    sumDraws[l] = sumDraws[l]! + draw;
    if (rows) {
      rows.opening[l] = opening; rows.drawn[l] = draw; rows.annualRate[l] = rate; rows.interest[l] = interest; rows.pikInterest[l] = pik;
      rows.discountAmortisation[l] = discounts[discountAt + l * discountStep]!; rows.fees[l] = fees; rows.principalDue[l] = principalDue; rows.refinanced[l] = refinanced;
      rows.repaid[l] = principalDue - refinanced; rows.prepaid[l] = 0; rows.prepaymentPremium[l] = 0; rows.closing[l] = closing;
    }
  }
}

interface AnnuityDenominator {
  rate: number;
  periods: number;
  denominator: number;
}

function retiredRow(rows: FacilityRows, l: number, opening: number, discount: number): void {
  rows.opening[l] = opening; rows.drawn[l] = 0; rows.interest[l] = 0; rows.pikInterest[l] = 0; rows.discountAmortisation[l] = discount;
  rows.fees[l] = 0; rows.principalDue[l] = 0; rows.refinanced[l] = 0; rows.repaid[l] = 0; rows.prepaid[l] = 0; rows.prepaymentPremium[l] = 0; rows.closing[l] = 0;
}

/**
 * The annual rate borne (`annualRateFor`, `hedgedAnnualRate`): fixed; or the base raised to
 * any floor plus the spread, with a swap's fixed rate or a biting cap's strike on the hedged
 * share of the balance (all of it below a cent).
 */
function annualRate(fixed: number, fixedRate: number, spread: number, hasFloor: number, floor: number, hedge: number, notional: number, hedgeRate: number, until: number, baseRate: number, q: number, balance: number): number {
  if (fixed) return fixedRate;
  const base = hasFloor ? (baseRate >= floor ? baseRate : floor) : baseRate;
  if (hedge === NO_HEDGE || q > until) return base + spread;
  if (hedge === CAP && !(hedgeRate < base)) return base + spread;
  if (!(balance > notional && balance > CENT_IN_MILLIONS)) return hedgeRate + spread;
  const share = notional / balance;
  return (base + share * (hedgeRate - base)) + spread;
}

/** `scheduledPrincipal`: all of it at maturity; before, nothing, an equal share of the quarters left, or what the level payment leaves. */
function scheduledPrincipal(amortisation: number, maturity: number, q: number, balance: number, quarterInterest: number, periodRate: number, last: AnnuityDenominator): number {
  if (q >= maturity) return balance;
  const quartersLeft = maturity - q + 1;
  if (amortisation === BULLET) return 0;
  if (amortisation === STRAIGHT_LINE) return balance / quartersLeft;
  return annuityPayment(periodRate, quartersLeft, balance, last) - quarterInterest;
}

/**
 * `annuityPayment` in float: P·r / (1 − (1 + r)^−n), or P / n below 1e-12 a period. The
 * denominator, two transcendental calls, is kept in `last` for the next lane: the same rate
 * and term give the same one.
 */
function annuityPayment(periodRate: number, periods: number, principal: number, last: AnnuityDenominator): number {
  if (-1e-12 < periodRate && periodRate < 1e-12) return principal / periods;
  if (periodRate !== last.rate || periods !== last.periods) {
    last.rate = periodRate;
    last.periods = periods;
    last.denominator = -Math.expm1(-periods * Math.log1p(periodRate));
  }
  return (principal * periodRate) / last.denominator;
}

/**
 * Term loans that step alike across lanes step once for them all. Lanes book the figures
 * their loan's step gives, and the same inputs give the same figures, so each lane books what
 * it would have computed itself. Three ways:
 *
 * - **Shared** (one step, in lane 0): the loan is the same in every lane — the same terms,
 *   schedule and state, as a fixed-rate note is in a grid of rates against growth. While a loan
 *   is shared its state is held in lane 0 only. It stops being shared, its state copied to every
 *   lane first, when a step would read something lanes differ in: a floating rate on a
 *   reference rate that differs by lane, or a roll at maturity on markets or refinancing terms
 *   that do.
 * - **Grouped** (one step per group, in the group's first lane): lanes fall in groups that
 *   read the same reference rate (and, for a loan that can roll, the same markets and
 *   refinancing terms), as a floating-rate loan does down a grid's rate column. Each lane's
 *   state is held in its group's first lane. A group never splits: everything its loan's step
 *   reads is the same within it.
 *
 * - **Split** (one step for the balance, in lane 0; the rate and interest lane by lane): a
 *   floating loan that the rate cannot move (due at maturity or in equal shares, interest at
 *   the quarter's end, none in kind), in a simulation whose paths each draw their own rate.
 *   A roll at maturity on each path's own markets steps the lanes apart for that quarter;
 *   after it the loan is split again (`resplit`) over the paths that rolled, which hold the
 *   same new loan, the paths that repaid it booking nothing. On the real company's 2,000
 *   paths of the story page, whose sixteen loans all mature and roll within the horizon,
 *   that made the paths 0.82× as long (paired in one process).
 *
 * The quarter's end never touches any of them: a loan with a prepayment, or any loan where
 * some lane sweeps cash, is neither shared, grouped nor split.
 */
export class SharedLoans {
  readonly shared: boolean[];
  /** Per facility: its balance held in lane 0, its rate and interest computed lane by lane (`stepSplit`). */
  readonly split: boolean[];
  /** Per facility: stepped once per class of lanes (`classOf`). */
  readonly grouped: boolean[];
  /** Each lane's class's first lane: the grouping of the grouped loans, or one class of every lane where none is grouped. */
  readonly classOf: Int32Array;
  /** The classes' first lanes, ascending. */
  private readonly firsts: Int32Array;
  private readonly one: DebtService;
  private readonly oneRows: FacilityRows | null;
  private readonly groupSums: DebtService;
  private readonly groupRows: FacilityRows | null;
  private readonly sameRefinancing: boolean;
  /**
   * Per split loan: the lanes whose state lane 0 holds, or null for every lane. The others
   * have repaid the loan (`repaidBy`): they book nothing and their own state stays theirs.
   */
  private readonly live: Array<Uint8Array | null>;
  /** Per split loan: lane 0's own state, kept while lane 0 holds another lane's (lane 0 repaid). */
  private readonly lane0: Array<number[] | null>;
  /** Per facility: a loan that may be split again after its lanes stepped apart (`resplit`). */
  private readonly mayResplit: boolean[];

  constructor(private readonly p: LaneProgram, anySweep: boolean, recordRows: boolean) {
    const same = (values: ArrayLike<number>) => Array.prototype.every.call(values, (v: number) => v === values[0]);
    const sameConvention = same(p.averageBalance);
    // A loan with covenants changes its terms lane by lane on a breach (batch-covenants.ts): never shared.
    const alike = p.facilities.map((f) => p.lanes > 1 && p.sameFacilities && sameConvention && !anySweep && f.kind === FACILITY_KIND.term && f.prepayments.values.every(Number.isNaN) && f.covenants.length === 0);
    this.sameRefinancing = p.open.laneStride === 0 && same(p.shareRolled) && same(p.refinancingSpread) && same(p.refinancingTenor) && same(p.refinancingFeeRate);
    // Loans that differ by lane only through the reference rate (and, if they can roll, the
    // markets and terms) are grouped, all by one grouping fine enough for each of them.
    const rateBound = p.facilities.map((f, fi) => alike[fi]! && !this.sharedFromStart(f.fixed[0]!, f.refinanceable[0]!));
    const readsRate = p.facilities.some((f, fi) => rateBound[fi] && (!f.fixed[0] || f.refinanceable[0]));
    const readsRefinancing = p.facilities.some((f, fi) => rateBound[fi] && f.refinanceable[0]);
    const joint = rateBound.some(Boolean) ? groupsFor(p, readsRate, readsRefinancing) : null;
    this.grouped = rateBound.map((b) => b && joint !== null);
    // Floating loans whose balance the rate cannot move (a simulation's, each lane on its own
    // rate path): one step for the balance, the rate and interest lane by lane.
    // A loan in a batch that can hold any split loan may be split again after a roll (`resplit`).
    this.mayResplit = alike.map((a) => a && !joint && !recordRows && p.averageBalance[0] === 0);
    this.split = p.facilities.map((f, fi) => rateBound[fi]! && this.mayResplit[fi]! && rateCannotMoveBalance(f.fixed[0]!, f.pikShare[0]!, f.amortisation[0]!));
    this.shared = alike.map((a, fi) => a && !this.grouped[fi] && !this.split[fi]);
    this.live = p.facilities.map(() => null);
    this.lane0 = p.facilities.map(() => null);
    this.classOf = joint ?? new Int32Array(p.lanes);
    this.firsts = Int32Array.from(new Set(this.classOf));
    const m = p.memory;
    const lanes = (size: number) => ({interest: m.f64(size), pikInterest: m.f64(size), fees: m.f64(size), principalDue: m.f64(size), refinanced: m.f64(size), scheduledDraws: m.f64(size)});
    const rowLanes = (size: number) => (recordRows ? Object.fromEntries(FACILITY_ROW_LINES.map((line) => [line, m.f64(size)])) as FacilityRows : null);
    this.one = lanes(1);
    this.oneRows = rowLanes(1);
    this.groupSums = lanes(joint ? p.lanes : 0);
    this.groupRows = rowLanes(joint ? p.lanes : 0);
  }

  /**
   * Every facility through quarter `q`, in order, adding to `sums` (zero at the quarter's
   * start). The leading run of shared and grouped loans is summed at each class's first lane
   * only and copied to the class's other lanes once: until the first loan stepped lane by
   * lane, every lane of a class has added the same figures in the same order. Where rows are
   * recorded, each loan books its own.
   */
  stepAll(state: readonly FacilityLaneState[], q: number, sums: DebtService, rows: readonly FacilityRows[] | null): void {
    let f = 0;
    if (!rows) {
      const firsts = this.firsts, n = this.p.lanes;
      for (; f < state.length; f++) {
        const s = state[f]!;
        if (this.grouped[f]) {
          stepFacilityLanes(this.p, f, s, q, sums, null, n, firsts);
        } else if (this.shared[f] && this.canShare(s, q)) {
          const one = this.one;
          zeroAt(one, 0);
          stepFacilityLanes(this.p, f, s, q, one, null, 1);
          addToLanes(sums, one, firsts.length, firsts);
        } else {
          break;
        }
      }
      if (f > 0) {
        const of = this.classOf;
        for (let l = 0; l < n; l++) {
          const r = of[l]!;
          if (r === l) continue;
          sums.interest[l] = sums.interest[r]!; sums.pikInterest[l] = sums.pikInterest[r]!; sums.fees[l] = sums.fees[r]!;
          sums.principalDue[l] = sums.principalDue[r]!; sums.refinanced[l] = sums.refinanced[r]!; sums.scheduledDraws[l] = sums.scheduledDraws[r]!;
        }
      }
    }
    for (; f < state.length; f++) this.step(f, state[f]!, q, sums, rows ? rows[f]! : null);
  }

  /** Facility `fi` through quarter `q` in every lane: once, if it is still shared; once a group, if grouped. */
  step(fi: number, s: FacilityLaneState, q: number, sums: DebtService, rows: FacilityRows | null): void {
    if (this.grouped[fi]) {
      this.stepGroups(fi, s, q, sums, rows);
      return;
    }
    // Whether the loan's lanes step apart this quarter, to be split again after if they can.
    let parting = false;
    if (this.split[fi]) {
      if (this.canSplit(s, q)) {
        this.stepSplit(fi, s, q, sums);
        return;
      }
      this.unsplit(fi, s);
      parting = true;
    }
    if (this.shared[fi] && !this.canShare(s, q)) {
      holdInEveryLane(s);
      this.shared[fi] = false;
      parting = true;
    }
    if (!this.shared[fi]) {
      stepFacilityLanes(this.p, fi, s, q, sums, rows);
      if (parting && this.mayResplit[fi]) this.resplit(fi, s, q);
      return;
    }
    const one = this.one;
    zeroAt(one, 0);
    stepFacilityLanes(this.p, fi, s, q, one, this.oneRows, 1);
    addToLanes(sums, one, this.p.lanes, null);
    if (rows && this.oneRows) for (const line of FACILITY_ROW_LINES) rows[line].fill(this.oneRows[line][0]!);
  }

  /**
   * The closing balances of the leading run of shared and grouped loans into `debt` (zero),
   * in the loans' order: summed at each class's first lane, then copied to the class's other
   * lanes, every one of which would have added the same balances in the same order. How many
   * loans that run holds.
   */
  addLeadingBalances(state: readonly FacilityLaneState[], debt: Float64Array): number {
    const firsts = this.firsts;
    let f = 0;
    for (; f < state.length && (this.grouped[f] || this.shared[f]); f++) {
      const balance = state[f]!.balance;
      if (this.grouped[f]) {
        for (let j = 0; j < firsts.length; j++) { const l = firsts[j]!; debt[l] = debt[l]! + balance[l]!; }
      } else {
        const b = balance[0]!;
        for (let j = 0; j < firsts.length; j++) { const l = firsts[j]!; debt[l] = debt[l]! + b; }
      }
    }
    if (f > 0) {
      const of = this.classOf;
      for (let l = 0; l < this.p.lanes; l++) if (of[l] !== l) debt[l] = debt[of[l]!]!;
    }
    return f;
  }

  private stepGroups(fi: number, s: FacilityLaneState, q: number, sums: DebtService, rows: FacilityRows | null): void {
    const firsts = this.firsts, g = this.groupSums, n = this.p.lanes, of = this.classOf;
    for (let j = 0; j < firsts.length; j++) zeroAt(g, firsts[j]!);
    stepFacilityLanes(this.p, fi, s, q, g, this.groupRows, n, firsts);
    for (let l = 0; l < n; l++) addAt(sums, l, g, of[l]!);
    if (rows && this.groupRows) {
      for (const line of FACILITY_ROW_LINES) {
        const from = this.groupRows[line], to = rows[line];
        for (let l = 0; l < n; l++) to[l] = from[of[l]!]!;
      }
    }
  }

  /**
   * A floating loan, due at maturity or in equal shares, interest on the balance at the
   * quarter's end and none of it capitalised: its balance, draws, fees and principal are the
   * same in every lane whatever the rate, so they are stepped once, in lane 0; each lane's rate
   * and interest are then computed as the lane's own step computes them (`stepFacilityLanes`,
   * the end-of-period branch). A loan that pays nothing and has nothing left to draw books
   * nothing, as there.
   */
  private stepSplit(fi: number, s: FacilityLaneState, q: number, sums: DebtService): void {
    const p = this.p, f = p.facilities[fi]!, one = this.one, n = p.lanes;
    if (f.kind === FACILITY_KIND.term && s.balance[0] === 0 && s.undrawn[0] === 0 && q !== s.maturity[0]) return;
    const opening = s.balance[0]!;
    zeroAt(one, 0);
    // The terms read before the step: a roll at maturity changes them for the quarters after.
    const spread = s.spread[0]!, hasFloor = s.hasFloor[0]!, floor = f.floor[0]!, hedge = f.hedge[0]!, notional = f.hedgeNotional[0]!, hedgeRate = f.hedgeRate[0]!, until = f.hedgeUntil[0]!;
    const k = q >= s.maturity[0]! ? 0 : s.pikShare[0]!;
    stepFacilityLanes(p, fi, s, q, one, null, 1);
    const b = opening + one.scheduledDraws[0]!;
    const fees = one.fees[0]!, due = one.principalDue[0]!, refinanced = one.refinanced[0]!, draws = one.scheduledDraws[0]!;
    const rates = p.baseRate.values, rateAt = q * p.baseRate.quarterStride, rateStep = p.baseRate.laneStride;
    const sumInterest = sums.interest, sumPik = sums.pikInterest;
    const live = this.liveLanes(fi);
    for (let l = 0; l < n; l++) {
      // Lanes that repaid the loan book nothing, as their own step books a repaid loan.
      if (live !== null && live[l] === 0) continue;
      const rate = annualRate(0, 0, spread, hasFloor, floor, hedge, notional, hedgeRate, until, rates[rateAt + l * rateStep]!, q, b);
      const interest = b * (rate / 4);
      sumInterest[l] = sumInterest[l]! + interest;
      // A zero added changes no sum (`addToLanes`): nothing paid in kind adds nothing.
      if (k !== 0) sumPik[l] = sumPik[l]! + interest * k;
    }
    addLineWhere(sums.fees, fees, n, live);
    addLineWhere(sums.principalDue, due, n, live);
    addLineWhere(sums.refinanced, refinanced, n, live);
    addLineWhere(sums.scheduledDraws, draws, n, live);
  }

  /** The lanes a loan's state in lane 0 stands for: null for every lane (always, for a shared loan), or a split loan's mask (1 where it does; the other lanes repaid it). */
  liveLanes(fi: number): Uint8Array | null {
    return this.live[fi] ?? null;
  }

  /** A split loan's state, held in lane 0, copied to the lanes it stands for; lane 0's own put back. */
  private unsplit(fi: number, s: FacilityLaneState): void {
    this.split[fi] = false;
    const live = this.live[fi], own = this.lane0[fi];
    this.live[fi] = null;
    this.lane0[fi] = null;
    if (!live) {
      holdInEveryLane(s);
      return;
    }
    stateColumns(s).forEach((values, c) => {
      const held = values[0]!;
      for (let l = 0; l < values.length; l++) if (live[l] === 1) values[l] = held;
      if (own) values[0] = own[c]!;
    });
  }

  /**
   * After a quarter stepped lane by lane (a roll at maturity on markets that differ by lane:
   * a simulation's paths), the loan is split again if it can be: every lane that still owes
   * it holds the same state, a floating loan that the rate cannot move, and every other lane
   * has repaid it (`repaidBy`). Lane 0 then holds that state for them all, its own kept
   * aside if it repaid. Where lanes differ, the loan stays lane by lane.
   */
  private resplit(fi: number, s: FacilityLaneState, q: number): void {
    const columns = stateColumns(s), n = this.p.lanes;
    const live = this.p.memory.u8(n);
    let first = -1, all = true;
    for (let l = 0; l < n; l++) {
      if (repaidBy(s, l, q)) { all = false; continue; }
      if (first === -1) first = l;
      else if (!columns.every((values) => sameNumber(values[l]!, values[first]!))) return;
      live[l] = 1;
    }
    if (first === -1 || !rateCannotMoveBalance(s.fixed[first]!, s.pikShare[first]!, s.amortisation[first]!)) return;
    if (first !== 0) {
      this.lane0[fi] = columns.map((values) => values[0]!);
      for (const values of columns) values[0] = values[first]!;
    }
    this.live[fi] = all ? null : live;
    this.split[fi] = true;
  }

  /** Whether a split loan still is one: no roll this quarter on markets or terms that differ by lane, and still of a kind the rate cannot move. */
  private canSplit(s: FacilityLaneState, q: number): boolean {
    if (q === s.maturity[0] && s.refinanceable[0] && !this.sameRefinancing) return false;
    return rateCannotMoveBalance(s.fixed[0]!, s.pikShare[0]!, s.amortisation[0]!);
  }

  /** A loan every lane shares at the start, held in lane 0 for as long as it can be. */
  private sharedFromStart(fixed: number, refinanceable: number): boolean {
    return (fixed === 1 || this.p.baseRate.laneStride === 0) && (!refinanceable || this.sameRefinancing);
  }

  private canShare(s: FacilityLaneState, q: number): boolean {
    if (!s.fixed[0] && this.p.baseRate.laneStride !== 0) return false;
    return !(q === s.maturity[0] && s.refinanceable[0]) || this.sameRefinancing;
  }
}

/** Lane `l`'s debt service, zeroed. */
function zeroAt(d: DebtService, l: number): void {
  d.interest[l] = 0; d.pikInterest[l] = 0; d.fees[l] = 0; d.principalDue[l] = 0; d.refinanced[l] = 0; d.scheduledDraws[l] = 0;
}

/**
 * A loan's figures that are the same in every lane (lane 0 of `one`) added to lanes [0, n),
 * or to the `n` lanes in `only`, line by line. A line at zero is skipped: it would change no
 * sum, since x + 0 is x for every x but −0, and a sum that starts at +0 never becomes −0 (an
 * exact cancellation gives +0), while x + −0 is x for every x. Most of a loan's lines are
 * zero in most quarters (fees, draws, refinancing; principal but at maturity for a bullet),
 * and a repaid loan's are all zero.
 */
function addToLanes(to: DebtService, one: DebtService, n: number, only: Int32Array | null): void {
  addLine(to.interest, one.interest[0]!, n, only);
  addLine(to.pikInterest, one.pikInterest[0]!, n, only);
  addLine(to.fees, one.fees[0]!, n, only);
  addLine(to.principalDue, one.principalDue[0]!, n, only);
  addLine(to.refinanced, one.refinanced[0]!, n, only);
  addLine(to.scheduledDraws, one.scheduledDraws[0]!, n, only);
}

function addLine(to: Float64Array, value: number, n: number, only: Int32Array | null): void {
  if (value === 0) return;
  if (only) {
    for (let j = 0; j < n; j++) { const l = only[j]!; to[l] = to[l]! + value; }
  } else {
    for (let l = 0; l < n; l++) to[l] = to[l]! + value;
  }
}

/** Lane `r` of `from` added to lane `l` of `to`, line by line. */
function addAt(to: DebtService, l: number, from: DebtService, r: number): void {
  to.interest[l] = to.interest[l]! + from.interest[r]!;
  to.pikInterest[l] = to.pikInterest[l]! + from.pikInterest[r]!;
  to.fees[l] = to.fees[l]! + from.fees[r]!;
  to.principalDue[l] = to.principalDue[l]! + from.principalDue[r]!;
  to.refinanced[l] = to.refinanced[l]! + from.refinanced[r]!;
  to.scheduledDraws[l] = to.scheduledDraws[l]! + from.scheduledDraws[r]!;
}

/**
 * A floating loan whose balance no rate can move: due at maturity or in equal shares, none of
 * its interest capitalised. Such a loan can be split (its interest at the quarter's end is
 * the batch's to check).
 */
function rateCannotMoveBalance(fixed: number, pikShare: number, amortisation: number): boolean {
  return fixed === 0 && pikShare === 0 && (amortisation === BULLET || amortisation === STRAIGHT_LINE);
}

/** Every column of a loan's state, lane by lane. */
function stateColumns(s: FacilityLaneState): Array<Float64Array | Int32Array | Uint8Array> {
  return [s.balance, s.undrawn, s.maturity, s.fixed, s.fixedRate, s.spread, s.hasFloor, s.amortisation, s.refinanceable, s.pikShare, s.pendingFee];
}

/** A loan's state, held in lane 0 while it was shared, copied to every lane. */
function holdInEveryLane(s: FacilityLaneState): void {
  for (const values of stateColumns(s)) values.fill(values[0]!);
}

/**
 * Whether lane `l` has repaid the loan for good by the end of quarter `q`: nothing owed,
 * nothing left to draw, no fee pending, its maturity passed. Its step books nothing in every
 * quarter after (`stepFacilityLanes`, a retired term loan) and changes none of its state.
 */
function repaidBy(s: FacilityLaneState, l: number, q: number): boolean {
  return s.balance[l] === 0 && s.undrawn[l] === 0 && s.pendingFee[l] === 0 && s.maturity[l]! <= q;
}

/** The same number, NaN as NaN. */
function sameNumber(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** `value` added to lanes [0, n), or to those of them `live` marks 1; a zero skipped, as in `addLine`. */
function addLineWhere(to: Float64Array, value: number, n: number, live: Uint8Array | null): void {
  if (live === null) return addLine(to, value, n, null);
  if (value === 0) return;
  for (let l = 0; l < n; l++) if (live[l] === 1) to[l] = to[l]! + value;
}

/**
 * Each lane's group's first lane, for loans whose step reads the reference rate (`readsRate`:
 * floating, or able to roll onto a floating rate) and the markets and refinancing terms
 * (`readsRefinancing`: able to roll); null where the batch has no such classes (a
 * simulation's drawn paths) or too few lanes share one for grouping to pay.
 */
function groupsFor(p: LaneProgram, readsRate: boolean, readsRefinancing: boolean): Int32Array | null {
  const rate = readsRate ? p.baseRateClass : null;
  const refinancing = readsRefinancing ? p.refinancingClass : null;
  if ((readsRate && !rate) || (readsRefinancing && !refinancing)) return null;
  const firstOf = new Map<number, number>();
  const of = new Int32Array(p.lanes);
  // Class numbers are below the lane count, so a pair of them is one exact number.
  const width = p.lanes + 1;
  for (let l = 0; l < p.lanes; l++) {
    const key = (rate ? rate[l]! : 0) * width + (refinancing ? refinancing[l]! : 0);
    let first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, first = l);
    of[l] = first;
  }
  return firstOf.size * 2 <= p.lanes ? of : null;
}
