import type {Arithmetic} from "./arithmetic.js";
import type {FacilityState, PreparedCovenant} from "./facility.js";
import type {SolvencyMetrics} from "./metrics.js";
import type {ProjectionEvent} from "./events.js";
import type {QuarterLabel} from "./quarter.js";

/**
 * Maintenance covenants through the quarters: each facility's tested by its own thresholds,
 * and what a breach brings (a waiver's fee and step-up, an equity cure, acceleration).
 */

/** A maintenance covenant and the facility whose terms it is in. */
export interface CovenantTest<N> {
  readonly facility: FacilityState<N>;
  readonly covenant: PreparedCovenant<N>;
}

/**
 * Every covenant of a projection with its facility, liquidity tests apart from ratio tests
 * (each quarter runs down two flat lists), and for each kind the bound a quarter must cross
 * for any covenant of that kind to be breached: the highest of the minimums, the lowest of
 * the leverage maxima, null where there is none of that kind. The bounds never move (a
 * waiver changes the rate, not the threshold), so a quarter clear of them skips the tests.
 */
export interface CovenantBook<N> {
  readonly liquidityTests: readonly CovenantTest<N>[];
  readonly ratioTests: readonly CovenantTest<N>[];
  readonly liquidityBound: N | null;
  readonly coverageBound: N | null;
  readonly dscrBound: N | null;
  readonly leverageBound: N | null;
}

export function covenantBook<N>(ar: Arithmetic<N>, facilities: readonly FacilityState<N>[]): CovenantBook<N> {
  const liquidityTests: CovenantTest<N>[] = [];
  const ratioTests: CovenantTest<N>[] = [];
  let liquidityBound: N | null = null, coverageBound: N | null = null, dscrBound: N | null = null, leverageBound: N | null = null;
  for (const facility of facilities) {
    for (const covenant of facility.covenants ?? []) {
      (covenant.kind === "minimumLiquidity" ? liquidityTests : ratioTests).push({facility, covenant});
      const b = covenant.breachBound;
      if (covenant.kind === "minimumLiquidity") liquidityBound = liquidityBound === null ? b : ar.max(liquidityBound, b);
      else if (covenant.kind === "interestCoverage") coverageBound = coverageBound === null ? b : ar.max(coverageBound, b);
      else if (covenant.kind === "dscr") dscrBound = dscrBound === null ? b : ar.max(dscrBound, b);
      else leverageBound = leverageBound === null ? b : ar.min(leverageBound, b);
    }
  }
  return {liquidityTests, ratioTests, liquidityBound, coverageBound, dscrBound, leverageBound};
}

/**
 * Minimum-liquidity covenants at the quarter's end: liquidity is cash (with any cure so
 * far) plus the undrawn revolver. Records breaches; returns the equity put in to cure.
 * A quarter whose liquidity clears every threshold's bound skips the tests.
 */
export function testLiquidityCovenants<N>(ar: Arithmetic<N>, book: CovenantBook<N>, closingCash: N, undrawnRevolver: N, cent: N, offset: number, quarter: QuarterLabel, breaches: ProjectionEvent[]): N {
  let equityCure = ar.zero;
  if (book.liquidityBound === null) return equityCure;
  const liquidity = ar.add(closingCash, undrawnRevolver);
  if (!ar.lt(liquidity, book.liquidityBound)) return equityCure;
  for (const {facility: f, covenant: c} of book.liquidityTests) {
    if (!outstanding(ar, f, cent)) continue;
    const liquidityNow = ar.add(liquidity, equityCure);
    if (!ar.lt(liquidityNow, c.breachBound)) continue;
    let consequence: string = c.consequence.type;
    if (c.consequence.type === "equityCure") {
      const cure = ar.min(ar.sub(c.threshold, liquidityNow), ar.sub(c.consequence.limit, c.cured));
      if (ar.gt(cure, ar.zero)) {
        c.cured = ar.add(c.cured, cure);
        equityCure = ar.add(equityCure, cure);
      }
      consequence = ar.lt(ar.add(liquidityNow, cure), c.threshold) ? "equityCure (limit reached: not cured)" : "equityCure";
    } else {
      applyConsequence(ar, f, c, offset);
    }
    breaches.push({kind: "covenantBreach", quarter, facilityId: f.id, covenant: c.kind, value: ar.toNumber(liquidityNow), threshold: ar.toNumber(c.threshold), consequence});
  }
  return equityCure;
}

/**
 * Ratio covenants on the quarter's metrics, each facility's by its own thresholds, their
 * consequences biting from the next quarter. Records breaches. A quarter whose metrics clear
 * every kind's bound skips the tests.
 */
export function testRatioCovenants<N>(ar: Arithmetic<N>, book: CovenantBook<N>, metrics: SolvencyMetrics<N>, closingDebt: N, closingCash: N, cent: N, offset: number, quarter: QuarterLabel, breaches: ProjectionEvent[]): void {
  if (book.ratioTests.length === 0) return;
  const coverage = metrics.interestCoverageEbitda, dscr = metrics.dscr, leverage = metrics.netLeverage;
  const clear = (book.coverageBound === null || coverage === null || !ar.lt(coverage, book.coverageBound))
    && (book.dscrBound === null || dscr === null || !ar.lt(dscr, book.dscrBound))
    // Leverage that is not meaningful (no EBITDA) is never clear: the tests decide it.
    && (book.leverageBound === null || (leverage !== null && !ar.gt(leverage, book.leverageBound)));
  if (clear) return;
  for (const {facility: f, covenant: c} of book.ratioTests) {
    if (!outstanding(ar, f, cent)) continue;
    const value = c.kind === "interestCoverage" ? metrics.interestCoverageEbitda : c.kind === "dscr" ? metrics.dscr : metrics.netLeverage;
    const breached = c.kind === "maximumLeverage"
      // No EBITDA to speak of with net debt outstanding: leverage is beyond any limit.
      ? (value === null ? ar.gt(ar.sub(closingDebt, closingCash), cent) : ar.gt(value, c.breachBound))
      : value !== null && ar.lt(value, c.breachBound);
    if (!breached) continue;
    applyConsequence(ar, f, c, offset);
    breaches.push({kind: "covenantBreach", quarter, facilityId: f.id, covenant: c.kind, value: value === null ? null : ar.toNumber(value), threshold: ar.toNumber(c.threshold), consequence: c.consequence.type});
  }
}

/**
 * A loan's covenants bind while something is owed or still to be drawn under it: repaid in
 * full (at maturity, by the sweep or a prepayment) with nothing left to draw, it is tested
 * no more. Less than a cent is nothing, so float dust cannot keep a covenant alive in one
 * arithmetic only.
 */
function outstanding<N>(ar: Arithmetic<N>, f: FacilityState<N>, cent: N): boolean {
  return ar.gt(f.balance, cent) || ar.gt(f.undrawn, cent);
}

/**
 * A breached covenant's consequence, from the next quarter: a waiver's fee (with the next
 * quarter's fees) and, the first time only, its step-up in the rate; or acceleration, the
 * whole balance due the next quarter, not to be rolled.
 */
function applyConsequence<N>(ar: Arithmetic<N>, f: FacilityState<N>, c: PreparedCovenant<N>, offset: number): void {
  if (c.consequence.type === "waiver") {
    f.pendingFee = ar.add(f.pendingFee ?? ar.zero, c.consequence.fee);
    if (!c.stepped) {
      c.stepped = true;
      const step = c.consequence.spreadStepUp;
      f.rate = f.rate.type === "fixed" ? {type: "fixed", annualRate: ar.add(f.rate.annualRate, step)} : {...f.rate, spread: ar.add(f.rate.spread, step)};
    }
  } else if (c.consequence.type === "accelerate" && f.maturity > offset + 1) {
    f.maturity = offset + 1;
    f.refinanceable = false;
  }
}
