import {FACILITY_LINES as FACILITY_ROW_LINES, type FacilityLine} from "./batch-lines.js";
import {ANNUITY, BULLET, CAP, FACILITY_KIND, NO_HEDGE, STRAIGHT_LINE, type FacilityLanes, type LaneProgram} from "./batch-lanes.js";
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
  readonly spread: Float64Array;
  readonly hasFloor: Uint8Array;
  readonly amortisation: Uint8Array;
  readonly refinanceable: Uint8Array;
  readonly pikShare: Float64Array;
}

export function startingState(f: FacilityLanes): FacilityLaneState {
  return {
    balance: f.balance.slice(), undrawn: f.undrawn.slice(), maturity: f.maturity.slice(), fixed: f.fixed.slice(), spread: f.spread.slice(),
    hasFloor: f.hasFloor.slice(), amortisation: f.amortisation.slice(), refinanceable: f.refinanceable.slice(), pikShare: f.pikShare.slice()
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
 * Facility `fi` of every lane (the first `n`) through quarter `q`, adding to `sums` (in the
 * facilities' order, as the ledger sums its rows) and, when asked, writing its rows.
 */
export function stepFacilityLanes(p: LaneProgram, fi: number, s: FacilityLaneState, q: number, sums: DebtService, rows: FacilityRows | null, n = p.lanes): void {
  const f = p.facilities[fi]!;
  const term = f.kind === FACILITY_KIND.term, revolver = f.kind === FACILITY_KIND.revolver;
  const {balance, undrawn, maturity, fixed, spread, hasFloor, amortisation, refinanceable, pikShare} = s;
  const {fixedRate, floor, upfrontFeeRate, commitmentFeePerQuarter, hedge, hedgeNotional, hedgeRate, hedgeUntil} = f;
  const {averageBalance, shareRolled, refinancingSpread, refinancingTenor, refinancingFeeRate} = p;
  const {interest: sumInterest, pikInterest: sumPik, fees: sumFees, principalDue: sumDue, refinanced: sumRefinanced, scheduledDraws: sumDraws} = sums;
  // Each path read as values[base + lane × step] (step 0: one value for every lane).
  const rates = p.baseRate.values, rateAt = q * p.baseRate.quarterStride, rateStep = p.baseRate.laneStride;
  const draws = f.draws.values, drawAt = q * f.draws.quarterStride, drawStep = f.draws.laneStride;
  const discounts = f.discount.values, discountAt = q * f.discount.quarterStride, discountStep = f.discount.laneStride;
  const open = p.open.values, openAt = q * p.open.quarterStride, openStep = p.open.laneStride;
  // The annuity's denominator for the last rate and term seen: lanes on the same rate share it.
  const annuity: AnnuityDenominator = {rate: NaN, periods: NaN, denominator: NaN};
  for (let l = 0; l < n; l++) {
    const baseRate = rates[rateAt + l * rateStep]!;
    const opening = balance[l]!;
    let mat = maturity[l]!;
    // A repaid term loan with nothing left to draw books zeros (`isRetired`).
    if (term && opening === 0 && undrawn[l] === 0 && q !== mat) {
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
 * Term loans the same in every lane — the same terms, schedule and state, as a fixed-rate
 * note is in a grid of rates against growth — step once, in lane 0, and every lane books that
 * lane's figures: the same inputs give the same figures, so this is what each lane would have
 * computed. While a loan is shared its state is held in lane 0 only. It stops being shared,
 * its state copied to every lane first, when a step would read something lanes differ in: a
 * floating rate on a reference rate that differs by lane, or a roll at maturity on markets or
 * refinancing terms that do. The quarter's end never touches a shared loan: a loan with a
 * prepayment, or any loan where some lane sweeps cash, is never shared.
 */
export class SharedLoans {
  readonly shared: boolean[];
  private readonly one: DebtService;
  private readonly oneRows: FacilityRows | null;
  private readonly sameRefinancing: boolean;

  constructor(private readonly p: LaneProgram, anySweep: boolean, recordRows: boolean) {
    const same = (values: ArrayLike<number>) => Array.prototype.every.call(values, (v: number) => v === values[0]);
    const sameConvention = same(p.averageBalance);
    this.shared = p.facilities.map((f) => p.lanes > 1 && p.sameFacilities && sameConvention && !anySweep && f.kind === FACILITY_KIND.term && f.prepayments.values.every(Number.isNaN));
    this.sameRefinancing = p.open.laneStride === 0 && same(p.shareRolled) && same(p.refinancingSpread) && same(p.refinancingTenor) && same(p.refinancingFeeRate);
    const single = () => new Float64Array(1);
    this.one = {interest: single(), pikInterest: single(), fees: single(), principalDue: single(), refinanced: single(), scheduledDraws: single()};
    this.oneRows = recordRows ? Object.fromEntries(FACILITY_ROW_LINES.map((line) => [line, single()])) as FacilityRows : null;
  }

  /** Facility `fi` through quarter `q` in every lane: once, if it is still shared. */
  step(fi: number, s: FacilityLaneState, q: number, sums: DebtService, rows: FacilityRows | null): void {
    if (this.shared[fi] && !this.canShare(s, q)) {
      for (const values of [s.balance, s.undrawn, s.maturity, s.fixed, s.spread, s.hasFloor, s.amortisation, s.refinanceable, s.pikShare]) values.fill(values[0]!);
      this.shared[fi] = false;
    }
    if (!this.shared[fi]) {
      stepFacilityLanes(this.p, fi, s, q, sums, rows);
      return;
    }
    const one = this.one;
    for (const values of Object.values(one)) values[0] = 0;
    stepFacilityLanes(this.p, fi, s, q, one, this.oneRows, 1);
    const interest = one.interest[0]!, pik = one.pikInterest[0]!, fees = one.fees[0]!, due = one.principalDue[0]!, refinanced = one.refinanced[0]!, draws = one.scheduledDraws[0]!;
    for (let l = 0; l < this.p.lanes; l++) {
      sums.interest[l] = sums.interest[l]! + interest;
      sums.pikInterest[l] = sums.pikInterest[l]! + pik;
      sums.fees[l] = sums.fees[l]! + fees;
      sums.principalDue[l] = sums.principalDue[l]! + due;
      sums.refinanced[l] = sums.refinanced[l]! + refinanced;
      sums.scheduledDraws[l] = sums.scheduledDraws[l]! + draws;
    }
    if (rows && this.oneRows) for (const line of FACILITY_ROW_LINES) rows[line].fill(this.oneRows[line][0]!);
  }

  private canShare(s: FacilityLaneState, q: number): boolean {
    if (!s.fixed[0] && this.p.baseRate.laneStride !== 0) return false;
    return !(q === s.maturity[0] && s.refinanceable[0]) || this.sameRefinancing;
  }
}
