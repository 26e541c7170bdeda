import {FACILITY_KIND, type LanePath, type LaneProgram} from "./batch-lanes.js";
import type {FacilityLaneState, FacilityRows, SharedLoans} from "./batch-debt.js";
import type {LedgerLine, MetricLine} from "./batch-lines.js";
import {CENT_IN_MILLIONS} from "./metrics.js";

/**
 * The quarter's ledger over the lanes, after the facilities' step (batch-debt.ts): each step
 * of `project` in its order — operations and equity, earnings and taxes, minimum cash,
 * prepayments, the sweep, the closing debt, the metrics — as a loop over the lanes, in
 * float64, operation for operation the generic engine's.
 */

export type QuarterLedger = Readonly<Record<LedgerLine, Float64Array>>;
export type QuarterMetrics = Readonly<Record<MetricLine, Float64Array>>;

/** A path's values for quarter q: lane l's is values[at + l × step]. */
function quarterOf(path: LanePath, q: number): {values: Float64Array; at: number; step: number} {
  return {values: path.values, at: q * path.quarterStride, step: path.laneStride};
}

/**
 * Operations, the equity raised at the quarter's start, earnings (`bookEarnings`) and the
 * cash before minimum cash is held, which it leaves in `closingCash`; the cash flow before
 * financing into `beforeFinancing`.
 */
export function bookEarnings(p: LaneProgram, L: QuarterLedger, q: number, cash: Float64Array, openingDebt: Float64Array, beforeFinancing: Float64Array): void {
  const ops = p.operations, O = ops.count, opAt = q * O, lane = p.operatingLane;
  const open = quarterOf(p.open, q), equityPath = quarterOf(p.equityRaised, q), discountPath = quarterOf(p.discountTotal, q);
  const capitalisedPath = quarterOf(p.capitalisedShare, q), leasePath = quarterOf(p.leasePayment, q), liabilityPath = quarterOf(p.leaseLiability, q);
  const {equityShutToo, taxRate} = p;
  const {interest: interestOf, pikInterest: pikOf, principalDue: dueOf, refinanced: refinancedOf, fees: feesOf, scheduledDraws: drawsOf} = L;
  for (let l = 0; l < p.lanes; l++) {
    const oi = opAt + lane[l]!;
    const ebitda = ops.ebitda[oi]!, ebit = ops.ebit[oi]!, capex = ops.capex[oi]!;
    L.openingCash[l] = cash[l]!; L.openingDebt[l] = openingDebt[l]!;
    L.revenue[l] = ops.revenue[oi]!; L.bookings[l] = ops.bookings[oi]!; L.backlog[l] = ops.backlog[oi]!; L.largestCustomerRevenue[l] = ops.largestCustomerRevenue[oi]!;
    L.badDebt[l] = ops.badDebt[oi]!; L.operatingCosts[l] = ops.operatingCosts[oi]!; L.ebitda[l] = ebitda; L.depreciation[l] = ops.depreciation[oi]!;
    L.ebit[l] = ebit; L.capex[l] = capex; L.maintenanceCapex[l] = ops.maintenanceCapex[oi]!;
    // Equity markets shut with debt markets only where the input says so.
    const equity = open.values[open.at + l * open.step] || !equityShutToo[l] ? equityPath.values[equityPath.at + l * equityPath.step]! : 0;
    L.equityRaised[l] = equity;
    const interest = interestOf[l]!;
    const discount = discountPath.values[discountPath.at + l * discountPath.step]!;
    const capitalised = interest * capitalisedPath.values[capitalisedPath.at + l * capitalisedPath.step]!;
    const reported = (interest + discount) - capitalised;
    const leasePayments = leasePath.values[leasePath.at + l * leasePath.step]!;
    const taxable = (ebit - reported) - leasePayments;
    const taxes = taxable > 0 ? taxable * taxRate[l]! : 0;
    const operatingCashFlow = (ebitda - taxes) - leasePayments;
    L.discountAmortisation[l] = discount; L.capitalisedInterest[l] = capitalised; L.reportedInterestExpense[l] = reported;
    L.leasePayments[l] = leasePayments; L.leaseLiability[l] = liabilityPath.values[liabilityPath.at + l * liabilityPath.step]!;
    L.taxes[l] = taxes; L.operatingCashFlow[l] = operatingCashFlow;
    // Refinanced principal and interest paid in kind never touch cash.
    const before = (((operatingCashFlow - (interest - pikOf[l]!)) - feesOf[l]!) - capex) - (dueOf[l]! - refinancedOf[l]!);
    beforeFinancing[l] = before;
    L.closingCash[l] = ((cash[l]! + equity) + before) + drawsOf[l]!;
  }
}

/**
 * Minimum cash at the quarter's end (`holdMinimumCash`, `fundMinimumCash`): a shortfall
 * draws the revolver, then new borrowing while markets are open, grossed up for its fee;
 * cash above the minimum repays the revolver. Books the actions and the cash after them.
 */
export function holdMinimumCash(p: LaneProgram, state: readonly FacilityLaneState[], L: QuarterLedger, rows: readonly FacilityRows[] | null, q: number): void {
  const revolver = p.revolverIndex >= 0 ? state[p.revolverIndex]! : null;
  const newBorrowing = p.newBorrowingIndex >= 0 ? state[p.newBorrowingIndex]! : null;
  const feeRates = p.newBorrowingIndex >= 0 ? p.facilities[p.newBorrowingIndex]!.upfrontFeeRate : null;
  const revolverRow = rows && revolver ? rows[p.revolverIndex]! : null, newBorrowingRow = rows && newBorrowing ? rows[p.newBorrowingIndex]! : null;
  const open = quarterOf(p.open, q);
  const {minimumCash: minimumCashOf, newBorrowingPerQuarter, newBorrowingTenor} = p;
  const {closingCash, fees: feesOf, revolverDraw: drawOf, revolverRepayment: repaymentOf, newBorrowing: borrowedOf} = L;
  for (let l = 0; l < p.lanes; l++) {
    const minimumCash = minimumCashOf[l]!;
    let cash = closingCash[l]!;
    let revolverDraw = 0, revolverRepayment = 0, borrowed = 0, fee = 0;
    const revolverAvailable = revolver !== null && q < revolver.maturity[l]!;
    if (cash < minimumCash) {
      let need = minimumCash - cash;
      if (revolverAvailable && revolver.undrawn[l]! > 0) {
        const undrawn = revolver.undrawn[l]!;
        revolverDraw = need <= undrawn ? need : undrawn;
        revolver.balance[l] = revolver.balance[l]! + revolverDraw;
        revolver.undrawn[l] = undrawn - revolverDraw;
        need = need - revolverDraw;
      }
      if (newBorrowing !== null) {
        const undrawn = newBorrowing.undrawn[l]!, perQuarter = newBorrowingPerQuarter[l]!;
        // What can be borrowed this quarter: what is left of the limit, and at most the cap a quarter.
        const room = Number.isNaN(perQuarter) ? undrawn : (undrawn <= perQuarter ? undrawn : perQuarter);
        if (open.values[open.at + l * open.step] && need > 0 && room > 0) {
          const feeRate = feeRates![l]!;
          const grossNeeded = need / (1 - feeRate);
          borrowed = grossNeeded <= room ? grossNeeded : room;
          const coversAll = borrowed === grossNeeded;
          fee = coversAll ? grossNeeded - need : borrowed * feeRate;
          newBorrowing.balance[l] = newBorrowing.balance[l]! + borrowed;
          newBorrowing.undrawn[l] = undrawn - borrowed;
          if (newBorrowing.maturity[l] === Infinity && borrowed > CENT_IN_MILLIONS) newBorrowing.maturity[l] = q + newBorrowingTenor[l]!;
          need = coversAll ? 0 : need - (borrowed - fee);
        }
      }
      cash = need > 0 ? minimumCash - need : minimumCash;
    } else if (revolverAvailable && revolver.balance[l]! > 0) {
      const balance = revolver.balance[l]!, above = cash - minimumCash;
      revolverRepayment = above <= balance ? above : balance;
      revolver.balance[l] = balance - revolverRepayment;
      revolver.undrawn[l] = revolver.undrawn[l]! + revolverRepayment;
      cash = cash - revolverRepayment;
    }
    feesOf[l] = feesOf[l]! + fee;
    if (revolverRow) {
      revolverRow.drawn[l] = revolverRow.drawn[l]! + revolverDraw;
      revolverRow.repaid[l] = revolverRow.repaid[l]! + revolverRepayment;
      revolverRow.closing[l] = revolver!.balance[l]!;
    }
    if (newBorrowingRow) {
      newBorrowingRow.drawn[l] = newBorrowingRow.drawn[l]! + borrowed;
      newBorrowingRow.fees[l] = newBorrowingRow.fees[l]! + fee;
      newBorrowingRow.closing[l] = newBorrowing!.balance[l]!;
    }
    drawOf[l] = revolverDraw; repaymentOf[l] = revolverRepayment; borrowedOf[l] = borrowed;
    closingCash[l] = cash;
  }
}

/**
 * Optional prepayments due this quarter (`prepay`), in the facilities' order, from cash above
 * minimum cash, with their call premiums; where cash binds, they take exactly what is above it.
 */
export function prepay(p: LaneProgram, state: readonly FacilityLaneState[], L: QuarterLedger, rows: readonly FacilityRows[] | null, q: number): void {
  const {closingCash, prepayment, prepaymentPremium} = L;
  for (let l = 0; l < p.lanes; l++) {
    const minimumCash = p.minimumCash[l]!;
    let cash = closingCash[l]!;
    let principal = 0, premium = 0;
    for (let f = 0; f < state.length; f++) {
      const terms = p.facilities[f]!, s = state[f]!;
      const wanted = terms.prepayments.values[q * terms.prepayments.quarterStride + l * terms.prepayments.laneStride]!;
      if (Number.isNaN(wanted)) continue;
      const balance = s.balance[l]!;
      if (!(balance > 0) || !(cash > minimumCash)) continue;
      const available = cash - minimumCash;
      let pay = wanted <= balance ? wanted : balance;
      let fee = pay * terms.prepaymentPremium[l]!;
      if (pay + fee > available) {
        pay = available / terms.prepaymentCost[l]!;
        fee = available - pay;
        cash = minimumCash;
      } else {
        cash = (cash - pay) - fee;
      }
      s.balance[l] = balance - pay;
      if (rows) {
        const row = rows[f]!;
        row.prepaid[l] = pay; row.prepaymentPremium[l] = fee; row.repaid[l] = row.repaid[l]! + pay; row.closing[l] = s.balance[l]!;
      }
      principal = principal + pay;
      premium = premium + fee;
    }
    closingCash[l] = cash;
    prepayment[l] = principal;
    prepaymentPremium[l] = premium;
  }
}

/** The cash sweep (`sweepCash`): its share of cash above its floor repays term loans in their listed order. */
export function sweepCash(p: LaneProgram, state: readonly FacilityLaneState[], L: QuarterLedger, rows: readonly FacilityRows[] | null): void {
  const {closingCash, sweepRepayment} = L;
  for (let l = 0; l < p.lanes; l++) {
    const cash = closingCash[l]!, share = p.sweepShare[l]!, floor = p.sweepFloor[l]!;
    if (share === 0 || !(cash > floor)) continue;
    let left = (cash - floor) * share;
    let swept = 0;
    for (let f = 0; f < state.length; f++) {
      const balance = state[f]!.balance[l]!;
      if (p.facilities[f]!.kind !== FACILITY_KIND.term || !(left > 0) || !(balance > 0)) continue;
      const pay = left <= balance ? left : balance;
      state[f]!.balance[l] = balance - pay;
      if (rows) {
        rows[f]!.repaid[l] = rows[f]!.repaid[l]! + pay;
        rows[f]!.closing[l] = balance - pay;
      }
      left = left - pay;
      swept = swept + pay;
    }
    sweepRepayment[l] = swept;
    closingCash[l] = cash - swept;
  }
}

/**
 * The quarter's close (`closeDebt`, `cureLiquidity`): every facility's row closes on its
 * balance, so the closing debt is their sum in order; all repaid in cash; the revolver's room.
 * No equity cure yet: the covenants' tests (batch-covenants.ts) book any.
 */
export function closeQuarter(p: LaneProgram, state: readonly FacilityLaneState[], L: QuarterLedger, loans: SharedLoans): void {
  const {closingDebt, repaid, principalDue, refinanced, revolverRepayment, sweepRepayment, prepayment, undrawnRevolver, equityCure} = L;
  closingDebt.fill(0);
  // The leading run of shared and grouped loans, summed at each class's first lane and copied (as their debt service is).
  const leading = loans.addLeadingBalances(state, closingDebt);
  state.forEach((s, f) => {
    if (f < leading) return;
    if (loans.grouped[f]) {
      const of = loans.classOf;
      for (let l = 0; l < p.lanes; l++) closingDebt[l] = closingDebt[l]! + s.balance[of[l]!]!;
    } else if (loans.shared[f] || loans.split[f]) {
      // Lane 0's balance, in every lane it stands for; a lane that repaid it adds nothing (its zero would change no sum).
      const balance = s.balance[0]!, live = loans.liveLanes(f);
      for (let l = 0; l < p.lanes; l++) if (live === null || live[l] === 1) closingDebt[l] = closingDebt[l]! + balance;
    } else {
      for (let l = 0; l < p.lanes; l++) closingDebt[l] = closingDebt[l]! + s.balance[l]!;
    }
  });
  const revolver = p.revolverIndex >= 0 ? state[p.revolverIndex]! : null;
  for (let l = 0; l < p.lanes; l++) {
    repaid[l] = (((principalDue[l]! - refinanced[l]!) + revolverRepayment[l]!) + sweepRepayment[l]!) + prepayment[l]!;
    undrawnRevolver[l] = revolver ? revolver.undrawn[l]! : 0;
  }
  equityCure.fill(0);
}

/** `solvencyMetrics` over the lanes: a ratio over a denominator at or below a cent is NaN (null in a projection). */
export function metricsOf(p: LaneProgram, L: QuarterLedger, M: QuarterMetrics, beforeFinancing: Float64Array): void {
  const {ebitda: ebitdaOf, ebit, interest: interestOf, fees, principalDue, operatingCashFlow, closingDebt: debtOf, closingCash: cashOf, undrawnRevolver, leasePayments, leaseLiability} = L;
  for (let l = 0; l < p.lanes; l++) {
    const ebitda = ebitdaOf[l]!, interest = interestOf[l]!, closingDebt = debtOf[l]!, closingCash = cashOf[l]!;
    const annualisedEbitda = (ebitda + ebitda) + (ebitda + ebitda);
    const debtService = (interest + fees[l]!) + principalDue[l]!;
    const liquidity = closingCash + undrawnRevolver[l]!;
    M.interestCoverageEbitda[l] = ratio(ebitda, interest);
    M.interestCoverageEbit[l] = ratio(ebit[l]!, interest);
    M.netLeverage[l] = ratio(closingDebt - closingCash, annualisedEbitda);
    M.dscr[l] = ratio(operatingCashFlow[l]!, debtService);
    M.runwayQuarters[l] = ratio(0 >= liquidity ? 0 : liquidity, -beforeFinancing[l]!);
    M.fixedChargeCoverage[l] = ratio(ebitda, interest + leasePayments[l]!);
    M.netLeverageWithLeases[l] = ratio((closingDebt + leaseLiability[l]!) - closingCash, annualisedEbitda);
  }
}

const ratio = (numerator: number, denominator: number): number => (denominator > CENT_IN_MILLIONS ? numerator / denominator : NaN);
