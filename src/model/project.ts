import {arithmeticConstant, type Arithmetic} from "./arithmetic.js";
import {covenantBook, testLiquidityCovenants, testRatioCovenants} from "./covenants.js";
import {annuityPayment, facilityState, scheduledPrincipal, type FacilityInfo, type FacilityState} from "./facility.js";
import {parseModelInput, type ModelInput} from "./inputs.js";
import {holdMinimumCash, newBorrowingState, revolverState} from "./liquidity.js";
import {CENT_IN_MILLIONS, solvencyMetrics, type SolvencyMetrics} from "./metrics.js";
import {operatingModel} from "./operations.js";
import {quarterLabel, quarterOrdinal, type QuarterLabel} from "./quarter.js";
import {annualRateFor, arithmeticPath, atQuarter, hedgedAnnualRate} from "./rates.js";
import {marketOpen, refinancingTerms, rollAtMaturity, type RefinancingTerms} from "./refinance.js";
import {minskyRegime, type Regime} from "./regime.js";
import type {ProjectionEvent} from "./events.js";

export type {ProjectionEvent};

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

/**
 * The ledger of one quarter. Every amount is positive and named for its direction, so
 * that closingCash = openingCash + operatingCashFlow + scheduledDraws + revolverDraw +
 * newBorrowing + refinanced + pikInterest + equityCure − interest − fees − capex −
 * principalDue − revolverRepayment − sweepRepayment − prepayment − prepaymentPremium, and
 * closingDebt = openingDebt + scheduledDraws + revolverDraw + newBorrowing + pikInterest −
 * (principalDue − refinanced) − revolverRepayment − sweepRepayment − prepayment. Operating
 * cash flow is after lease payments.
 */
export interface LedgerQuarter<N> {
  readonly quarter: QuarterLabel;
  readonly offset: number;
  readonly openingCash: N;
  readonly revenue: N;
  readonly operatingCosts: N;
  readonly ebitda: N;
  readonly depreciation: N;
  readonly ebit: N;
  /** Tax rate × (EBIT − reported interest expense), when positive; losses carry nothing forward. */
  readonly taxes: N;
  /** EBITDA − taxes − lease payments: cash from operations before any debt service. */
  readonly operatingCashFlow: N;
  readonly capex: N;
  /** Interest accrued on debt, paid in cash or in kind. */
  readonly interest: N;
  /** The part of interest paid in kind (added to debt). */
  readonly pikInterest: N;
  /** Non-cash: discount and issuance costs amortised. */
  readonly discountAmortisation: N;
  /** The part of interest capitalised into assets under construction (still paid). */
  readonly capitalisedInterest: N;
  /** As an income statement shows it: interest + discount amortisation − capitalised interest. */
  readonly reportedInterestExpense: N;
  /** Lease payments, a fixed charge paid in cash after EBITDA (zero without leases). */
  readonly leasePayments: N;
  /** The lease liability at the quarter's end. */
  readonly leaseLiability: N;
  /** Term debt repaid early by the cash sweep (also in `repaid`). */
  readonly sweepRepayment: N;
  /**
   * Term debt repaid early by optional prepayments (also in `repaid`): voluntary, so not
   * debt service in DSCR or Minsky's regime, and not in cash flow before financing.
   */
  readonly prepayment: N;
  /** Call premiums paid on prepayments, in cash: a loss on extinguishment, not interest or a fee. */
  readonly prepaymentPremium: N;
  /** Equity put in to cure a minimum-liquidity covenant. */
  readonly equityCure: N;
  /** What the revolver has left to draw at the quarter's end: with cash, the company's liquidity. */
  readonly undrawnRevolver: N;
  readonly fees: N;
  readonly principalDue: N;
  readonly refinanced: N;
  /** Principal paid in cash, revolver repayments, the sweep and prepayments included. */
  readonly repaid: N;
  readonly scheduledDraws: N;
  readonly revolverDraw: N;
  readonly revolverRepayment: N;
  /** Gross of its fee (which is in `fees`). */
  readonly newBorrowing: N;
  readonly closingCash: N;
  readonly openingDebt: N;
  readonly closingDebt: N;
  /** In the order of `Projection.facilities`. */
  readonly facilities: readonly FacilityQuarter<N>[];
  readonly marketOpen: boolean;
}

export interface ProjectedQuarter<N> {
  readonly ledger: LedgerQuarter<N>;
  readonly metrics: SolvencyMetrics<N>;
  readonly regime: Regime;
  /** Cash ends below zero with the revolver and new borrowing exhausted or shut. */
  readonly cannotPay: boolean;
}


export interface Projection<N> {
  readonly arithmetic: Arithmetic<N>["name"];
  readonly facilities: readonly FacilityInfo[];
  readonly quarters: readonly ProjectedQuarter<N>[];
  /** The first quarter the company cannot pay, or null if it always can. */
  readonly firstDefaultQuarter: QuarterLabel | null;
  /** The first quarter a maintenance covenant is breached (cured or not), or null. */
  readonly firstBreachQuarter: QuarterLabel | null;
  readonly events: readonly ProjectionEvent[];
}

/**
 * Projects a company quarter by quarter. Pure: the same input and arithmetic give the
 * same projection. Input that has not been through `parseModelInput` is validated here,
 * so bad input is a `ModelInputError` naming the field, never a NaN in the output.
 *
 * Within a quarter: scheduled draws land at its start; interest accrues on the balance
 * after them (end-of-period convention on the opening balance); principal falls due;
 * maturities are rolled where the refinancing assumptions allow; then the revolver and
 * new borrowing hold minimum cash at its end.
 */
export function project<N>(rawInput: ModelInput | unknown, ar: Arithmetic<N>): Projection<N> {
  const input = parseModelInput(rawInput);
  const terms = refinancingTerms(ar, input);
  const revolver = revolverState(ar, input);
  const newBorrowing = newBorrowingState(ar, input);
  const facilities: FacilityState<N>[] = input.facilities.map((f) => facilityState(ar, f, input.start));
  if (revolver) facilities.push(revolver);
  if (newBorrowing) facilities.push(newBorrowing);
  const revolverIndex = revolver ? facilities.indexOf(revolver) : -1;
  const newBorrowingIndex = newBorrowing ? facilities.indexOf(newBorrowing) : -1;

  const operations = operatingModel(ar, input);
  const minimumCash = ar.of(input.minimumCash);
  const taxRate = ar.of(input.taxRate);
  const cent = ar.of(CENT_IN_MILLIONS);
  const startOrdinal = quarterOrdinal(input.start);
  const quarters: ProjectedQuarter<N>[] = [];
  const events: ProjectionEvent[] = [];
  let cash = ar.of(input.openingCash);
  let openingDebt = facilities.reduce((sum, f) => ar.add(sum, f.balance), ar.zero);
  let firstDefaultQuarter: QuarterLabel | null = null;
  let firstBreachQuarter: QuarterLabel | null = null;
  const leases = input.leases;
  const leaseLiabilityAtStart = ar.of(leases?.liability ?? 0);
  const sweepShare = ar.of(input.cashSweep?.share ?? 0);
  const sweepFloor = ar.add(minimumCash, ar.of(input.cashSweep?.buffer ?? 0));
  // Every covenant with its facility, and the bounds that let a quarter clear of them skip the tests.
  const covenants = covenantBook(ar, facilities);
  // The quarter's breaches: one list for the projection, emptied each quarter.
  const breaches: ProjectionEvent[] = [];
  const discountTotals = discountAmortisationTotals(ar, facilities, input.quarters);
  const baseRates = arithmeticPath(ar, input.baseRate);
  const capitalisedShares = arithmeticPath(ar, input.capitalisedInterestShare);
  const leasePaymentPath = leases ? arithmeticPath(ar, leases.paymentPerQuarter) : null;
  // The quarters in which some facility asks to prepay: the others skip the step.
  const prepaymentQuarters = new Set<number>();
  for (const f of facilities) if (f.prepayments) for (const offset of f.prepayments.keys()) prepaymentQuarters.add(offset);

  for (let offset = 0; offset < input.quarters; offset++) {
    const quarter = quarterLabel(startOrdinal + offset);
    const open = marketOpen(terms, offset);
    const baseRate = atQuarter(baseRates, offset);
    const op = operations(offset);

    const discountAmortisation = discountTotals[offset] as N;
    let interest = ar.zero, pikInterest = ar.zero, fees = ar.zero, principalDue = ar.zero, refinanced = ar.zero, scheduledDraws = ar.zero;
    const rows: FacilityRow<N>[] = [];
    for (const f of facilities) {
      const row = stepFacility(ar, f, offset, baseRate, terms, open, input.interestConvention);
      // Not rolled because markets were shut: its maturity is still this quarter.
      if (!open && offset === f.maturity && f.refinanceable && ar.gt(row.principalDue, ar.zero)) events.push({kind: "maturedWhileShut", quarter, facilityId: f.id, amount: ar.toNumber(row.principalDue)});
      if (!ar.isZero(row.refinanced)) events.push({kind: "refinanced", quarter, facilityId: f.id, amount: ar.toNumber(row.refinanced)});
      interest = ar.add(interest, row.interest);
      pikInterest = ar.add(pikInterest, row.pikInterest);
      fees = ar.add(fees, row.fees);
      principalDue = ar.add(principalDue, row.principalDue);
      refinanced = ar.add(refinanced, row.refinanced);
      scheduledDraws = ar.add(scheduledDraws, row.drawn);
      rows.push(row);
    }

    const capitalisedInterest = ar.mul(interest, atQuarter(capitalisedShares, offset));
    const reportedInterestExpense = ar.sub(ar.add(interest, discountAmortisation), capitalisedInterest);
    const leasePayments = leasePaymentPath ? atQuarter(leasePaymentPath, offset) : ar.zero;
    // Straight line to zero over the leases' remaining quarters.
    const leaseLiability = leases ? ar.mul(leaseLiabilityAtStart, ar.of(Math.max(0, 1 - (offset + 1) / leases.remainingQuarters))) : ar.zero;
    const taxableIncome = ar.sub(ar.sub(op.ebit, reportedInterestExpense), leasePayments);
    const taxes = ar.gt(taxableIncome, ar.zero) ? ar.mul(taxableIncome, taxRate) : ar.zero;
    const operatingCashFlow = ar.sub(ar.sub(op.ebitda, taxes), leasePayments);
    // Everything but borrowing to fund a shortfall; refinanced principal and interest paid
    // in kind never touch cash.
    const cashFlowBeforeFinancing = ar.sub(
      ar.sub(ar.sub(ar.sub(operatingCashFlow, ar.sub(interest, pikInterest)), fees), op.capex),
      ar.sub(principalDue, refinanced)
    );
    const cashBeforeLiquidity = ar.add(ar.add(cash, cashFlowBeforeFinancing), scheduledDraws);
    const liquidity = holdMinimumCash(ar, {
      offset, cash: cashBeforeLiquidity, minimumCash, revolver, newBorrowing,
      newBorrowingTenor: input.newBorrowing.tenorQuarters, marketOpen: open, cent
    });
    fees = ar.add(fees, liquidity.newBorrowingFee);
    // Draws and repayments made at the quarter's end, to hold minimum cash.
    const revolverRow = rows[revolverIndex];
    if (revolverRow) {
      revolverRow.drawn = ar.add(revolverRow.drawn, liquidity.revolverDraw);
      revolverRow.repaid = ar.add(revolverRow.repaid, liquidity.revolverRepayment);
      revolverRow.closing = (revolver as FacilityState<N>).balance;
    }
    const newBorrowingRow = rows[newBorrowingIndex];
    if (newBorrowingRow) {
      newBorrowingRow.drawn = ar.add(newBorrowingRow.drawn, liquidity.newBorrowing);
      newBorrowingRow.fees = ar.add(newBorrowingRow.fees, liquidity.newBorrowingFee);
      newBorrowingRow.closing = (newBorrowing as FacilityState<N>).balance;
    }
    let closingCash = liquidity.closingCash;
    let prepayment = ar.zero, prepaymentPremium = ar.zero;
    if (prepaymentQuarters.has(offset)) ({cash: closingCash, principal: prepayment, premium: prepaymentPremium} = prepay(ar, facilities, rows, offset, closingCash, minimumCash));
    const sweepRepayment = sweepCash(ar, facilities, rows, closingCash, sweepShare, sweepFloor);
    closingCash = ar.sub(closingCash, sweepRepayment);
    let closingDebt = ar.zero;
    for (const row of rows) closingDebt = ar.add(closingDebt, row.closing);

    // Minimum-liquidity covenants first: an equity cure changes the quarter's cash.
    const undrawnRevolver = revolver ? revolver.undrawn : ar.zero;
    breaches.length = 0;
    const equityCure = testLiquidityCovenants(ar, covenants, closingCash, undrawnRevolver, cent, offset, quarter, breaches);
    closingCash = ar.add(closingCash, equityCure);
    const cannotPay = ar.isNegative(closingCash);
    if (cannotPay) {
      firstDefaultQuarter ??= quarter;
      events.push({kind: "cannotPay", quarter, shortfall: -ar.toNumber(closingCash)});
    }
    const ledger: LedgerQuarter<N> = {
      quarter, offset,
      openingCash: cash,
      revenue: op.revenue, operatingCosts: op.operatingCosts, ebitda: op.ebitda,
      depreciation: op.depreciation, ebit: op.ebit, taxes, operatingCashFlow, capex: op.capex,
      interest, pikInterest, discountAmortisation, capitalisedInterest, reportedInterestExpense, fees, principalDue, refinanced,
      leasePayments, leaseLiability, sweepRepayment, prepayment, prepaymentPremium, equityCure, undrawnRevolver,
      repaid: ar.add(ar.add(ar.add(ar.sub(principalDue, refinanced), liquidity.revolverRepayment), sweepRepayment), prepayment),
      scheduledDraws,
      revolverDraw: liquidity.revolverDraw,
      revolverRepayment: liquidity.revolverRepayment,
      newBorrowing: liquidity.newBorrowing,
      closingCash, openingDebt, closingDebt,
      facilities: rows,
      marketOpen: open
    };
    const metrics = solvencyMetrics(ar, {
      ebitda: op.ebitda, ebit: op.ebit, interest, fees, principalDue, operatingCashFlow,
      closingDebt, closingCash, cashFlowBeforeFinancing, undrawnRevolver, leasePayments, leaseLiability
    }, cent);
    // Ratio covenants, on the quarter's metrics; their consequences bite from the next quarter.
    testRatioCovenants(ar, covenants, metrics, closingDebt, closingCash, cent, offset, quarter, breaches);
    if (breaches.length) {
      firstBreachQuarter ??= quarter;
      events.push(...breaches);
    }
    quarters.push({ledger, metrics, regime: minskyRegime(ar, operatingCashFlow, interest, principalDue), cannotPay});
    cash = closingCash;
    openingDebt = closingDebt;
  }

  return {
    arithmetic: ar.name,
    facilities: facilities.map(({id, name, kind}) => ({id, name, kind})),
    quarters,
    firstDefaultQuarter,
    firstBreachQuarter,
    events
  };
}

/** A facility's quarter while it is being booked: the liquidity step still adds to it. */
type FacilityRow<N> = {-readonly [K in keyof FacilityQuarter<N>]: FacilityQuarter<N>[K]};

/**
 * One facility through one quarter, before the liquidity step: its scheduled draw,
 * interest, fees, principal due and any roll at maturity. Updates the facility's state.
 */
function stepFacility<N>(ar: Arithmetic<N>, f: FacilityState<N>, offset: number, baseRate: N, terms: RefinancingTerms<N>, open: boolean, convention: "endOfPeriod" | "average"): FacilityRow<N> {
  const opening = f.balance;
  // A repaid term facility with nothing left to draw and no waiver fee owed books zeros;
  // most of a long projection's facility-quarters are these. (A fee owed is paid even on a
  // repaid loan: the lender agreed the waiver for it, and whether a balance is exactly zero
  // must not decide a fee, or float dust would decide it in one arithmetic only.)
  if (f.kind === "term" && ar.isZero(opening) && ar.isZero(f.undrawn) && offset !== f.maturity && (!f.pendingFee || ar.isZero(f.pendingFee))) {
    const zero = ar.zero;
    return {opening, drawn: zero, annualRate: hedgedAnnualRate(ar, f.rate, baseRate, f.hedge, offset, zero), interest: zero, pikInterest: zero, discountAmortisation: amortiseDiscount(ar, f, offset), fees: zero, principalDue: zero, refinanced: zero, repaid: zero, prepaid: zero, prepaymentPremium: zero, closing: zero};
  }
  const draw = f.draws.size === 0 ? ar.zero : f.draws.get(offset) ?? ar.zero;
  const balance = ar.add(opening, draw);
  const annualRate = f.hedge ? hedgedAnnualRate(ar, f.rate, baseRate, f.hedge, offset, balance) : annualRateFor(ar, f.rate, baseRate);
  const periodRate = ar.perQuarter(annualRate);
  const maturing = offset >= f.maturity;
  // In the maturity quarter all interest is paid in cash.
  const pikShare = maturing || !f.pikShare ? ar.zero : f.pikShare;
  let interest: N;
  let due: N;
  if (convention === "endOfPeriod") {
    interest = ar.mul(balance, periodRate);
    due = scheduledPrincipal(ar, f, offset, balance, interest, periodRate);
  } else if (f.amortisation === "annuity" && !maturing) {
    const payment = annuityPayment(ar, periodRate, f.maturity - offset + 1, balance);
    interest = averageAnnuityInterest(ar, f, balance, periodRate, payment);
    due = ar.sub(payment, interest);
  } else {
    due = scheduledPrincipal(ar, f, offset, balance, ar.zero, periodRate);
    interest = averageBalanceInterest(ar, f, balance, due, periodRate, pikShare);
  }
  const pikInterest = ar.mul(interest, pikShare);
  f.undrawn = ar.sub(f.undrawn, draw);
  let fees = ar.add(ar.mul(draw, f.upfrontFeeRate), ar.mul(f.undrawn, f.commitmentFeePerQuarter));
  if (f.pendingFee && !ar.isZero(f.pendingFee)) {
    // A covenant waiver's fee, agreed last quarter.
    fees = ar.add(fees, f.pendingFee);
    f.pendingFee = ar.zero;
  }
  const roll = offset === f.maturity ? rollAtMaturity(ar, f, offset, due, terms, open) : null;
  const refinanced = roll ? roll.rolled : ar.zero;
  if (roll) {
    fees = ar.add(fees, roll.fee);
    // The new terms are cash-pay.
    f.pikShare = ar.zero;
  }
  f.balance = ar.add(ar.add(ar.sub(balance, due), refinanced), pikInterest);
  if (offset === f.maturity && f.kind === "revolver") f.undrawn = ar.zero;
  return {
    opening, drawn: draw, annualRate, interest, pikInterest, discountAmortisation: f.discountPerQuarter === undefined ? ar.zero : amortiseDiscount(ar, f, offset), fees, principalDue: due, refinanced,
    repaid: ar.sub(due, refinanced), prepaid: ar.zero, prepaymentPremium: ar.zero, closing: f.balance
  };
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
function discountAmortisationTotals<N>(ar: Arithmetic<N>, facilities: readonly FacilityState<N>[], quarters: number): N[] {
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

/**
 * Optional prepayments due this quarter, in the facilities' listed order: each repays up to
 * its amount of the balance, with its call premium, from cash above minimum cash. What cash
 * cannot cover is not prepaid (a prepayment is a choice, never borrowed for); where cash
 * binds, prepayment and premium take exactly what is above the minimum, so cash lands on it
 * and not a float rounding below. Updates the facilities and their rows.
 */
function prepay<N>(ar: Arithmetic<N>, facilities: FacilityState<N>[], rows: FacilityRow<N>[], offset: number, cash: N, minimumCash: N): {cash: N; principal: N; premium: N} {
  let principal = ar.zero, premium = ar.zero;
  for (let i = 0; i < facilities.length; i++) {
    const f = facilities[i]!;
    const wanted = f.prepayments ? f.prepayments.get(offset) : undefined;
    if (wanted === undefined || !ar.gt(f.balance, ar.zero) || !ar.gt(cash, minimumCash)) continue;
    const available = ar.sub(cash, minimumCash);
    let pay = ar.min(wanted, f.balance);
    let fee = ar.mul(pay, f.prepaymentPremium as N);
    if (ar.gt(ar.add(pay, fee), available)) {
      pay = ar.div(available, f.prepaymentCost as N);
      fee = ar.sub(available, pay);
      cash = minimumCash;
    } else {
      cash = ar.sub(ar.sub(cash, pay), fee);
    }
    f.balance = ar.sub(f.balance, pay);
    const row = rows[i]!;
    row.prepaid = pay;
    row.prepaymentPremium = fee;
    row.repaid = ar.add(row.repaid, pay);
    row.closing = f.balance;
    principal = ar.add(principal, pay);
    premium = ar.add(premium, fee);
  }
  return {cash, principal, premium};
}

/**
 * The cash sweep: `share` of cash above `floor` repays term facilities in their listed
 * order (seniority), each up to its balance. Updates the facilities and their rows; returns
 * the total repaid.
 */
function sweepCash<N>(ar: Arithmetic<N>, facilities: FacilityState<N>[], rows: FacilityRow<N>[], cash: N, share: N, floor: N): N {
  if (ar.isZero(share) || !ar.gt(cash, floor)) return ar.zero;
  let left = ar.mul(ar.sub(cash, floor), share);
  let swept = ar.zero;
  facilities.forEach((f, i) => {
    if (f.kind !== "term" || !ar.gt(left, ar.zero) || !ar.gt(f.balance, ar.zero)) return;
    const pay = ar.min(left, f.balance);
    f.balance = ar.sub(f.balance, pay);
    const row = rows[i]!;
    row.repaid = ar.add(row.repaid, pay);
    row.closing = f.balance;
    left = ar.sub(left, pay);
    swept = ar.add(swept, pay);
  });
  return swept;
}

const TWO = arithmeticConstant(2);
const HALF = arithmeticConstant(0.5);
