import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {addQuarters, floatArithmetic, parseModelInput, project, withPaths, type ModelInput, type ModelInputDraft, type Projection} from "../../src/model/index.js";
import {FACILITY_LINES, LaneMemory, LEDGER_LINES, METRIC_LINES, projectLanes, REGIMES, type LaneProjections} from "../../src/model/batch.js";
import {OUTCOME_KEYS, OUTCOMES} from "../../src/readings/outcomes.js";
import {modelInputs} from "./arbitraries.js";

// As in properties.test.ts: FC_SEED replays a failure, CI draws from a fixed seed.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261125 : undefined;
if (seed !== undefined) fc.configureGlobal({seed});

/** 1e-9 of the figure itself: a zero must be a zero. The batch is meant to be the same numbers, which passes any tolerance. */
function expectSame(actual: number, expected: number, what: string): void {
  if (!(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected))) throw new Error(`${what}: batch ${actual}, single projection ${expected}`);
}

/** Every line of lane `lane` that the batch recorded against the single float projection of its input. */
function expectLaneIsProjection(lanes: LaneProjections, lane: number, single: Projection<number>): void {
  expect(lanes.quarters[lane]).toBe(single.quarters.length);
  single.quarters.forEach((q, t) => {
    const i = t * lanes.lanes + lane;
    const where = `lane ${lane}, ${q.ledger.quarter}`;
    // The lines the batch recorded (a batch records what it was asked for).
    for (const line of LEDGER_LINES) if (lanes.ledger[line]) expectSame(lanes.ledger[line][i]!, q.ledger[line], `${where}: ${line}`);
    for (const line of METRIC_LINES) {
      if (!lanes.metrics[line]) continue;
      const expected = q.metrics[line], actual = lanes.metrics[line]![i]!;
      if (expected === null) expect(actual, `${where}: ${line} is not meaningful`).toBeNaN();
      else expectSame(actual, expected, `${where}: ${line}`);
    }
    // Facility rows where the batch recorded them.
    if (lanes.facilities) q.ledger.facilities.forEach((row, f) => {
      for (const line of FACILITY_LINES) expectSame(lanes.facilities![f]![line][i]!, row[line], `${where}: facility ${f} ${line}`);
    });
    expect(REGIMES[lanes.regime[i]!], `${where}: regime`).toBe(q.regime);
    expect(REGIMES[lanes.regimeAfterMaintenance[i]!], `${where}: regime after maintenance`).toBe(q.regimeAfterMaintenance);
    expect(lanes.cannotPay[i] === 1, `${where}: cannot pay`).toBe(q.cannotPay);
  });
  expect(lanes.firstDefault[lane]).toBe(single.quarters.findIndex((q) => q.cannotPay));
  expect(lanes.firstBreach[lane]).toBe(single.firstBreachQuarter === null ? -1 : single.quarters.findIndex((q) => q.ledger.quarter === single.firstBreachQuarter));
}

const everything = {ledger: "all", metrics: "all", facilities: true} as const;
const withoutCovenants = (draft: ModelInputDraft): ModelInputDraft => ({...draft, facilities: draft.facilities.map((f) => ({...f, covenants: []}))});

const between = (min: number, max: number) => fc.double({min, max, noNaN: true, noDefaultInfinity: true});
const amount = (max: number) => fc.oneof(fc.constant(0), between(0, max));
const pathOf = (value: fc.Arbitrary<number>) => fc.oneof(value, fc.array(value, {minLength: 1, maxLength: 8}));

/**
 * What varies between the lanes of a batch, as a grid's inputs or a scenario's variants do:
 * rates and growth paths, cash, capex, refinancing, new borrowing (its presence changes the
 * lane's shape), the horizon (so does it), the convention, taxes, the sweep, equity. A lane
 * may also be a copy of the base, equal but not the same objects.
 */
const laneChange = fc.record({
  baseRate: pathOf(between(-0.01, 0.12)),
  growth: pathOf(between(-0.3, 0.3)),
  openingCash: amount(5000),
  minimumCash: amount(500),
  capex: pathOf(amount(2000)),
  shareRolled: between(0, 1),
  newBorrowingLimit: amount(5000),
  quarters: fc.integer({min: 1, max: 40}),
  interestConvention: fc.constantFrom("endOfPeriod" as const, "average" as const),
  taxRate: between(0, 0.4),
  sweepShare: between(0, 1),
  equityRaised: pathOf(amount(1000)),
  copy: fc.boolean()
}, {requiredKeys: []});

type LaneChange = typeof laneChange extends fc.Arbitrary<infer T> ? T : never;

function changed(base: ModelInputDraft, v: LaneChange): ModelInputDraft {
  const lane: ModelInputDraft = v.copy ? structuredClone(base) : {...base};
  return {
    ...lane,
    ...(v.baseRate !== undefined ? {baseRate: v.baseRate} : {}),
    ...(v.growth !== undefined ? {revenue: {...lane.revenue, growth: v.growth}} : {}),
    ...(v.openingCash !== undefined ? {openingCash: v.openingCash} : {}),
    ...(v.minimumCash !== undefined ? {minimumCash: v.minimumCash} : {}),
    ...(v.capex !== undefined ? {capex: v.capex} : {}),
    ...(v.shareRolled !== undefined && lane.refinancing ? {refinancing: {...lane.refinancing, shareRolled: v.shareRolled}} : {}),
    ...(v.newBorrowingLimit !== undefined && lane.newBorrowing ? {newBorrowing: {...lane.newBorrowing, limit: v.newBorrowingLimit}} : {}),
    ...(v.quarters !== undefined ? {quarters: v.quarters} : {}),
    ...(v.interestConvention !== undefined ? {interestConvention: v.interestConvention} : {}),
    ...(v.taxRate !== undefined ? {taxRate: v.taxRate} : {}),
    ...(v.sweepShare !== undefined ? {cashSweep: {share: v.sweepShare, buffer: lane.cashSweep?.buffer ?? 0}} : {}),
    ...(v.equityRaised !== undefined ? {equityRaised: v.equityRaised} : {})
  };
}

/** Lane `l`'s drawn path as a model input: its growth and rate, and its shut quarters as windows beside the input's own. */
function drawnPath(input: ModelInput, l: number, {growth, baseRate, marketShut}: {growth: Float64Array; baseRate: Float64Array; marketShut: Uint8Array}): ModelInput {
  const Q = input.quarters;
  const shut: Array<{from: string; to: string}> = [];
  for (let q = 0; q < Q; q++) if (marketShut[l * Q + q]) shut.push({from: addQuarters(input.start, q), to: addQuarters(input.start, q)});
  return withPaths(input, {
    growth: Array.from(growth.subarray(l * Q, l * Q + Q)), baseRate: Array.from(baseRate.subarray(l * Q, l * Q + Q)),
    marketShut: [...input.refinancing.marketShut, ...shut]
  });
}

describe("the batched float path", () => {
  it("gives each lane the single float projection's figures: every ledger line, facility row, metric and regime, to 1e-9 of each", () => {
    fc.assert(fc.property(modelInputs, fc.array(laneChange, {minLength: 1, maxLength: 7}), (draft, changes) => {
      const base = withoutCovenants(draft);
      const inputs = [base, ...changes.map((c) => changed(base, c))].map((d) => parseModelInput(d));
      const lanes = projectLanes(inputs, {record: everything});
      inputs.forEach((input, l) => expectLaneIsProjection(lanes, l, project(input, floatArithmetic)));
    }), {numRuns: 300});
  });

  it("steps a loan once for lanes that read the same reference rate, markets and terms, and books each lane its own figures", () => {
    // A grid's shape: a few reference rates, each crossed with changes that leave the debt's
    // inputs alone (growth, cash, capex) or change its refinancing terms; lanes in any order.
    const gridLike = fc.record({
      rates: fc.array(pathOf(between(-0.01, 0.12)), {minLength: 1, maxLength: 3}),
      others: fc.array(fc.record({growth: pathOf(between(-0.3, 0.3)), openingCash: amount(5000), capex: pathOf(amount(2000)), shareRolled: fc.constantFrom(0, 0.5, 1)}, {requiredKeys: []}), {minLength: 2, maxLength: 4}),
      order: fc.array(fc.nat(), {minLength: 12, maxLength: 12})
    });
    fc.assert(fc.property(modelInputs, gridLike, (draft, {rates, others, order}) => {
      const {cashSweep: _, ...base} = withoutCovenants(draft);
      const cells = rates.flatMap((baseRate) => others.map((other) => changed({...base, baseRate}, other)));
      const shuffled = cells.map((cell, k) => ({cell, at: order[k % order.length]! + k / 100})).sort((a, b) => a.at - b.at).map(({cell}) => cell);
      const inputs = shuffled.map((d) => parseModelInput(d));
      // With facility rows each loan books its own; without, a leading run of loans stepped
      // once per class is summed once and copied: both must give each lane's own figures.
      const rowsToo = projectLanes(inputs, {record: everything});
      const ledgerOnly = projectLanes(inputs, {record: {ledger: "all", metrics: "all"}});
      inputs.forEach((input, l) => {
        const single = project(input, floatArithmetic);
        expectLaneIsProjection(rowsToo, l, single);
        expectLaneIsProjection(ledgerOnly, l, single);
      });
    }), {numRuns: 300});
  });

  it("tests covenants lane by lane, as the single projection does: breaches, waivers' fees and step-ups, cures and accelerations", () => {
    fc.assert(fc.property(modelInputs, modelInputs, fc.array(laneChange, {maxLength: 5}), (a, b, changes) => {
      // Lanes with covenants of every kind and consequence beside lanes with none or other ones.
      const inputs = [a, withoutCovenants(b), b, ...changes.map((c) => changed(a, c))].map((d) => parseModelInput(d));
      const rowsToo = projectLanes(inputs, {record: everything});
      const ledgerOnly = projectLanes(inputs, {record: {ledger: "all"}});
      inputs.forEach((input, l) => {
        const single = project(input, floatArithmetic);
        expectLaneIsProjection(rowsToo, l, single);
        expectLaneIsProjection(ledgerOnly, l, single);
      });
    }), {numRuns: 300});
  });

  it("breaches in the batch where the single projection does, in a grid of covenant thresholds", () => {
    // Thresholds around where the base case's own liquidity and coverage run, so that some
    // cells breach early, some late and some never.
    const base = parseModelInput(benchCompany);
    const consequences = [
      {type: "waiver" as const, fee: 5, spreadStepUp: 0.01},
      {type: "accelerate" as const},
      {type: "equityCure" as const, limit: 400}
    ];
    const inputs = consequences.flatMap((consequence) => [0, 500, 1500, 3000, 6000].flatMap((liquidity) => [0, 1, 2.5, 4].map((coverage) => parseModelInput({
      ...benchCompany,
      facilities: benchCompany.facilities.map((f) => ({...f, covenants: [
        ...(liquidity > 0 ? [{kind: "minimumLiquidity" as const, threshold: liquidity, consequence}] : []),
        ...(coverage > 0 ? [{kind: "interestCoverage" as const, threshold: coverage, consequence: consequence.type === "equityCure" ? {type: "waiver" as const, fee: 1, spreadStepUp: 0.005} : consequence}] : [])
      ]}))
    }))));
    const lanes = projectLanes(inputs, {record: everything});
    const firsts = new Set<number>();
    inputs.forEach((input, l) => {
      const single = project(input, floatArithmetic);
      expectLaneIsProjection(lanes, l, single);
      firsts.add(lanes.firstBreach[l]!);
    });
    // The grid is a test of the covenants only if it holds lanes that never breach and lanes that breach at different quarters.
    expect(firsts.has(-1)).toBe(true);
    expect(firsts.size).toBeGreaterThan(2);
    expect(base.facilities.length).toBeGreaterThan(0);
  });

  it("runs a simulation's drawn paths as the single projection of each path's input", () => {
    const drawn = fc.record({
      template: modelInputs,
      lanes: fc.integer({min: 1, max: 6}),
      values: fc.array(fc.tuple(between(-0.3, 0.4), between(-0.03, 0.12), fc.boolean()), {minLength: 40 * 6, maxLength: 40 * 6})
    });
    fc.assert(fc.property(drawn, fc.boolean(), ({template, lanes: n, values}, covenants) => {
      const input = parseModelInput(covenants ? template : withoutCovenants(template));
      const Q = input.quarters;
      const growth = Float64Array.from({length: n * Q}, (_, k) => values[k]![0]);
      const baseRate = Float64Array.from({length: n * Q}, (_, k) => values[k]![1]);
      const marketShut = Uint8Array.from({length: n * Q}, (_, k) => (values[k]![2] ? 1 : 0));
      const lanes = projectLanes(new Array<ModelInput>(n).fill(input), {record: everything, draws: {growth, baseRate, marketShut}});
      // Without facility rows, a floating loan's balance is stepped once and its interest lane by lane.
      const ledgerOnly = projectLanes(new Array<ModelInput>(n).fill(input), {record: {ledger: "all", metrics: "all"}, draws: {growth, baseRate, marketShut}});
      for (let l = 0; l < n; l++) {
        const single = project(drawnPath(input, l, {growth, baseRate, marketShut}), floatArithmetic);
        expectLaneIsProjection(lanes, l, single);
        expectLaneIsProjection(ledgerOnly, l, single);
      }
    }), {numRuns: 200});
  });

  it("steps a floating loan's balance once for paths that each draw their own rate, and books each path its own interest", () => {
    // A simulation's shape: one template, each lane its own rate, growth and market windows.
    // Loans due at maturity or in equal shares, interest at the quarter's end, none capitalised
    // and no sweep: the rate moves each lane's interest, never the balance.
    const drawn = fc.record({
      template: modelInputs,
      lanes: fc.integer({min: 2, max: 6}),
      values: fc.array(fc.tuple(between(-0.3, 0.4), between(-0.03, 0.12), fc.boolean()), {minLength: 40 * 6, maxLength: 40 * 6})
    });
    fc.assert(fc.property(drawn, ({template, lanes: n, values}) => {
      const {cashSweep: _, ...draft} = withoutCovenants(template);
      const input = parseModelInput({
        ...draft, interestConvention: "endOfPeriod",
        facilities: draft.facilities.map((f) => ({...f, pikShare: 0, amortisation: f.amortisation?.type === "annuity" ? {type: "straightLine" as const} : f.amortisation}))
      });
      const Q = input.quarters;
      const growth = Float64Array.from({length: n * Q}, (_, k) => values[k]![0]);
      const baseRate = Float64Array.from({length: n * Q}, (_, k) => values[k]![1]);
      const marketShut = Uint8Array.from({length: n * Q}, (_, k) => (values[k]![2] && k % 3 === 0 ? 1 : 0));
      const lanes = projectLanes(new Array<ModelInput>(n).fill(input), {record: {ledger: "all", metrics: "all"}, draws: {growth, baseRate, marketShut}});
      for (let l = 0; l < n; l++) expectLaneIsProjection(lanes, l, project(drawnPath(input, l, {growth, baseRate, marketShut}), floatArithmetic));
    }), {numRuns: 200});
  });

  it("reads every outcome off a lane as the outcome of the lane's projection", () => {
    fc.assert(fc.property(modelInputs, fc.array(laneChange, {maxLength: 3}), (draft, changes) => {
      const inputs = [draft, withoutCovenants(draft), ...changes.map((c) => changed(withoutCovenants(draft), c))].map((d) => parseModelInput(d));
      const lanes = projectLanes(inputs, {record: {ledger: ["closingCash", "closingDebt"], metrics: ["interestCoverageEbitda"]}});
      inputs.forEach((input, l) => {
        const single = project(input, floatArithmetic);
        for (const key of OUTCOME_KEYS) expect(OUTCOMES[key].ofLane(lanes, l), `lane ${l}: ${key}`).toBe(OUTCOMES[key].of(single));
      });
    }), {numRuns: 200});
  });

  it("keeps only the lines it is asked for, and refuses drawn paths it cannot hold", () => {
    const input = parseModelInput(benchCompany);
    const lanes = projectLanes([input, input], {record: {ledger: ["closingCash"]}});
    expect(Object.keys(lanes.ledger)).toEqual(["closingCash"]);
    expect(lanes.metrics).toEqual({});
    expect(lanes.facilities).toBeNull();
    // 28 quarters for each of two lanes is 56 values: 10 is too few, and 5 % a quarter... of growth is fine, 9 (900 %) is not.
    expect(() => projectLanes([input, input], {draws: {growth: new Float64Array(10)}})).toThrow(/56/);
    expect(() => projectLanes([input], {draws: {growth: new Float64Array(28).fill(9)}})).toThrow(/growth\[0\]/);
    expect(() => projectLanes([input, {...input, quarters: 8}], {draws: {baseRate: new Float64Array(56)}})).toThrow(/same number of quarters/);
  });

  it("puts its figures on memory it is given, the same figures, even where that memory's buffers held another batch's", () => {
    fc.assert(fc.property(modelInputs, fc.array(laneChange, {minLength: 1, maxLength: 4}), (draft, changes) => {
      const base = withoutCovenants(draft);
      const inputs = [base, ...changes.map((c) => changed(base, c))].map((d) => parseModelInput(d));
      const apart = projectLanes(inputs, {record: everything});
      // Another batch's figures written over memory given back, then this batch's on it.
      const before = new LaneMemory(inputs.length);
      projectLanes([...inputs].reverse(), {record: everything, memory: before});
      before.release();
      const memory = new LaneMemory(inputs.length);
      const onMemory = projectLanes(inputs, {record: everything, memory});
      expect(onMemory).toEqual(apart);
      memory.release();
    }), {numRuns: 50});
  });

  it("names every line a projection has: a new ledger line, row or ratio must be added to the batch too", () => {
    const single = project(parseModelInput(benchCompany), floatArithmetic);
    const {ledger, metrics} = single.quarters[0]!;
    const numbers = (record: object, skip: string[]) => Object.entries(record).filter(([key, value]) => typeof value === "number" && !skip.includes(key)).map(([key]) => key).sort();
    expect([...LEDGER_LINES].sort()).toEqual(numbers(ledger, ["offset"]));
    expect([...FACILITY_LINES].sort()).toEqual(numbers(ledger.facilities[0]!, []));
    expect([...METRIC_LINES].sort()).toEqual(Object.keys(metrics).sort());
  });
});
