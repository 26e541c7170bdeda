import {arithmeticConstant, type Arithmetic} from "./arithmetic.js";
import type {ProjectionEvent} from "./events.js";
import {annuityPayment, scheduledPrincipal, type FacilityState, type QuarterRate} from "./facility.js";
import type {ModelInput} from "./inputs.js";
import type {QuarterLabel} from "./quarter.js";
import {annualRateFor, hedgedAnnualRate, type PreparedRate} from "./rates.js";
import {rollAtMaturity, type RefinancingTerms} from "./refinance.js";

/**
 * Each facility through one quarter, up to the quarter's end: its scheduled draw, the rate
 * it bears, interest and principal due, fees, and its refinancing at maturity.
 */

/** One facility in one quarter. Signs: every amount is positive; the name says its direction. */
export interface FacilityQuarter<N> {
  readonly opening: N;
  /** Scheduled (delayed) draws at the quarter's start, plus revolver draws or new borrowing at its end. */
  readonly drawn: N;
  /** The annual rate borne this quarter. */
  readonly annualRate: N;
  readonly interest: N;
  /** The part of `interest` paid in kind: added to the balance, not paid in cash. */
  readonly pikInterest: N;
  /** Discount and issuance costs amortised this quarter: reported as interest expense, never paid. */
  readonly discountAmortisation: N;
  /** Commitment fee on undrawn amounts, upfront fees on draws and refinancing fees. */
  readonly fees: N;
  /** Scheduled amortisation, or the whole balance at maturity. */
  readonly principalDue: N;
  /** The part of principal due that was rolled instead of paid. */
  readonly refinanced: N;
  /** Principal paid in cash: principal due not rolled, plus revolver repayments, the sweep and prepayments. */
  readonly repaid: N;
  /** Repaid early by an optional prepayment (also in `repaid`). */
  readonly prepaid: N;
  /** The call premium paid on it, in cash. */
  readonly prepaymentPremium: N;
  readonly closing: N;
}

/** A facility's quarter while it is being booked: the steps after its own still add to it. */
export type FacilityRow<N> = {-readonly [K in keyof FacilityQuarter<N>]: FacilityQuarter<N>[K]};

/**
 * Every facility through the quarter, in turn (the revolver and new borrowing last).
 * Updates the facilities' states; returns their rows.
 */
export function serviceFacilities<N>(ar: Arithmetic<N>, facilities: readonly FacilityState<N>[], offset: number, baseRate: N, terms: RefinancingTerms<N>, open: boolean, convention: InterestConvention, quarter: QuarterLabel, events: ProjectionEvent[]): FacilityRow<N>[] {
  const rows: FacilityRow<N>[] = [];
  for (const f of facilities) rows.push(stepFacility(ar, f, offset, baseRate, terms, open, convention, quarter, events));
  return rows;
}

type InterestConvention = ModelInput["interestConvention"];

/** One facility through one quarter, before the quarter's end adds to it. Updates the facility's state. */
function stepFacility<N>(ar: Arithmetic<N>, f: FacilityState<N>, offset: number, baseRate: N, terms: RefinancingTerms<N>, open: boolean, convention: InterestConvention, quarter: QuarterLabel, events: ProjectionEvent[]): FacilityRow<N> {
  if (isRetired(ar, f, offset)) return facilityRow(ar, f.balance, ar.zero, quarterRate(ar, f, baseRate, offset, ar.zero).annual, amortiseDiscount(ar, f, offset));
  const draw = drawScheduled(ar, f, offset);
  const balance = ar.add(f.balance, draw);
  const rate = quarterRate(ar, f, baseRate, offset, balance);
  const row = facilityRow(ar, f.balance, draw, rate.annual, amortiseDiscount(ar, f, offset));
  accrueInterestAndPrincipal(ar, f, row, offset, balance, rate.perQuarter, convention);
  row.fees = chargeFees(ar, f, draw);
  if (offset === f.maturity) refinanceAtMaturity(ar, f, row, offset, terms, open, quarter, events);
  f.balance = ar.add(ar.add(ar.sub(balance, row.principalDue), row.refinanced), row.pikInterest);
  if (offset === f.maturity && f.kind === "revolver") f.undrawn = ar.zero;
  row.repaid = ar.sub(row.principalDue, row.refinanced);
  row.closing = f.balance;
  return row;
}

/**
 * A repaid term facility with nothing left to draw and no waiver fee owed books zeros;
 * most of a long projection's facility-quarters are these. (A fee owed is paid even on a
 * repaid loan: the lender agreed the waiver for it, and whether a balance is exactly zero
 * must not decide a fee, or float dust would decide it in one arithmetic only.)
 */
function isRetired<N>(ar: Arithmetic<N>, f: FacilityState<N>, offset: number): boolean {
  return f.kind === "term" && ar.isZero(f.balance) && ar.isZero(f.undrawn) && offset !== f.maturity && (!f.pendingFee || ar.isZero(f.pendingFee));
}

/** A facility's row with its opening balance, draw and rate, nothing yet accrued, due or repaid. */
function facilityRow<N>(ar: Arithmetic<N>, opening: N, drawn: N, annualRate: N, discountAmortisation: N): FacilityRow<N> {
  const zero = ar.zero;
  return {opening, drawn, annualRate, interest: zero, pikInterest: zero, discountAmortisation, fees: zero, principalDue: zero, refinanced: zero, repaid: zero, prepaid: zero, prepaymentPremium: zero, closing: zero};
}

/** The quarter's scheduled (delayed) draw, which lands at its start: taken off what is undrawn. */
function drawScheduled<N>(ar: Arithmetic<N>, f: FacilityState<N>, offset: number): N {
  const draw = f.draws.size === 0 ? ar.zero : f.draws.get(offset) ?? ar.zero;
  f.undrawn = ar.sub(f.undrawn, draw);
  return draw;
}

/**
 * The annual rate the facility bears this quarter, on its balance after the quarter's draws,
 * and its share for the quarter: last quarter's, where it is made from the same terms and
 * base rate (a hedged rate turns on the balance too, so only its share is reused).
 */
function quarterRate<N>(ar: Arithmetic<N>, f: FacilityState<N>, baseRate: N, offset: number, balance: N): QuarterRate<N> {
  const last = f.lastRate as QuarterRate<N>;
  if (f.hedge) {
    const annual = hedgedAnnualRate(ar, f.rate, baseRate, f.hedge, offset, balance);
    if (last.terms !== null && last.annual === annual) return last;
    return madeRate(ar, last, f.rate, null, annual);
  }
  if (last.terms === f.rate && (f.rate.type === "fixed" || last.baseRate === baseRate)) return last;
  return madeRate(ar, last, f.rate, baseRate, annualRateFor(ar, f.rate, baseRate));
}

function madeRate<N>(ar: Arithmetic<N>, rate: QuarterRate<N>, terms: PreparedRate<N>, baseRate: N | null, annual: N): QuarterRate<N> {
  rate.terms = terms;
  rate.baseRate = baseRate;
  rate.annual = annual;
  rate.perQuarter = ar.perQuarter(annual);
  return rate;
}

/**
 * Interest at the row's rate (`periodRate`, its share for the quarter) on the balance after
 * the quarter's draws, the part of it paid in kind, and the principal falling due
 * (`scheduledPrincipal`). The two are worked out together: an annuity's principal is what
 * its level payment leaves after interest, and interest on the average balance turns on
 * the principal repaid.
 */
function accrueInterestAndPrincipal<N>(ar: Arithmetic<N>, f: FacilityState<N>, row: FacilityRow<N>, offset: number, balance: N, periodRate: N, convention: InterestConvention): void {
  // In the maturity quarter all interest is paid in cash.
  const pikShare = offset >= f.maturity || !f.pikShare ? ar.zero : f.pikShare;
  if (convention === "endOfPeriod") {
    row.interest = ar.mul(balance, periodRate);
    row.principalDue = scheduledPrincipal(ar, f, offset, balance, row.interest, periodRate);
  } else {
    accrueOnAverageBalance(ar, f, row, offset, balance, periodRate, pikShare);
  }
  row.pikInterest = ar.mul(row.interest, pikShare);
}

/** The same on the mean of the balance after the quarter's draws and the closing balance. */
function accrueOnAverageBalance<N>(ar: Arithmetic<N>, f: FacilityState<N>, row: FacilityRow<N>, offset: number, balance: N, periodRate: N, pikShare: N): void {
  if (f.amortisation === "annuity" && offset < f.maturity) {
    const payment = annuityPayment(ar, periodRate, f.maturity - offset + 1, balance);
    row.interest = averageAnnuityInterest(ar, f, balance, periodRate, payment);
    row.principalDue = ar.sub(payment, row.interest);
  } else {
    row.principalDue = scheduledPrincipal(ar, f, offset, balance, ar.zero, periodRate);
    row.interest = averageBalanceInterest(ar, f, balance, row.principalDue, periodRate, pikShare);
  }
}

/**
 * The upfront fee on the quarter's draw, the commitment fee on what is left undrawn, and a
 * covenant waiver's fee agreed last quarter (then no longer owed).
 */
function chargeFees<N>(ar: Arithmetic<N>, f: FacilityState<N>, draw: N): N {
  const fees = ar.add(ar.mul(draw, f.upfrontFeeRate), ar.mul(f.undrawn, f.commitmentFeePerQuarter));
  if (!f.pendingFee || ar.isZero(f.pendingFee)) return fees;
  const waiverFee = f.pendingFee;
  f.pendingFee = ar.zero;
  return ar.add(fees, waiverFee);
}

/**
 * Refinancing, in the facility's maturity quarter (`rollAtMaturity`): the rolled part of
 * what falls due stays outstanding on new, cash-pay terms, and the roll's fee is paid in
 * cash. Records the roll, or a maturity that could have been rolled but for shut markets.
 */
function refinanceAtMaturity<N>(ar: Arithmetic<N>, f: FacilityState<N>, row: FacilityRow<N>, offset: number, terms: RefinancingTerms<N>, open: boolean, quarter: QuarterLabel, events: ProjectionEvent[]): void {
  const roll = rollAtMaturity(ar, f, offset, row.principalDue, terms, open);
  if (roll) {
    row.refinanced = roll.rolled;
    row.fees = ar.add(row.fees, roll.fee);
    f.pikShare = ar.zero;
    if (!ar.isZero(roll.rolled)) events.push({kind: "refinanced", quarter, facilityId: f.id, amount: ar.toNumber(roll.rolled)});
  } else if (!open && f.refinanceable && ar.gt(row.principalDue, ar.zero)) {
    events.push({kind: "maturedWhileShut", quarter, facilityId: f.id, amount: ar.toNumber(row.principalDue)});
  }
}

/**
 * Interest on the mean of the balance after draws and the closing balance, in closed form.
 * With principal D that does not depend on interest and a share k paid in kind:
 * I = r·(B + (B − D + k·I))/2, so I = (B − D/2)·r/(1 − r·k/2).
 */
function averageBalanceInterest<N>(ar: Arithmetic<N>, f: FacilityState<N>, balance: N, due: N, periodRate: N, pikShare: N): N {
  const mean = ar.sub(balance, ar.mul(due, HALF.get(ar)));
  // Without payment in kind the factor is r itself: skip a division, the dearest decimal step.
  if (ar.isZero(pikShare)) return ar.mul(periodRate, mean);
  return ar.mul(mean, averageFactor(ar, f, periodRate, pikShare));
}

/**
 * The same for an annuity's level payment P (which includes the interest):
 * I = r·(B + (B − (P − I)))/2, so I = (2B − P)·r/(2 − r); the principal is P − I.
 */
function averageAnnuityInterest<N>(ar: Arithmetic<N>, f: FacilityState<N>, balance: N, periodRate: N, payment: N): N {
  return ar.mul(ar.sub(ar.add(balance, balance), payment), averageFactor(ar, f, periodRate, null));
}

/**
 * r/(1 − r·k/2) with a share k paid in kind, or r/(2 − r) for an annuity (`pikShare`
 * null), made again only when the period rate has changed (see `FacilityState.averageFactor`).
 */
function averageFactor<N>(ar: Arithmetic<N>, f: FacilityState<N>, periodRate: N, pikShare: N | null): N {
  if (f.averageFactorRate === null || f.averageFactorRate === undefined || !ar.eq(f.averageFactorRate, periodRate)) {
    const divisor = pikShare === null ? ar.sub(TWO.get(ar), periodRate) : ar.sub(ar.one, ar.mul(periodRate, ar.mul(pikShare, HALF.get(ar))));
    f.averageFactor = ar.div(periodRate, divisor);
    f.averageFactorRate = periodRate;
  }
  return f.averageFactor as N;
}

/**
 * The discount amortised by all facilities together, quarter by quarter. The schedules are
 * fixed when the projection starts (a roll or an acceleration does not change them), so the
 * totals are made once, from the last quarter back: a schedule's share joins the sum in the
 * quarters before its last one. That is two decimal additions a facility, not one a
 * facility every quarter, and a quarter with no schedule left is exactly zero.
 */
export function discountAmortisationTotals<N>(ar: Arithmetic<N>, facilities: readonly FacilityState<N>[], quarters: number): N[] {
  const withDiscount = facilities.filter((f) => f.discountPerQuarter !== undefined && f.discountLastQuarter !== undefined);
  // Shares of the schedules that end after the quarter in hand.
  let later = ar.zero;
  for (const f of withDiscount) if ((f.discountLastQuarter as number) >= quarters) later = ar.add(later, f.discountPerQuarter as N);
  const totals: N[] = new Array(quarters);
  for (let offset = quarters - 1; offset >= 0; offset--) {
    let total = later;
    for (const f of withDiscount) {
      if (f.discountLastQuarter !== offset) continue;
      total = ar.add(total, f.discountLast as N);
      later = ar.add(later, f.discountPerQuarter as N);
    }
    totals[offset] = total;
  }
  return totals;
}

/** This quarter's straight-line share of the facility's discount (see `discountSchedule`). */
function amortiseDiscount<N>(ar: Arithmetic<N>, f: FacilityState<N>, offset: number): N {
  if (f.discountPerQuarter === undefined || f.discountLastQuarter === undefined || offset > f.discountLastQuarter) return ar.zero;
  return offset === f.discountLastQuarter ? (f.discountLast as N) : f.discountPerQuarter;
}

const TWO = arithmeticConstant(2);
const HALF = arithmeticConstant(0.5);
