import type {CommitmentFigure, DiscountFigure, FacilityFigure, FinancialFigure, IssuanceFigure} from "./base-case.js";

/** What the dataset gives the base case: the tables it reads. */
export interface BaseCaseTables<F extends FinancialFigure = FinancialFigure> {
  readonly financials: readonly F[];
  readonly facilities: readonly FacilityFigure[];
  readonly discounts: readonly DiscountFigure[];
  readonly issuances: readonly IssuanceFigure[];
  /** Committed facilities' terms at a debt table's date (none where the caller holds none). */
  readonly commitments?: readonly CommitmentFigure[];
}

/**
 * The dataset as it stood at a date: the figures for periods and balances that end by then,
 * the debt tables and discounts at or before it, and the debt issued by `issuedBy` (the date
 * by default). It is how the base case would have been built then (the hindcast), and how
 * worked examples pin a past quarter while the dataset grows.
 */
export function tablesAsOf<F extends FinancialFigure & {readonly period_end: string}>(tables: BaseCaseTables<F>, date: string, issuedBy = date): BaseCaseTables<F> {
  return {
    financials: tables.financials.filter((f) => f.period_end <= date),
    facilities: tables.facilities.filter((f) => f.as_of <= date),
    discounts: tables.discounts.filter((d) => d.as_of <= date),
    issuances: tables.issuances.filter((d) => d.issued <= issuedBy),
    commitments: (tables.commitments ?? []).filter((c) => c.as_of <= date)
  };
}
