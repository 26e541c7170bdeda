import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {benchCompany} from "../../bench/company.js";
import {addQuarters, floatArithmetic, parseModelInput, project, type ModelInputDraft} from "../../src/model/index.js";
import {pathValue} from "../../src/model/rates.js";
import {MONTE_CARLO_DEFAULTS, monteCarloSetup, pathInput} from "../../src/risk/monte-carlo.js";
import {riskSubject} from "../../src/risk/subject.js";
import {BASE_ASSUMPTIONS} from "../../src/scenario/base-case.js";
import {applyControls, controlsOf} from "../../src/scenario/controls.js";
import {fadingGrowth, INPUTS} from "../../src/scenario/inputs-table.js";

const {base, controls} = baseInputs();
const run = (draft: ModelInputDraft) => project(draft, floatArithmetic);

describe("growth that fades to a long-run rate", () => {
  it("runs in a straight line from the first rate to the long-run one, then holds it", () => {
    const path = fadingGrowth(0.2, 0.02, 3) as number[];
    expect(path).toHaveLength(4);
    [0.2, 0.14, 0.08, 0.02].forEach((g, t) => expect(path[t]).toBeCloseTo(g, 12));
    expect(fadingGrowth(0.2, 0.02, 0)).toBe(0.2);
  });

  it("compounds revenue quarter by quarter along that line (a hand-computed fifth quarter)", () => {
    const moved = applyControls(base.input, {...controls, growthPct: 20, longRunGrowthPct: 2, fadeQuarters: 3});
    const revenue = run(moved).quarters.map((q) => q.ledger.revenue);
    const r0 = base.input.revenue.lastQuarter;
    expect(revenue[4]).toBeCloseTo(r0 * 1.2 * 1.14 * 1.08 * 1.02 * 1.02, 6);
  });

  it("is the base case's own path: the last four quarters' rate, fading to the assumed long-run rate", () => {
    expect(controls.longRunGrowthPct).toBe(BASE_ASSUMPTIONS.longRunGrowth * 100);
    expect(controls.fadeQuarters).toBe(BASE_ASSUMPTIONS.fadeQuarters);
    expect(base.input.revenue.growth).toEqual(fadingGrowth(controls.growthPct / 100, BASE_ASSUMPTIONS.longRunGrowth, BASE_ASSUMPTIONS.fadeQuarters));
    expect(base.provenance.find((p) => p.input === "Long-run growth a quarter")?.status).toBe("assumption");
  });
});

describe("the useful life of GPUs and servers", () => {
  it("depreciates new capex over it, and runs the assets held at the start off over their life scaled alike", () => {
    const life = 12;
    const moved = parseModelInput(applyControls(base.input, {...controls, usefulLifeQuarters: life}));
    const held = parseModelInput(base.input).depreciation;
    expect(moved.depreciation.capexLifeQuarters).toBe(life);
    expect(moved.depreciation.openingRemainingQuarters).toBe(Math.round(held.openingRemainingQuarters * life / held.capexLifeQuarters));
    // The same book value, written off faster.
    expect(moved.depreciation.openingPerQuarter * moved.depreciation.openingRemainingQuarters).toBeCloseTo(held.openingPerQuarter * held.openingRemainingQuarters, 6);
  });

  it("keeps the reported vintages and brings their replacement (maintenance capex) sooner when it is shorter", () => {
    const firstMaintenance = (life: number) => {
      const p = run(applyControls(base.input, {...controls, usefulLifeQuarters: life}));
      return p.quarters.find((q) => q.ledger.maintenanceCapex > 0)?.ledger.quarter;
    };
    const vintages = parseModelInput(base.input).depreciation.vintages;
    expect(parseModelInput(applyControls(base.input, {...controls, usefulLifeQuarters: 12})).depreciation.vintages).toEqual(vintages);
    // The oldest vintage still within a life of the start is replaced `life` quarters after it was spent.
    const expected = (life: number) => vintages.map((v) => addQuarters(v.quarter, life)).find((q) => q >= base.input.start);
    expect(firstMaintenance(24)).toBe(expected(24));
    expect(firstMaintenance(12)).toBe(expected(12));
    expect(firstMaintenance(12)! < firstMaintenance(24)!).toBe(true);
  });

  it("defaults to the company's stated six years, which the base case cites", () => {
    expect(controls.usefulLifeQuarters).toBe(24);
    expect(base.provenance.find((p) => p.input === "Depreciation")?.basis).toMatch(/0001769628-26-000104/);
  });
});

describe("new borrowing and the horizon, as inputs", () => {
  it("caps new borrowing at the amount set, in all", () => {
    const none = run(applyControls(base.input, {...controls, newBorrowingLimit: 0}));
    const some = run(applyControls(base.input, {...controls, newBorrowingLimit: 5000}));
    const borrowed = (p: ReturnType<typeof run>) => p.quarters.reduce((sum, q) => sum + q.ledger.newBorrowing, 0);
    expect(borrowed(none)).toBe(0);
    expect(borrowed(some)).toBeGreaterThan(0);
    expect(borrowed(some)).toBeLessThanOrEqual(5000 + 1e-6);
  });

  it("runs the base case through the last maturity of the debt table, no further than 2032Q4", () => {
    const last = base.input.facilities.map((f) => f.maturity).sort().at(-1)!;
    const end = run(base.input).quarters.at(-1)!.ledger.quarter;
    expect(end).toBe(last < BASE_ASSUMPTIONS.horizonThrough ? last : BASE_ASSUMPTIONS.horizonThrough);
    expect(run(applyControls(base.input, {...controls, horizonQuarters: 8})).quarters).toHaveLength(8);
  });
});

describe("the Monte Carlo around the fading path", () => {
  const subject = riskSubject(benchCompany, {...controlsOf(benchCompany), growthPct: 30, longRunGrowthPct: 1, fadeQuarters: 8});
  const assumptions = {...MONTE_CARLO_DEFAULTS, paths: 2000, quarters: 16, growthSdPct: 20};
  const setup = monteCarloSetup(subject, assumptions);
  const paths = Array.from({length: assumptions.paths}, (_, i) => pathInput(setup, i).revenue.growth as readonly number[]);

  it("never draws growth beyond the range a reader could set it to", () => {
    const {min, max} = INPUTS.growthPct;
    for (const path of paths) for (const g of path) {
      expect(g).toBeGreaterThanOrEqual(min / 100);
      expect(g).toBeLessThanOrEqual(max / 100);
    }
  });

  it("scatters around the scenario's fading path, not around its first quarter's rate", () => {
    const narrow = monteCarloSetup(subject, {...assumptions, growthSdPct: 2});
    const draws = Array.from({length: 2000}, (_, i) => pathInput(narrow, i).revenue.growth as readonly number[]);
    const template = applyControls(benchCompany, subject.controls).revenue.growth;
    for (const t of [0, 4, 12]) {
      const mean = draws.reduce((sum, path) => sum + path[t]!, 0) / draws.length;
      // 2 pp a draw over 2,000 paths: the mean within 0.2 pp of the path (five standard errors).
      expect(Math.abs(mean - pathValue(template, t)), `quarter ${t}`).toBeLessThan(0.002);
    }
  });
});
