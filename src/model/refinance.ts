import type {Arithmetic} from "./arithmetic.js";
import type {FacilityState} from "./facility.js";
import type {ModelInput} from "./inputs.js";
import {quarterOffset} from "./quarter.js";

/** The refinancing assumptions, converted once into the projection's arithmetic. */
export interface RefinancingTerms<N> {
  readonly shareRolled: N;
  readonly spread: N;
  readonly tenorQuarters: number;
  readonly feeRate: N;
  /** Quarter offsets, inclusive, in which no lender will roll or lend. */
  readonly shutWindows: ReadonlyArray<readonly [number, number]>;
}

export function refinancingTerms<N>(ar: Arithmetic<N>, input: ModelInput): RefinancingTerms<N> {
  const r = input.refinancing;
  return {
    shareRolled: ar.of(r.shareRolled),
    spread: ar.of(r.spread),
    tenorQuarters: r.tenorQuarters,
    feeRate: ar.of(r.feeRate),
    shutWindows: r.marketShut.map((w) => [quarterOffset(input.start, w.from), quarterOffset(input.start, w.to)] as const)
  };
}

/** Whether debt markets are open in quarter `offset` (for refinancing and new borrowing). */
export function marketOpen(terms: RefinancingTerms<unknown>, offset: number): boolean {
  return !terms.shutWindows.some(([from, to]) => offset >= from && offset <= to);
}

export interface Rollover<N> {
  /** Principal due that is rolled into the facility's new terms instead of paid. */
  readonly rolled: N;
  /** The refinancing fee, paid in cash. */
  readonly fee: N;
}

/**
 * Refinancing at maturity. When a refinanceable facility falls due while markets are
 * open, the rolled share of what is due stays outstanding in the same facility on new
 * terms — floating at base + the new spread, bullet, maturing `tenorQuarters` later —
 * and the rest is paid from cash. The facility is changed in place, so the ledger keeps
 * one column for it across rolls. Null when it does not roll.
 */
export function rollAtMaturity<N>(ar: Arithmetic<N>, facility: FacilityState<N>, offset: number, due: N, terms: RefinancingTerms<N>, open: boolean): Rollover<N> | null {
  // Whether a facility rolls turns on its terms and the market, never on the amount due:
  // a due of float dust must not change a facility's terms in one arithmetic only.
  if (offset !== facility.maturity || !facility.refinanceable || !open || !ar.gt(terms.shareRolled, ar.zero)) {
    return null;
  }
  const rolled = ar.mul(due, terms.shareRolled);
  facility.rate = {type: "floating", spread: terms.spread, floor: null};
  facility.amortisation = "bullet";
  facility.maturity = offset + terms.tenorQuarters;
  return {rolled, fee: ar.mul(rolled, terms.feeRate)};
}
