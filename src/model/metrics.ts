import type {Arithmetic} from "./arithmetic.js";

/**
 * Solvency ratios of one quarter. A ratio whose denominator is below a cent or meaningless (no
 * interest to cover, EBITDA at or below zero for leverage, no cash burn for runway) is
 * `null` — "not meaningful" on screen — never NaN or Infinity.
 */
export interface SolvencyMetrics<N> {
  /** EBITDA / interest expense. */
  readonly interestCoverageEbitda: N | null;
  /** EBIT / interest expense. */
  readonly interestCoverageEbit: N | null;
  /** (Closing debt − closing cash) / annualised EBITDA (the quarter's × 4). */
  readonly netLeverage: N | null;
  /** Operating cash flow / debt service (interest, fees and principal due). */
  readonly dscr: N | null;
  /** Quarters that liquidity (cash + undrawn revolver) lasts at this quarter's burn. */
  readonly runwayQuarters: N | null;
  /** With leases as a fixed charge: EBITDA / (interest + lease payments). */
  readonly fixedChargeCoverage: N | null;
  /** With lease liabilities as debt: (closing debt + lease liability − closing cash) / annualised EBITDA. */
  readonly netLeverageWithLeases: N | null;
}

export interface MetricInputs<N> {
  readonly ebitda: N;
  readonly ebit: N;
  readonly interest: N;
  readonly fees: N;
  readonly principalDue: N;
  readonly operatingCashFlow: N;
  readonly closingDebt: N;
  readonly closingCash: N;
  /** Cash flow before any borrowing or refinancing: negative when the quarter burns cash. */
  readonly cashFlowBeforeFinancing: N;
  readonly undrawnRevolver: N;
  readonly leasePayments: N;
  readonly leaseLiability: N;
}

/**
 * A denominator below a cent (figures are in USD millions) is dust, not a quantity: a
 * ratio over it would be a meaningless 1e300, which no chart or float can hold.
 */
export const CENT_IN_MILLIONS = 1e-8;

export function ratioOrNull<N>(ar: Arithmetic<N>, numerator: N, denominator: N, cent: N): N | null {
  return ar.gt(denominator, cent) ? ar.div(numerator, denominator) : null;
}

/** `cent` is CENT_IN_MILLIONS in the projection's arithmetic, made once by the caller. */
export function solvencyMetrics<N>(ar: Arithmetic<N>, m: MetricInputs<N>, cent: N): SolvencyMetrics<N> {
  const twiceEbitda = ar.add(m.ebitda, m.ebitda);
  const annualisedEbitda = ar.add(twiceEbitda, twiceEbitda);
  const debtService = ar.add(ar.add(m.interest, m.fees), m.principalDue);
  const liquidity = ar.max(ar.zero, ar.add(m.closingCash, m.undrawnRevolver));
  const interestCoverageEbitda = ratioOrNull(ar, m.ebitda, m.interest, cent);
  const netLeverage = ratioOrNull(ar, ar.sub(m.closingDebt, m.closingCash), annualisedEbitda, cent);
  return {
    interestCoverageEbitda,
    interestCoverageEbit: ratioOrNull(ar, m.ebit, m.interest, cent),
    netLeverage,
    dscr: ratioOrNull(ar, m.operatingCashFlow, debtService, cent),
    runwayQuarters: ar.isNegative(m.cashFlowBeforeFinancing) ? ratioOrNull(ar, liquidity, ar.neg(m.cashFlowBeforeFinancing), cent) : null,
    // Without leases the two lease readings are the two above, figure for figure: a
    // division is the dearest decimal step, and these two were a third of a quarter's.
    fixedChargeCoverage: ar.isZero(m.leasePayments) ? interestCoverageEbitda : ratioOrNull(ar, m.ebitda, ar.add(m.interest, m.leasePayments), cent),
    netLeverageWithLeases: ar.isZero(m.leaseLiability) ? netLeverage : ratioOrNull(ar, ar.sub(ar.add(m.closingDebt, m.leaseLiability), m.closingCash), annualisedEbitda, cent)
  };
}
