import {decimalArithmetic, project} from "../model/index.js";
import {operatingCashFlowAfterInterest} from "../readings/cash-flow.js";
import {tablesAsOf, type BaseCaseTables} from "./as-of.js";
import {baseCase, type FinancialFigure} from "./base-case.js";

/**
 * The hindcast: the base case as it would have been built from the figures held at a date
 * (the dataset cut there: tablesAsOf), projected, and set against what was reported for the
 * quarters since. It says where the model was wrong, measure by measure.
 */
export const HINDCAST_MEASURES = ["Revenue", "Operating cash flow", "Interest expense", "Debt (principal)", "Cash"] as const;
export type HindcastMeasure = (typeof HINDCAST_MEASURES)[number];

export interface HindcastRow {
  readonly quarter: string;
  readonly measure: HindcastMeasure;
  /** USD millions. */
  readonly projected: number;
  readonly reported: number;
  /** (projected − reported) / |reported| × 100, to 0.1. */
  readonly error_pct: number;
  readonly reported_source: string;
}

export interface Hindcast {
  /** The date the dataset was cut at, and the quarter the projection started from. */
  readonly asOf: string;
  readonly start: string;
  readonly rows: readonly HindcastRow[];
}

type Figure = FinancialFigure & {readonly period_end: string; readonly measure?: string};

export function hindcast(tables: BaseCaseTables<Figure>, asOf: string): Hindcast {
  const past = tablesAsOf(tables, asOf);
  const base = baseCase(past.financials, past.facilities, past.discounts, past.issuances, past.commitments);
  const projection = project(base.input, decimalArithmetic);
  const reported = (item: string, quarter: string) => tables.financials.find((f) => f.line_item === item && f.period === quarter);
  const rows: HindcastRow[] = [];
  for (const {ledger: q} of projection.quarters) {
    const measures: Array<[HindcastMeasure, number, Figure | undefined]> = [
      ["Revenue", q.revenue.toNumber(), reported("revenue", q.quarter)],
      ["Operating cash flow", operatingCashFlowAfterInterest(q).toNumber(), reported("operating_cash_flow", q.quarter)],
      ["Interest expense", q.reportedInterestExpense.toNumber(), reported("interest_expense_on_debt", q.quarter)],
      ["Debt (principal)", q.closingDebt.toNumber(), reported("total_debt_principal", q.quarter)],
      ["Cash", q.closingCash.toNumber(), reported("cash_and_cash_equivalents", q.quarter)]
    ];
    for (const [measure, projected, figure] of measures) {
      if (!figure) continue;
      rows.push({
        quarter: q.quarter, measure, projected: Math.round(projected * 10) / 10, reported: figure.value,
        error_pct: Math.round(((projected - figure.value) / Math.abs(figure.value)) * 1000) / 10,
        reported_source: figure.source
      });
    }
  }
  return {asOf, start: base.input.start, rows};
}
