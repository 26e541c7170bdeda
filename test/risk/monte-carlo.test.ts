import fc from "fast-check";
import {randomLcg, randomNormal} from "d3-random";
import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {baseInputs} from "../../cli/scenario-files.js";
import {floatArithmetic, ModelInputError, parseModelInput, project, quarterOffset, withPaths, type ModelInput} from "../../src/model/index.js";
import {INPUTS} from "../../src/scenario/inputs-table.js";
import {controlsOf} from "../../src/scenario/controls.js";
import {checkPaths, drawPath, MONTE_CARLO_DEFAULTS, monteCarloSetup, newTally, pathInput, pathSeed, quantile, quantiles, runPaths, simulate, summarise} from "../../src/risk/monte-carlo.js";
import {projectFast, riskSubject} from "../../src/risk/subject.js";

const subject = riskSubject(benchCompany, controlsOf(benchCompany));
const small = {...MONTE_CARLO_DEFAULTS, paths: 400, quarters: 16};

describe("the Monte Carlo simulation", () => {
  it("gives the same result for the same seed, and a different one for another", () => {
    const a = simulate(subject, small);
    expect(simulate(subject, small)).toEqual(a);
    expect(simulate(subject, {...small, seed: small.seed + 1}).cash).not.toEqual(a.cash);
  });

  it("does not depend on how its paths are split into chunks (as the worker runs them)", () => {
    const setup = monteCarloSetup(subject, small);
    const tally = newTally(setup);
    for (const [from, to] of [[0, 7], [7, 150], [150, 400]] as const) runPaths(setup, tally, from, to);
    expect(summarise(setup, tally)).toEqual(simulate(subject, small));
  });

  it("reports probabilities that only grow with time, and bands in order", () => {
    const s = simulate(subject, {...small, growthSdPct: 8, rateSdBp: 100, shutProbability: 0.3});
    expect(s.quarters).toHaveLength(16);
    s.probabilityCannotPayBy.forEach((p, t) => {
      expect(p).toBeGreaterThanOrEqual(t ? s.probabilityCannotPayBy[t - 1]! : 0);
      expect(p).toBeLessThanOrEqual(1);
    });
    for (const band of [...s.cash, ...s.debt]) {
      expect(band.p5).toBeLessThanOrEqual(band.p25);
      expect(band.p25).toBeLessThanOrEqual(band.p50);
      expect(band.p50).toBeLessThanOrEqual(band.p75);
      expect(band.p75).toBeLessThanOrEqual(band.p95);
    }
    expect(s.probabilityCannotPayBy.at(-1)).toBeGreaterThan(0);
  });

  it("with nothing random, every path is the projection of the inputs as set", () => {
    const calm = {...small, paths: 20, growthSdPct: 0, rateSdBp: 0, shutProbability: 0};
    const s = simulate(subject, calm);
    // The inputs as set, over the simulation's horizon rather than the scenario's.
    const horizon = projectFast(riskSubject({...parseModelInput(benchCompany), quarters: 16}, {...subject.controls, horizonQuarters: 16}));
    s.cash.forEach((band, t) => {
      expect(band.p5).toBeCloseTo(horizon.quarters[t]!.ledger.closingCash, 6);
      expect(band.p95).toBeCloseTo(band.p5, 6);
    });
    const defaulted = horizon.quarters.map((_, t) => horizon.quarters.slice(0, t + 1).some((q) => q.cannotPay) ? 1 : 0);
    expect(s.probabilityCannotPayBy).toEqual(defaulted);
  });

  it("draws market-shut windows that the model accepts, within the horizon", () => {
    const setup = monteCarloSetup(subject, {...small, shutProbability: 0.5, reopenProbability: 0.3});
    let windows = 0;
    for (let i = 0; i < 50; i++) {
      const input = pathInput(setup, i);
      for (const w of input.refinancing.marketShut) {
        windows++;
        expect(quarterOffset(w.from, w.to)).toBeGreaterThanOrEqual(0);
        expect(quarterOffset(input.start, w.to)).toBeLessThan(16);
      }
      expect(input.baseRate).toHaveLength(16);
    }
    expect(windows).toBeGreaterThan(10);
  });

  it("agrees with the decimal path on the paths it checks, to 1e-9 of the projection's scale", () => {
    const check = checkPaths(monteCarloSetup(subject, small), [0, 99, 250, 399]);
    expect(check.checked).toBe(4);
    expect(check.maxRelativeDisagreement).toBeLessThanOrEqual(1e-9);
  });

  it("draws each path from d3-random's normal and uniform generators, number for number, for any seed", () => {
    fc.assert(fc.property(fc.integer({min: 0, max: 0xffffffff}), fc.nat({max: 1_000_000}), fc.double({min: 0, max: 20, noNaN: true}), fc.double({min: 0, max: 200, noNaN: true}), (seed, index, growthSdPct, rateSdBp) => {
      const a = {...MONTE_CARLO_DEFAULTS, seed, growthSdPct, rateSdBp, quarters: 40, shutProbability: 0.3, reopenProbability: 0.4};
      const setup = monteCarloSetup(riskSubject(benchCompany, controlsOf(benchCompany)), a);
      const growth = new Float64Array(40), rates = new Float64Array(40), shut = new Uint8Array(40);
      drawPath(setup, index, growth, rates, shut, 0);
      // The draws as d3-random makes them.
      const normal = randomNormal.source(randomLcg(pathSeed(seed, index)))(0, 1);
      const uniform = randomLcg(pathSeed(seed ^ 0x5bd1e995, index));
      let rate = setup.rateChange, open = true;
      for (let q = 0; q < 40; q++) {
        const g = Math.min(INPUTS.growthPct.max / 100, Math.max(INPUTS.growthPct.min / 100, setup.growth[q]! + (growthSdPct / 100) * normal()));
        rate = Math.min(INPUTS.rateChangeBp.max / 10000, Math.max(INPUTS.rateChangeBp.min / 10000, rate + (rateSdBp / 10000) * normal()));
        const draw = uniform();
        open = open ? !(draw < a.shutProbability) : draw < a.reopenProbability;
        expect([growth[q], rates[q], shut[q]], `quarter ${q}`).toEqual([g, rate, open ? 0 : 1]);
      }
    }), {numRuns: 300});
  });

  it("refuses assumptions out of range, naming each", () => {
    expect(() => simulate(subject, {...small, paths: 0, growthSdPct: -1, shutProbability: 2, seed: 1.5})).toThrow(/paths.*growthSdPct.*shutProbability.*seed/);
  });
});

describe("a quantile", () => {
  it("interpolates between sorted values, as PERCENTILE.INC does", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it("selected without sorting is the sorted rule's, for any values, ties and sizes", () => {
    const qs = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.double({noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12}), fc.constantFrom(0, 1, -1)), {minLength: 1, maxLength: 300}),
      (values) => {
        const sorted = Float64Array.from(values).sort();
        expect(quantiles(Float64Array.from(values), qs)).toEqual(qs.map((q) => quantile(sorted, q)));
      }
    ), {numRuns: 300});
  });

  it("selected without sorting stays linear on a constant or sorted quarter", () => {
    expect(quantiles(new Float64Array(100_000).fill(42), [0.05, 0.95])).toEqual([42, 42]);
    const ascending = Float64Array.from({length: 100_001}, (_, i) => i);
    expect(quantiles(ascending, [0.05, 0.5, 0.95])).toEqual([5000, 50000, 95000]);
  });
});

describe("a variant of a validated input", () => {
  it("is refused, naming the field, when a drawn path is out of range", async () => {
    const {withPaths} = await import("../../src/model/index.js");
    const input = parseModelInput(benchCompany);
    expect(() => withPaths(input, {baseRate: [0.03, 5]})).toThrow(ModelInputError);
    expect(() => withPaths(input, {baseRate: [0.03, 5]})).toThrow(/baseRate\[1\]/);
    expect(() => withPaths(input, {marketShut: [{from: "2027Q2", to: "2027Q1"}]})).toThrow(/before it starts/);
  });

  it("parses to what the whole schema gives, for a valid variant and for a bad one", async () => {
    const {parseVariant} = await import("../../src/model/index.js");
    const input = parseModelInput(benchCompany);
    const good = {...input, minimumCash: 750, refinancing: {...input.refinancing, spread: 0.09}};
    expect(parseVariant(input, good)).toEqual(parseModelInput(good));
    const bad = {...input, refinancing: {...input.refinancing, marketShut: [{from: "2027Q3", to: "2027Q1"}]}};
    expect(() => parseVariant(input, bad)).toThrow(/refinancing.marketShut\[0\].to/);
    expect(() => parseVariant(input, {...input, extra: 1})).toThrow(ModelInputError);
  });
});

describe("the Monte Carlo around revenue from the backlog", () => {
  // The CoreWeave base with revenue following the backlog: the draws scatter the growth of
  // bookings around the fading path, each quarter held to the growth input's range.
  const {base, controls} = baseInputs();
  const backlogSubject = riskSubject(base.input, {...controls, revenueFollowsBacklog: 1});
  const assumptions = {...MONTE_CARLO_DEFAULTS, paths: 300, quarters: 16, growthSdPct: 20};
  const setup = monteCarloSetup(backlogSubject, assumptions);
  const revenueOf = (input: ModelInput) => project(input, floatArithmetic).quarters.map((q) => q.ledger.revenue);
  // Revenue rises with every quarter's bookings growth: the paths at the range's ends bound every draw.
  const bound = (growth: number) => revenueOf(withPaths(setup.template, {growth: Array(assumptions.quarters).fill(growth)}));
  const lowest = bound(INPUTS.growthPct.min / 100), highest = bound(INPUTS.growthPct.max / 100);

  it("keeps revenue following the backlog, and no path grows beyond the bounds of its growth's range", () => {
    expect(setup.template.revenue.backlog?.follows).toBe(true);
    for (let i = 0; i < assumptions.paths; i++) {
      const input = pathInput(setup, i);
      expect(input.revenue.backlog).toBe(setup.template.revenue.backlog);
      revenueOf(input).forEach((r, t) => {
        expect(r, `path ${i} quarter ${t}`).toBeLessThanOrEqual(highest[t]! * (1 + 1e-12));
        expect(r, `path ${i} quarter ${t}`).toBeGreaterThanOrEqual(lowest[t]! * (1 - 1e-12));
      });
    }
  });

  it("scatters bookings around the fading path's", () => {
    const bookingsOf = (input: ModelInput) => project(input, floatArithmetic).quarters.map((q) => q.ledger.bookings);
    const fading = bookingsOf(setup.template);
    const paths = Array.from({length: assumptions.paths}, (_, i) => bookingsOf(pathInput(setup, i)));
    // The median path's bookings in quarter 4 within a fifth of the fading path's (20 pp a draw, 300 paths).
    const sorted = paths.map((p) => p[4]!).sort((a, b) => a - b);
    expect(Math.abs(sorted[150]! / fading[4]! - 1)).toBeLessThan(0.2);
  });
});
