import {COVENANT_CONSEQUENCE, COVENANT_KIND, type LaneProgram} from "./batch-lanes.js";
import type {FacilityLaneState} from "./batch-debt.js";
import type {QuarterLedger, QuarterMetrics} from "./batch-quarter.js";
import {CENT_IN_MILLIONS} from "./metrics.js";

/**
 * Maintenance covenants at the quarter's end over the lanes (covenants.ts in float64, test
 * for test in its order): what a breach brings changes the lane's own facility state — a
 * waiver's fee owed and its step-up in the rate, an equity cure's use, an acceleration's new
 * maturity — so a loan with covenants is stepped lane by lane (batch-debt.ts never shares it).
 * The tests skip nothing the single projection's bounds would not: a bound only lets a
 * quarter clear of every threshold skip tests that would all pass.
 */

/**
 * A program's covenant tests, run facility by facility over the lanes: each lane still meets
 * its covenants in the single projection's order (facility by facility, each facility's in
 * the input's order), with its own running cure.
 */
export class CovenantTests {
  readonly liquidity: boolean;
  readonly ratios: boolean;
  private readonly available: Float64Array;
  private readonly cure: Float64Array;

  constructor(private readonly p: LaneProgram) {
    const slots = p.facilities.flatMap((f) => f.covenants);
    this.liquidity = slots.some((c) => c.hasLiquidity);
    this.ratios = slots.some((c) => c.hasRatio);
    this.available = p.memory.f64(this.liquidity ? p.lanes : 0);
    this.cure = p.memory.f64(this.liquidity ? p.lanes : 0);
  }

  /**
   * Minimum-liquidity covenants (`cureLiquidity`, `testLiquidityCovenants`): liquidity is the
   * closing cash plus the undrawn revolver, with what earlier cures put in this quarter.
   * Books the equity cure and the cash after it; marks the lanes in breach in `breached`.
   */
  testLiquidity(state: readonly FacilityLaneState[], L: QuarterLedger, q: number, breached: Uint8Array): void {
    const p = this.p, n = p.lanes, {closingCash, undrawnRevolver, equityCure} = L, available = this.available, cure = this.cure;
    for (let l = 0; l < n; l++) available[l] = closingCash[l]! + undrawnRevolver[l]!;
    cure.fill(0);
    for (let f = 0; f < state.length; f++) {
      const covenants = p.facilities[f]!.covenants, s = state[f]!;
      for (let k = 0; k < covenants.length; k++) {
        const c = covenants[k]!;
        if (!c.hasLiquidity) continue;
        const {kind, breachBound, consequence} = c, cured = s.cured[k]!;
        for (let l = 0; l < n; l++) {
          if (kind[l] !== COVENANT_KIND.minimumLiquidity || !outstanding(s, l)) continue;
          const now = available[l]! + cure[l]!;
          if (!(now < breachBound[l]!)) continue;
          breached[l] = 1;
          if (consequence[l] === COVENANT_CONSEQUENCE.equityCure) {
            const wanted = c.threshold[l]! - now, room = c.cureLimit[l]! - cured[l]!;
            const put = wanted <= room ? wanted : room;
            if (put > 0) {
              cured[l] = cured[l]! + put;
              cure[l] = cure[l]! + put;
            }
          } else {
            applyConsequence(consequence[l]!, c.fee[l]!, c.spreadStepUp[l]!, s, k, l, q);
          }
        }
      }
    }
    for (let l = 0; l < n; l++) {
      equityCure[l] = cure[l]!;
      closingCash[l] = closingCash[l]! + cure[l]!;
    }
  }

  /**
   * Ratio covenants on the quarter's metrics (`testRatioCovenants`), each facility's by its
   * own thresholds; a ratio that is not meaningful (NaN) breaches no minimum, and leverage
   * without EBITDA to speak of breaches its maximum while net debt is owed.
   */
  testRatios(state: readonly FacilityLaneState[], L: QuarterLedger, M: QuarterMetrics, q: number, breached: Uint8Array): void {
    const p = this.p, n = p.lanes, {closingDebt, closingCash} = L, {interestCoverageEbitda, dscr, netLeverage} = M;
    for (let f = 0; f < state.length; f++) {
      const covenants = p.facilities[f]!.covenants, s = state[f]!;
      for (let k = 0; k < covenants.length; k++) {
        const c = covenants[k]!;
        if (!c.hasRatio) continue;
        const {kind: kinds, breachBound} = c;
        for (let l = 0; l < n; l++) {
          const kind = kinds[l]!;
          if (kind === COVENANT_KIND.none || kind === COVENANT_KIND.minimumLiquidity || !outstanding(s, l)) continue;
          const bound = breachBound[l]!;
          let breach: boolean;
          if (kind === COVENANT_KIND.maximumLeverage) {
            const value = netLeverage[l]!;
            breach = Number.isNaN(value) ? closingDebt[l]! - closingCash[l]! > CENT_IN_MILLIONS : value > bound;
          } else {
            breach = (kind === COVENANT_KIND.interestCoverage ? interestCoverageEbitda[l]! : dscr[l]!) < bound;
          }
          if (!breach) continue;
          breached[l] = 1;
          applyConsequence(c.consequence[l]!, c.fee[l]!, c.spreadStepUp[l]!, s, k, l, q);
        }
      }
    }
  }
}

/** A loan's covenants bind while more than a cent is owed or still to be drawn under it (`outstanding`). */
function outstanding(s: FacilityLaneState, l: number): boolean {
  return s.balance[l]! > CENT_IN_MILLIONS || s.undrawn[l]! > CENT_IN_MILLIONS;
}

/**
 * `applyConsequence`: a waiver's fee, paid with the next quarter's fees, and the first time
 * only its step-up in the rate (the fixed rate, or the spread over the reference rate); or
 * acceleration, the whole balance due the next quarter, not to be rolled.
 */
function applyConsequence(consequence: number, fee: number, stepUp: number, s: FacilityLaneState, k: number, l: number, q: number): void {
  if (consequence === COVENANT_CONSEQUENCE.waiver) {
    s.pendingFee[l] = s.pendingFee[l]! + fee;
    const stepped = s.stepped[k]!;
    if (!stepped[l]) {
      stepped[l] = 1;
      if (s.fixed[l]) s.fixedRate[l] = s.fixedRate[l]! + stepUp;
      else s.spread[l] = s.spread[l]! + stepUp;
    }
  } else if (consequence === COVENANT_CONSEQUENCE.accelerate && s.maturity[l]! > q + 1) {
    s.maturity[l] = q + 1;
    s.refinanceable[l] = 0;
  }
}
