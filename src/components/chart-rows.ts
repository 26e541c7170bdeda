import type {Projection} from "../model/index.js";

/**
 * Long-format rows for the charts, from a projection in numbers. Only finite figures
 * become rows: a ratio the model left null ("not meaningful") is left out, so nothing
 * draws NaN or Infinity; the chart's note says so.
 */
export interface SeriesRow {
  readonly quarter: string;
  readonly series: string;
  readonly value: number;
}
export interface RegimeRow {
  readonly quarter: string;
  readonly regime: "hedge" | "speculative" | "ponzi";
  readonly cannotPay: boolean;
  /** The quarter's covenant breaches, worded for the tooltip; empty when there are none. */
  readonly breaches: string;
}

const finite = (rows: SeriesRow[]) => rows.filter((r) => Number.isFinite(r.value));

export function cashRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => [
    {quarter: l.quarter, series: "Closing cash", value: l.closingCash},
    {quarter: l.quarter, series: "Debt due (principal + interest)", value: l.principalDue + l.interest}
  ]));
}

export function coverageRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l, metrics: m}) => [
    ...(m.interestCoverageEbitda === null ? [] : [{quarter: l.quarter, series: "EBITDA / interest", value: m.interestCoverageEbitda}]),
    ...(m.dscr === null ? [] : [{quarter: l.quarter, series: "DSCR", value: m.dscr}])
  ]));
}

export function regimeRows(p: Projection<number>): RegimeRow[] {
  const names = new Map(p.facilities.map((f) => [f.id, f.name]));
  const breaches = new Map<string, string[]>();
  for (const e of p.events) {
    if (e.kind !== "covenantBreach") continue;
    const value = e.value === null ? "not meaningful" : e.covenant === "minimumLiquidity" ? `${e.value.toFixed(0)} USD m` : `${e.value.toFixed(2)}×`;
    const list = breaches.get(e.quarter) ?? [];
    list.push(`${names.get(e.facilityId) ?? e.facilityId}: ${COVENANT_NAMES[e.covenant] ?? e.covenant} ${value} against ${e.threshold} (${e.consequence})`);
    breaches.set(e.quarter, list);
  }
  return p.quarters.map((q) => ({quarter: q.ledger.quarter, regime: q.regime, cannotPay: q.cannotPay, breaches: (breaches.get(q.ledger.quarter) ?? []).join("; ")}));
}

const COVENANT_NAMES: Readonly<Record<string, string>> = {
  minimumLiquidity: "liquidity", interestCoverage: "interest coverage", maximumLeverage: "leverage", dscr: "DSCR"
};

export function maturityRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => l.facilities.map((f, i) => ({quarter: l.quarter, series: p.facilities[i]!.name, value: f.principalDue - f.refinanced}))
    .filter((r) => r.value !== 0)));
}

/** Sources positive, uses negative, so the bars of a quarter balance around zero. */
export function sourcesUsesRows(p: Projection<number>): SeriesRow[] {
  return finite(p.quarters.flatMap(({ledger: l}) => [
    {quarter: l.quarter, series: "Operating cash flow", value: l.operatingCashFlow},
    {quarter: l.quarter, series: "Borrowing", value: l.scheduledDraws + l.revolverDraw + l.newBorrowing},
    {quarter: l.quarter, series: "Refinanced", value: l.refinanced},
    {quarter: l.quarter, series: "Equity cure", value: l.equityCure},
    // Cash only: interest paid in kind is added to debt, not paid, so it is neither a source nor a use.
    {quarter: l.quarter, series: "Interest and fees", value: -(l.interest - l.pikInterest + l.fees)},
    {quarter: l.quarter, series: "Capex", value: -l.capex},
    {quarter: l.quarter, series: "Principal", value: -(l.principalDue + l.revolverRepayment)},
    {quarter: l.quarter, series: "Repaid early (sweep, prepayments)", value: -(l.sweepRepayment + l.prepayment)},
    {quarter: l.quarter, series: "Prepayment premiums", value: -l.prepaymentPremium},
    {quarter: l.quarter, series: "Cash drawn down (−: built up)", value: l.openingCash - l.closingCash}
  ].filter((r) => r.value !== 0)));
}
