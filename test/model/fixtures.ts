import {decimalArithmetic, parseModelInput, project, type ModelInputDraft} from "../../src/model/index.js";
import type {FacilityQuarter, LedgerQuarter} from "../../src/model/index.js";
import type Decimal from "decimal.js";

type FacilityDraft = ModelInputDraft["facilities"][number];

/**
 * A deliberately plain company for worked examples: revenue 100 a quarter, flat, at a
 * 50 % EBITDA margin (EBITDA 50), no capex, no depreciation, no tax, no minimum cash.
 * Each test overrides what it is about.
 */
export function plainCompany(overrides: Partial<ModelInputDraft> & {facilities: FacilityDraft[]}): ModelInputDraft {
  return {
    start: "2026Q1",
    quarters: 4,
    openingCash: 1000,
    minimumCash: 0,
    revenue: {lastQuarter: 100, growth: 0},
    costs: {kind: "margin", ebitdaMargin: 0.5},
    capex: 0,
    baseRate: 0.04,
    ...overrides
  };
}

export function runDecimal(draft: ModelInputDraft) {
  return project(parseModelInput(draft), decimalArithmetic);
}

/** A facility's quarters, by id, as strings so that the worked numbers read exactly. */
export function facilityColumn(projection: ReturnType<typeof runDecimal>, id: string, field: keyof FacilityQuarter<Decimal>): string[] {
  const index = projection.facilities.findIndex((f) => f.id === id);
  if (index < 0) throw new Error(`no facility ${id}`);
  return projection.quarters.map((q) => (q.ledger.facilities[index] as FacilityQuarter<Decimal>)[field].toString());
}

export function ledgerColumn(projection: ReturnType<typeof runDecimal>, field: keyof LedgerQuarter<Decimal>): string[] {
  return projection.quarters.map((q) => String(q.ledger[field]));
}
