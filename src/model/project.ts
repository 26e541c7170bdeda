import type {Arithmetic} from "./arithmetic.js";
import {covenantBook, testLiquidityCovenants, testRatioCovenants, type CovenantBook} from "./covenants.js";
import {facilityState, type FacilityInfo, type FacilityState} from "./facility.js";
import {discountAmortisationTotals, serviceFacilities, type FacilityQuarter, type FacilityRow} from "./facility-quarter.js";
import {parseModelInput, type ModelInput} from "./inputs.js";
import {leaseLiability, leasePayment, leaseSchedule, type LeaseSchedule} from "./leases.js";
import {holdMinimumCash, newBorrowingState, revolverState} from "./liquidity.js";
import {CENT_IN_MILLIONS, solvencyMetrics, type SolvencyMetrics} from "./metrics.js";
import {operatingModel, type OperatingQuarter} from "./operations.js";
import {quarterLabel, quarterOrdinal, type QuarterLabel} from "./quarter.js";
import {arithmeticPath, atQuarter} from "./rates.js";
import {marketOpen, refinancingTerms} from "./refinance.js";
import {minskyRegime, type Regime} from "./regime.js";
import type {ProjectionEvent} from "./events.js";

export type {FacilityQuarter, ProjectionEvent};

/**
 * The ledger of one quarter. Every amount is positive and named for its direction, so
 * that closingCash = openingCash + operatingCashFlow + scheduledDraws + revolverDraw +
 * newBorrowing + refinanced + pikInterest + equityRaised + equityCure − interest − fees − capex −
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
  /** New contracts signed in the quarter (zero unless revenue follows the backlog). */
  readonly bookings: N;
  /** The backlog (remaining performance obligations) left at the quarter's end (zero unless revenue follows the backlog). */
  readonly backlog: N;
  /** The largest customer's part of revenue: its share while it pays, then zero. */
  readonly largestCustomerRevenue: N;
  /** Billing a defaulting largest customer never pays, written off in operating costs the quarter it stops. */
  readonly badDebt: N;
  readonly operatingCosts: N;
  readonly ebitda: N;
  readonly depreciation: N;
  readonly ebit: N;
  /** Tax rate × (EBIT − reported interest expense), when positive; losses carry nothing forward. */
  readonly taxes: N;
  /** EBITDA − taxes − lease payments: cash from operations before any debt service. */
  readonly operatingCashFlow: N;
  readonly capex: N;
  /**
   * The part of capex that replaces vintages at the end of their useful life (also in
   * `capex`): what the company must spend to keep the capacity it has.
   */
  readonly maintenanceCapex: N;
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
  /**
   * Equity raised from shareholders at the quarter's start (an input): a source of cash,
   * not debt, so not in DSCR, Minsky's regime or cash flow before financing. None in a
   * quarter markets are shut, where they shut equity too (`marketShutIncludesEquity`).
   */
  readonly equityRaised: N;
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
  /** Minsky's regime on operating cash flow against interest and principal due. */
  readonly regime: Regime;
  /** The same regime on operating cash flow less maintenance capex: what is left once the capacity is kept up. */
  readonly regimeAfterMaintenance: Regime;
  /** Cash ends below zero with the revolver and new borrowing exhausted, capped for the quarter or shut. */
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
 * Each quarter takes the same steps, in the order of docs/model.md ("The quarter, step by
 * step"): operations; each facility's draws, interest, principal due and refinancing;
 * the ledger, with the equity raised at the quarter's start, and its debt service; earnings and taxes; minimum cash, prepayments and the sweep at the quarter's end;
 * covenants, metrics and Minsky's regime (on operating cash flow, and after maintenance capex).
 */
export function project<N>(rawInput: ModelInput | unknown, ar: Arithmetic<N>): Projection<N> {
  const input = parseModelInput(rawInput);
  const terms = refinancingTerms(ar, input);
  const revolver = revolverState(ar, input);
  const newBorrowing = newBorrowingState(ar, input);
  const facilities: FacilityState<N>[] = input.facilities.map((f) => facilityState(ar, f, input.start));
  if (revolver) facilities.push(revolver);
  if (newBorrowing) facilities.push(newBorrowing);
  const minimumCash = ar.of(input.minimumCash);
  const quarterEnd: QuarterEndTerms<N> = {
    minimumCash,
    revolver,
    revolverIndex: revolver ? facilities.indexOf(revolver) : -1,
    newBorrowing,
    newBorrowingIndex: newBorrowing ? facilities.indexOf(newBorrowing) : -1,
    newBorrowingTenor: input.newBorrowing.tenorQuarters,
    newBorrowingPerQuarter: input.newBorrowing.perQuarter === undefined ? null : ar.of(input.newBorrowing.perQuarter),
    prepaymentQuarters: prepaymentQuarters(facilities),
    sweepShare: ar.of(input.cashSweep?.share ?? 0),
    sweepFloor: ar.add(minimumCash, ar.of(input.cashSweep?.buffer ?? 0))
  };

  const operations = operatingModel(ar, input);
  const taxRate = ar.of(input.taxRate);
  const cent = ar.of(CENT_IN_MILLIONS);
  const startOrdinal = quarterOrdinal(input.start);
  const quarters: ProjectedQuarter<N>[] = [];
  const events: ProjectionEvent[] = [];
  let cash = ar.of(input.openingCash);
  let openingDebt = facilities.reduce((sum, f) => ar.add(sum, f.balance), ar.zero);
  let firstDefaultQuarter: QuarterLabel | null = null;
  let firstBreachQuarter: QuarterLabel | null = null;
  const leases = leaseSchedule(ar, input);
  // Every covenant with its facility, and the bounds that let a quarter clear of them skip the tests.
  const covenants = covenantBook(ar, facilities);
  // The quarter's breaches: one list for the projection, emptied each quarter.
  const breaches: ProjectionEvent[] = [];
  const discountTotals = discountAmortisationTotals(ar, facilities, input.quarters);
  const baseRates = arithmeticPath(ar, input.baseRate);
  const capitalisedShares = arithmeticPath(ar, input.capitalisedInterestShare);
  const equityRaised = arithmeticPath(ar, input.equityRaised);

  for (let offset = 0; offset < input.quarters; offset++) {
    const quarter = quarterLabel(startOrdinal + offset);
    const open = marketOpen(terms, offset);
    // 1. Operations.
    const operating = operations(offset);
    // 2. Each facility: scheduled draw, rate, interest and principal due, fees, refinancing.
    const rows = serviceFacilities(ar, facilities, offset, atQuarter(baseRates, offset), terms, open, input.interestConvention, quarter, events);
    // 3. The quarter's ledger, with the equity raised at its start, and its debt service.
    // Equity markets shut with debt markets only where the input says so.
    const equity = open || !input.marketShutIncludesEquity ? atQuarter(equityRaised, offset) : ar.zero;
    const ledger = openLedger(ar, quarter, offset, cash, equity, openingDebt, operating, rows, open);
    bookDebtService(ar, ledger);
    // 4. Earnings: reported interest expense, leases, taxes, operating cash flow.
    bookEarnings(ar, ledger, discountTotals[offset] as N, atQuarter(capitalisedShares, offset), leases, taxRate);
    // 5. Liquidity, at the quarter's end: minimum cash, prepayments, the sweep.
    const beforeFinancing = cashFlowBeforeFinancing(ar, ledger);
    fundMinimumCash(ar, ledger, quarterEnd, ar.add(ar.add(ar.add(cash, ledger.equityRaised), beforeFinancing), ledger.scheduledDraws), cent);
    if (quarterEnd.prepaymentQuarters.has(offset)) prepay(ar, facilities, ledger, minimumCash);
    sweepCash(ar, facilities, ledger, quarterEnd.sweepShare, quarterEnd.sweepFloor);
    closeDebt(ar, ledger);
    // 6. Covenants: minimum liquidity first, as an equity cure changes the quarter's cash;
    // the ratios on the quarter's metrics, their consequences biting from the next quarter.
    if (breaches.length) breaches.length = 0;
    cureLiquidity(ar, ledger, covenants, revolver, cent, breaches);
    const cannotPay = ar.isNegative(ledger.closingCash);
    if (cannotPay) {
      firstDefaultQuarter ??= quarter;
      events.push({kind: "cannotPay", quarter, shortfall: -ar.toNumber(ledger.closingCash)});
    }
    const metrics = quarterMetrics(ar, ledger, beforeFinancing, cent);
    testRatioCovenants(ar, covenants, metrics, ledger.closingDebt, ledger.closingCash, cent, offset, quarter, breaches);
    if (breaches.length) {
      firstBreachQuarter ??= quarter;
      events.push(...breaches);
    }
    // 7. Minsky's regime, on operating cash flow and on what is left of it after maintenance capex.
    const regime = minskyRegime(ar, ledger.operatingCashFlow, ledger.interest, ledger.principalDue);
    const regimeAfterMaintenance = ar.isZero(ledger.maintenanceCapex) ? regime : minskyRegime(ar, ar.sub(ledger.operatingCashFlow, ledger.maintenanceCapex), ledger.interest, ledger.principalDue);
    quarters.push({ledger, metrics, regime, regimeAfterMaintenance, cannotPay});
    cash = ledger.closingCash;
    openingDebt = ledger.closingDebt;
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

/** The quarter's ledger while it is being booked: each step of the quarter fills in its lines. */
type LedgerRow<N> = {-readonly [K in Exclude<keyof LedgerQuarter<N>, "facilities">]: LedgerQuarter<N>[K]} & {facilities: FacilityRow<N>[]};

/** What the quarter's end works with, made once for the projection. */
interface QuarterEndTerms<N> {
  readonly minimumCash: N;
  readonly revolver: FacilityState<N> | null;
  readonly newBorrowing: FacilityState<N> | null;
  /** Where the revolver and new borrowing are among the facilities (and a quarter's rows), or −1. */
  readonly revolverIndex: number;
  readonly newBorrowingIndex: number;
  readonly newBorrowingTenor: number;
  readonly newBorrowingPerQuarter: N | null;
  /** The quarters in which some facility asks to prepay: the others skip the step. */
  readonly prepaymentQuarters: ReadonlySet<number>;
  /** The cash sweep's share of cash above its floor (minimum cash plus a buffer). */
  readonly sweepShare: N;
  readonly sweepFloor: N;
}

function prepaymentQuarters<N>(facilities: readonly FacilityState<N>[]): Set<number> {
  const quarters = new Set<number>();
  for (const f of facilities) if (f.prepayments) for (const offset of f.prepayments.keys()) quarters.add(offset);
  return quarters;
}

/**
 * The quarter's ledger, opened on its operations, its facilities' rows and the equity raised
 * at its start; the later steps fill in the rest.
 */
function openLedger<N>(ar: Arithmetic<N>, quarter: QuarterLabel, offset: number, openingCash: N, equityRaised: N, openingDebt: N, op: OperatingQuarter<N>, rows: FacilityRow<N>[], open: boolean): LedgerRow<N> {
  const zero = ar.zero;
  return {
    quarter, offset, openingCash, equityRaised,
    revenue: op.revenue, bookings: op.bookings, backlog: op.backlog, largestCustomerRevenue: op.largestCustomerRevenue, badDebt: op.badDebt,
    operatingCosts: op.operatingCosts, ebitda: op.ebitda,
    depreciation: op.depreciation, ebit: op.ebit, taxes: zero, operatingCashFlow: zero, capex: op.capex, maintenanceCapex: op.maintenanceCapex,
    interest: zero, pikInterest: zero, discountAmortisation: zero, capitalisedInterest: zero, reportedInterestExpense: zero, fees: zero, principalDue: zero, refinanced: zero,
    leasePayments: zero, leaseLiability: zero, sweepRepayment: zero, prepayment: zero, prepaymentPremium: zero, equityCure: zero, undrawnRevolver: zero,
    repaid: zero, scheduledDraws: zero, revolverDraw: zero, revolverRepayment: zero, newBorrowing: zero,
    closingCash: zero, openingDebt, closingDebt: zero,
    facilities: rows,
    marketOpen: open
  };
}

/** The facilities' rows summed into the quarter's interest, fees, principal due, rolls and scheduled draws. */
function bookDebtService<N>(ar: Arithmetic<N>, ledger: LedgerRow<N>): void {
  let interest = ar.zero, pikInterest = ar.zero, fees = ar.zero, principalDue = ar.zero, refinanced = ar.zero, scheduledDraws = ar.zero;
  for (const row of ledger.facilities) {
    interest = ar.add(interest, row.interest);
    pikInterest = ar.add(pikInterest, row.pikInterest);
    fees = ar.add(fees, row.fees);
    principalDue = ar.add(principalDue, row.principalDue);
    refinanced = ar.add(refinanced, row.refinanced);
    scheduledDraws = ar.add(scheduledDraws, row.drawn);
  }
  ledger.interest = interest;
  ledger.pikInterest = pikInterest;
  ledger.fees = fees;
  ledger.principalDue = principalDue;
  ledger.refinanced = refinanced;
  ledger.scheduledDraws = scheduledDraws;
}

/**
 * From EBIT to operating cash flow: interest capitalised into assets under
 * construction, interest expense as reported (with the discount amortised), the leases,
 * and taxes on what is left, when positive.
 */
function bookEarnings<N>(ar: Arithmetic<N>, ledger: LedgerRow<N>, discountAmortisation: N, capitalisedShare: N, leases: LeaseSchedule<N> | null, taxRate: N): void {
  ledger.discountAmortisation = discountAmortisation;
  ledger.capitalisedInterest = ar.mul(ledger.interest, capitalisedShare);
  ledger.reportedInterestExpense = ar.sub(ar.add(ledger.interest, discountAmortisation), ledger.capitalisedInterest);
  ledger.leasePayments = leasePayment(ar, leases, ledger.offset);
  ledger.leaseLiability = leaseLiability(ar, leases, ledger.offset);
  const taxableIncome = ar.sub(ar.sub(ledger.ebit, ledger.reportedInterestExpense), ledger.leasePayments);
  ledger.taxes = ar.gt(taxableIncome, ar.zero) ? ar.mul(taxableIncome, taxRate) : ar.zero;
  ledger.operatingCashFlow = ar.sub(ar.sub(ledger.ebitda, ledger.taxes), ledger.leasePayments);
}

/**
 * The quarter's cash flow before borrowing to fund a shortfall; refinanced principal and
 * interest paid in kind never touch cash.
 */
function cashFlowBeforeFinancing<N>(ar: Arithmetic<N>, l: LedgerRow<N>): N {
  return ar.sub(ar.sub(ar.sub(ar.sub(l.operatingCashFlow, ar.sub(l.interest, l.pikInterest)), l.fees), l.capex), ar.sub(l.principalDue, l.refinanced));
}

/**
 * Holding minimum cash (`holdMinimumCash`) from `cash`, what the quarter leaves before it: the revolver's draw or repayment and new borrowing, booked in the ledger and
 * in the two facilities' rows.
 */
function fundMinimumCash<N>(ar: Arithmetic<N>, ledger: LedgerRow<N>, t: QuarterEndTerms<N>, cash: N, cent: N): void {
  const actions = holdMinimumCash(ar, {
    offset: ledger.offset, cash, minimumCash: t.minimumCash, revolver: t.revolver, newBorrowing: t.newBorrowing,
    newBorrowingTenor: t.newBorrowingTenor, newBorrowingPerQuarter: t.newBorrowingPerQuarter, marketOpen: ledger.marketOpen, cent
  });
  ledger.fees = ar.add(ledger.fees, actions.newBorrowingFee);
  // Read only where there is a row: an index of −1 is a property name to JavaScript, and a slow read.
  const revolverRow = t.revolverIndex < 0 ? undefined : ledger.facilities[t.revolverIndex];
  if (revolverRow) {
    revolverRow.drawn = ar.add(revolverRow.drawn, actions.revolverDraw);
    revolverRow.repaid = ar.add(revolverRow.repaid, actions.revolverRepayment);
    revolverRow.closing = (t.revolver as FacilityState<N>).balance;
  }
  const newBorrowingRow = t.newBorrowingIndex < 0 ? undefined : ledger.facilities[t.newBorrowingIndex];
  if (newBorrowingRow) {
    newBorrowingRow.drawn = ar.add(newBorrowingRow.drawn, actions.newBorrowing);
    newBorrowingRow.fees = ar.add(newBorrowingRow.fees, actions.newBorrowingFee);
    newBorrowingRow.closing = (t.newBorrowing as FacilityState<N>).balance;
  }
  ledger.revolverDraw = actions.revolverDraw;
  ledger.revolverRepayment = actions.revolverRepayment;
  ledger.newBorrowing = actions.newBorrowing;
  ledger.closingCash = actions.closingCash;
}

/**
 * Optional prepayments due this quarter, in the facilities' listed order: each
 * repays up to its amount of the balance, with its call premium, from cash above minimum
 * cash. What cash cannot cover is not prepaid (a prepayment is a choice, never borrowed
 * for); where cash binds, prepayment and premium take exactly what is above the minimum,
 * so cash lands on it and not a float rounding below. Updates the facilities and their rows.
 */
function prepay<N>(ar: Arithmetic<N>, facilities: FacilityState<N>[], ledger: LedgerRow<N>, minimumCash: N): void {
  let cash = ledger.closingCash;
  let principal = ar.zero, premium = ar.zero;
  for (let i = 0; i < facilities.length; i++) {
    const f = facilities[i]!;
    const wanted = f.prepayments ? f.prepayments.get(ledger.offset) : undefined;
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
    const row = ledger.facilities[i]!;
    row.prepaid = pay;
    row.prepaymentPremium = fee;
    row.repaid = ar.add(row.repaid, pay);
    row.closing = f.balance;
    principal = ar.add(principal, pay);
    premium = ar.add(premium, fee);
  }
  ledger.closingCash = cash;
  ledger.prepayment = principal;
  ledger.prepaymentPremium = premium;
}

/**
 * The cash sweep: `share` of cash above `floor` repays term facilities in their
 * listed order (seniority), each up to its balance. Updates the facilities and their rows.
 */
function sweepCash<N>(ar: Arithmetic<N>, facilities: FacilityState<N>[], ledger: LedgerRow<N>, share: N, floor: N): void {
  const cash = ledger.closingCash;
  if (ar.isZero(share) || !ar.gt(cash, floor)) return;
  let left = ar.mul(ar.sub(cash, floor), share);
  let swept = ar.zero;
  facilities.forEach((f, i) => {
    if (f.kind !== "term" || !ar.gt(left, ar.zero) || !ar.gt(f.balance, ar.zero)) return;
    const pay = ar.min(left, f.balance);
    f.balance = ar.sub(f.balance, pay);
    const row = ledger.facilities[i]!;
    row.repaid = ar.add(row.repaid, pay);
    row.closing = f.balance;
    left = ar.sub(left, pay);
    swept = ar.add(swept, pay);
  });
  ledger.sweepRepayment = swept;
  ledger.closingCash = ar.sub(cash, swept);
}

/** The quarter's closing debt, every facility's row being final, and all it repaid in cash. */
function closeDebt<N>(ar: Arithmetic<N>, ledger: LedgerRow<N>): void {
  let closingDebt = ar.zero;
  for (const row of ledger.facilities) closingDebt = ar.add(closingDebt, row.closing);
  ledger.closingDebt = closingDebt;
  ledger.repaid = ar.add(ar.add(ar.add(ar.sub(ledger.principalDue, ledger.refinanced), ledger.revolverRepayment), ledger.sweepRepayment), ledger.prepayment);
}

/**
 * Minimum-liquidity covenants (`testLiquidityCovenants`) on cash and the undrawn
 * revolver at the quarter's end: books the equity put in to cure them and the cash after it.
 */
function cureLiquidity<N>(ar: Arithmetic<N>, ledger: LedgerRow<N>, covenants: CovenantBook<N>, revolver: FacilityState<N> | null, cent: N, breaches: ProjectionEvent[]): void {
  ledger.undrawnRevolver = revolver ? revolver.undrawn : ar.zero;
  ledger.equityCure = testLiquidityCovenants(ar, covenants, ledger.closingCash, ledger.undrawnRevolver, cent, ledger.offset, ledger.quarter, breaches);
  ledger.closingCash = ar.add(ledger.closingCash, ledger.equityCure);
}

/** The quarter's solvency ratios (`solvencyMetrics`). */
function quarterMetrics<N>(ar: Arithmetic<N>, l: LedgerRow<N>, beforeFinancing: N, cent: N): SolvencyMetrics<N> {
  return solvencyMetrics(ar, {
    ebitda: l.ebitda, ebit: l.ebit, interest: l.interest, fees: l.fees, principalDue: l.principalDue, operatingCashFlow: l.operatingCashFlow,
    closingDebt: l.closingDebt, closingCash: l.closingCash, cashFlowBeforeFinancing: beforeFinancing, undrawnRevolver: l.undrawnRevolver, leasePayments: l.leasePayments, leaseLiability: l.leaseLiability
  }, cent);
}
