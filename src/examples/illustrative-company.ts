import type {ModelInputDraft} from "../model/index.js";

/**
 * An ILLUSTRATIVE company for the engine's first page: every figure here is an
 * assumption chosen to exercise the model, not a reported figure of any company. The
 * CoreWeave dataset, with its sources, replaces it when the data loaders land.
 */
export const illustrativeCompany: ModelInputDraft = {
  start: "2026Q1",
  quarters: 12,
  openingCash: 1000,
  minimumCash: 300,
  revenue: {lastQuarter: 1200, growth: [0.1, 0.08, 0.06, 0.04, 0.03]},
  costs: {kind: "margin", ebitdaMargin: 0.55},
  depreciation: {openingPerQuarter: 400, openingRemainingQuarters: 20, capexLifeQuarters: 24},
  capex: [1500, 1200, 900, 600],
  taxRate: 0.21,
  baseRate: 0.04,
  facilities: [
    {id: "term-loan", name: "Delayed-draw term loan", principal: 4000, draws: [{quarter: "2026Q3", amount: 1000}], rate: {type: "floating", spread: 0.065, floor: 0}, amortisation: {type: "straightLine"}, maturity: "2029Q4"},
    {id: "notes", name: "Senior notes", principal: 2000, rate: {type: "fixed", annualRate: 0.09}, maturity: "2027Q2"}
  ],
  revolver: {capacity: 1500, rate: {type: "floating", spread: 0.035}, commitmentFeeRate: 0.00375},
  refinancing: {shareRolled: 0.8, spread: 0.06, tenorQuarters: 20, feeRate: 0.01},
  newBorrowing: {limit: 2000, spread: 0.08, tenorQuarters: 16, feeRate: 0.02}
};
