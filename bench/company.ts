import type {ModelInputDraft} from "../src/model/index.js";

/**
 * The benchmark's company: 28 quarters and ten facilities of every kind (fixed and
 * floating with floors; bullet, straight-line and annuity; delayed draws; maturities
 * inside and beyond the horizon), a revolver that is drawn and repaid, taxes and
 * depreciation. Illustrative figures of CoreWeave's order of size, not reported ones.
 */
const KINDS = ["bullet", "straightLine", "annuity"] as const;

export const benchCompany: ModelInputDraft = {
  start: "2026Q1",
  quarters: 28,
  openingCash: 1500,
  minimumCash: 500,
  revenue: {lastQuarter: 1400, growth: [0.12, 0.1, 0.08, 0.06, 0.04, 0.03, 0.02]},
  costs: {kind: "margin", ebitdaMargin: 0.6},
  depreciation: {openingPerQuarter: 500, openingRemainingQuarters: 20, capexLifeQuarters: 24},
  capex: [1500, 1300, 1100, 900, 700, 600],
  taxRate: 0.21,
  baseRate: [0.043, 0.041, 0.039, 0.037, 0.036, 0.035],
  facilities: Array.from({length: 10}, (_, i) => ({
    id: `facility-${i + 1}`,
    name: `Facility ${i + 1}`,
    principal: 800 + 150 * i,
    draws: i % 4 === 0 ? [{quarter: "2026Q3", amount: 400}] : [],
    rate: i % 2 === 0
      ? {type: "floating" as const, spread: 0.04 + 0.005 * i, floor: 0.01}
      : {type: "fixed" as const, annualRate: 0.07 + 0.004 * i},
    amortisation: {type: KINDS[i % 3] as (typeof KINDS)[number]},
    maturity: `${2027 + i}Q${(i % 4) + 1}`,
    refinanceable: false
  })),
  revolver: {capacity: 4000, drawn: 0, rate: {type: "floating", spread: 0.03}, commitmentFeeRate: 0}
};

/**
 * The same company using every debt-schedule feature the engine has: interest on the
 * average balance, capitalised interest, a discount on every facility, payment in kind on
 * the non-annuity ones, and a swap or a cap on each floating one. The benchmark compares
 * it with the plain one (the target: no more than 25 % slower), with leases, a cash sweep,
 * optional prepayments and two covenants on every facility.
 */
export const benchCompanyAllFeatures: ModelInputDraft = {
  ...benchCompany,
  interestConvention: "average",
  capitalisedInterestShare: [0.3, 0.2, 0.1, 0],
  leases: {paymentPerQuarter: [150, 170, 190, 210], liability: 5000, remainingQuarters: 40},
  cashSweep: {share: 0.25, buffer: 1000},
  facilities: benchCompany.facilities.map((f, i) => ({
    ...f,
    discount: 10 + i,
    covenants: [
      {kind: "minimumLiquidity" as const, threshold: 300, consequence: {type: "equityCure" as const, limit: 500}},
      {kind: "interestCoverage" as const, threshold: 1.5, consequence: {type: "waiver" as const, fee: 5, spreadStepUp: 0.0025}}
    ],
    pikShare: f.amortisation?.type === "annuity" ? 0 : 0.25,
    // Optional prepayments on every third facility, with a call premium.
    ...(i % 3 === 1 ? {prepayments: [{quarter: "2027Q2", amount: 150}, {quarter: "2028Q1", amount: 150}], prepaymentPremium: 0.01} : {}),
    ...(f.rate.type === "floating"
      ? {hedge: i % 4 === 0 ? {type: "swap" as const, notional: 400, fixedRate: 0.035, until: "2029Q4"} : {type: "cap" as const, notional: 500, strike: 0.05, until: "2030Q4"}}
      : {})
  }))
};
