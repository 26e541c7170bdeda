import fc from "fast-check";
import {addQuarters, type ModelInputDraft} from "../../src/model/index.js";

/**
 * Random but valid model inputs, within the ranges a real company sits in: up to ten
 * facilities of every kind, delayed draws, floors, a revolver, refinancing with
 * market-shut windows, and new borrowing.
 */
const START = "2026Q1";
const amount = (max: number) => fc.oneof(fc.constant(0), fc.double({min: 0, max, noNaN: true, noDefaultInfinity: true}));
const between = (min: number, max: number) => fc.double({min, max, noNaN: true, noDefaultInfinity: true});
const pathOf = (value: fc.Arbitrary<number>) => fc.oneof(value, fc.array(value, {minLength: 1, maxLength: 8}));
const rate = fc.oneof(
  fc.record({type: fc.constant("fixed" as const), annualRate: between(0, 0.2)}),
  fc.record({type: fc.constant("floating" as const), spread: between(0, 0.15), floor: fc.option(between(0, 0.05), {nil: undefined})}, {requiredKeys: ["type", "spread"]})
);

const facility = (index: number) => fc.record({
  principal: amount(5000),
  maturityOffset: fc.nat({max: 48}),
  draws: fc.array(fc.record({at: between(0, 0.999), amount: amount(2000)}), {maxLength: 2}),
  prepayments: fc.array(fc.record({at: between(0, 0.999), amount: amount(3000)}), {maxLength: 2}),
  prepaymentPremium: fc.oneof(fc.constant(0), between(0, 0.05)),
  rate,
  amortisation: fc.constantFrom("bullet", "straightLine", "annuity"),
  upfrontFeeRate: between(0, 0.03),
  commitmentFeeRate: between(0, 0.01),
  refinanceable: fc.boolean(),
  // The debt-schedule features, each switched on in some runs.
  pikShare: fc.oneof(fc.constant(0), between(0, 1)),
  discount: amount(100),
  hedge: fc.option(fc.record({type: fc.constantFrom("swap", "cap"), notional: amount(6000), rate: between(0, 0.1), untilOffset: fc.nat({max: 48})}), {nil: undefined}),
  covenants: fc.array(fc.record({
    kind: fc.constantFrom("minimumLiquidity", "interestCoverage", "maximumLeverage", "dscr"),
    threshold: between(0, 10),
    consequence: fc.oneof(
      fc.record({type: fc.constant("waiver" as const), fee: amount(20), spreadStepUp: between(0, 0.05)}),
      fc.record({type: fc.constant("accelerate" as const)}),
      fc.record({type: fc.constant("equityCure" as const), limit: amount(500)})
    )
  }), {maxLength: 2})
}).map((f) => ({
  id: `f${index}`,
  name: `Facility ${index}`,
  principal: f.principal,
  // Draws fall strictly before maturity, as the schema requires.
  draws: f.maturityOffset === 0 ? [] : f.draws.map((d) => ({quarter: addQuarters(START, Math.floor(d.at * f.maturityOffset)), amount: d.amount})),
  // Prepayments too, as optional prepayments must be.
  prepayments: f.maturityOffset === 0 ? [] : f.prepayments.map((d) => ({quarter: addQuarters(START, Math.floor(d.at * f.maturityOffset)), amount: d.amount})),
  prepaymentPremium: f.prepaymentPremium,
  rate: f.rate,
  amortisation: {type: f.amortisation},
  maturity: addQuarters(START, f.maturityOffset),
  upfrontFeeRate: f.upfrontFeeRate,
  commitmentFeeRate: f.commitmentFeeRate,
  refinanceable: f.refinanceable,
  // The schema refuses payment in kind on an annuity, and a hedge on a fixed rate.
  pikShare: f.amortisation === "annuity" ? 0 : f.pikShare,
  discount: f.discount,
  // An equity cure cures minimum liquidity only; a liquidity threshold is money (× 100 here).
  covenants: f.covenants.map((c) => ({
    kind: c.kind,
    threshold: c.kind === "minimumLiquidity" ? c.threshold * 100 : c.threshold,
    consequence: c.consequence.type === "equityCure" && c.kind !== "minimumLiquidity" ? {type: "accelerate" as const} : c.consequence
  })),
  ...(f.hedge && f.rate.type === "floating"
    ? {hedge: f.hedge.type === "swap"
      ? {type: "swap" as const, notional: f.hedge.notional, fixedRate: f.hedge.rate, until: addQuarters(START, f.hedge.untilOffset)}
      : {type: "cap" as const, notional: f.hedge.notional, strike: f.hedge.rate, until: addQuarters(START, f.hedge.untilOffset)}}
    : {})
}));

const facilities = fc.integer({min: 1, max: 10}).chain((count) => fc.tuple(...Array.from({length: count}, (_, i) => facility(i))));

const revolver = fc.record({
  capacity: amount(2000), drawnShare: between(0, 1), rate, commitmentFeeRate: between(0, 0.01),
  maturityOffset: fc.option(fc.nat({max: 48}), {nil: undefined})
}).map((r) => ({
  capacity: r.capacity, drawn: r.capacity * r.drawnShare, rate: r.rate, commitmentFeeRate: r.commitmentFeeRate,
  ...(r.maturityOffset === undefined ? {} : {maturity: addQuarters(START, r.maturityOffset)})
}));

const shutWindow = fc.tuple(fc.nat({max: 40}), fc.nat({max: 8})).map(([from, length]) => ({from: addQuarters(START, from), to: addQuarters(START, from + length)}));

const costs = fc.oneof(
  fc.record({kind: fc.constant("margin" as const), ebitdaMargin: pathOf(between(-0.5, 0.9))}),
  fc.record({kind: fc.constant("lines" as const), lines: fc.array(fc.record({
    name: fc.constant("Cost line"), shareOfRevenue: pathOf(between(0, 0.8)), fixedPerQuarter: amount(300), fixedGrowth: between(-0.05, 0.1)
  }), {minLength: 1, maxLength: 3})})
);

export const modelInputs: fc.Arbitrary<ModelInputDraft> = fc.record({
  start: fc.constant(START),
  quarters: fc.integer({min: 1, max: 40}),
  openingCash: amount(5000),
  minimumCash: amount(500),
  revenue: fc.record({lastQuarter: amount(3000), growth: pathOf(between(-0.3, 0.3))}),
  costs,
  // Reported capex vintages before the start in some runs, some older than any life, some in the same quarter.
  depreciation: fc.record({
    openingPerQuarter: amount(500), openingRemainingQuarters: fc.nat({max: 40}), capexLifeQuarters: fc.integer({min: 1, max: 40}),
    vintages: fc.array(fc.record({age: fc.integer({min: 1, max: 48}), amount: amount(3000)}), {maxLength: 12})
  }).map(({vintages, ...d}) => ({...d, vintages: vintages.map((v) => ({quarter: addQuarters(START, -v.age), amount: v.amount}))})),
  capex: pathOf(amount(2000)),
  // Equity raised in some runs (the key is optional): a constant amount, or a path, often 0 but for a quarter or two.
  equityRaised: pathOf(amount(1000)),
  // In some runs the market-shut windows shut equity too (the key is optional).
  marketShutIncludesEquity: fc.boolean(),
  // Capex that follows growth in some runs (the key is optional), at any lead.
  capexIntensity: fc.record({perAddedAnnualRevenue: between(0, 5), leadQuarters: fc.integer({min: 0, max: 8}), follows: fc.boolean()}),
  taxRate: between(0, 0.4),
  baseRate: pathOf(between(-0.01, 0.12)),
  interestConvention: fc.constantFrom("endOfPeriod", "average"),
  capitalisedInterestShare: pathOf(fc.oneof(fc.constant(0), between(0, 1))),
  leases: fc.option(fc.record({paymentPerQuarter: pathOf(amount(200)), liability: amount(3000), remainingQuarters: fc.integer({min: 1, max: 60})}), {nil: undefined}),
  cashSweep: fc.option(fc.record({share: between(0, 1), buffer: amount(500)}), {nil: undefined}),
  facilities,
  revolver: fc.option(revolver, {nil: undefined}),
  refinancing: fc.record({shareRolled: between(0, 1), spread: between(0, 0.15), tenorQuarters: fc.integer({min: 1, max: 40}), feeRate: between(0, 0.05), marketShut: fc.array(shutWindow, {maxLength: 2})}),
  newBorrowing: fc.record({limit: amount(5000), perQuarter: fc.option(amount(2000), {nil: undefined}), spread: between(0, 0.15), tenorQuarters: fc.integer({min: 1, max: 40}), feeRate: between(0, 0.05)})
}, {requiredKeys: ["start", "quarters", "openingCash", "minimumCash", "revenue", "costs", "depreciation", "capex", "taxRate", "baseRate", "facilities", "refinancing", "newBorrowing"]}) as fc.Arbitrary<ModelInputDraft>;
