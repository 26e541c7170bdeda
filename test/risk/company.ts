import type {ModelInputDraft} from "../../src/model/index.js";

/**
 * A company small enough to solve by hand: revenue 100 a quarter at a 50 % EBITDA margin,
 * no taxes, capex or depreciation, eight quarters from 2026Q1, and one facility.
 */
export function handCompany(facility: ModelInputDraft["facilities"][number], extra: Partial<ModelInputDraft> = {}): ModelInputDraft {
  return {
    start: "2026Q1", quarters: 8, openingCash: 100, minimumCash: 0,
    revenue: {lastQuarter: 100, growth: 0},
    costs: {kind: "margin", ebitdaMargin: 0.5},
    capex: 0, baseRate: 0,
    facilities: [facility],
    ...extra
  };
}
