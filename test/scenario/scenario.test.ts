import ExcelJS from "exceljs";
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {baseInputs, readScenarios, SCENARIO_DIR} from "../../cli/scenario-files.js";
import {scenarioJsonSchema} from "../../cli/scenario.js";
import {decimalArithmetic, project} from "../../src/model/index.js";
import {applyControls, controlsOf} from "../../src/scenario/controls.js";
import {diffControls, fork, lineage, parseScenario, resolveControls, ScenarioError, type Scenario} from "../../src/scenario/scenario.js";

const scenarios = readScenarios();
const {base, controls: baseControls} = baseInputs();

function errorOf(run: () => unknown): ScenarioError {
  try { run(); } catch (error) { expect(error).toBeInstanceOf(ScenarioError); return error as ScenarioError; }
  throw new Error("expected a ScenarioError");
}
const scenario = (over: Partial<Scenario> & {name: string}): Scenario => ({title: "t", description: "d", parent: "base", assumptions: {}, ...over});

describe("the shipped scenarios", () => {
  it("are at least six, each with a description of where its numbers come from", () => {
    expect([...scenarios.keys()].sort()).toEqual(expect.arrayContaining(["base", "rates-up-300bp", "largest-customer-leaves", "markets-shut-a-year", "growth-halves", "borrows-to-pay-interest", "customer-leaves-at-contract-end"]));
    for (const s of scenarios.values()) expect(s.description.length).toBeGreaterThan(80);
  });

  it("all project without error", () => {
    for (const name of scenarios.keys()) expect(() => project(applyControls(base.input, resolveControls(name, scenarios, baseControls)), decimalArithmetic)).not.toThrow();
  });

  it("resolve the base case to its own controls", () => {
    expect(resolveControls("base", scenarios, baseControls)).toEqual(baseControls);
  });

  it("make the debate's claim true in its own scenario: Ponzi in every quarter", () => {
    const projection = project(applyControls(base.input, resolveControls("borrows-to-pay-interest", scenarios, baseControls)), decimalArithmetic);
    expect(projection.quarters.every((q) => q.regime === "ponzi")).toBe(true);
  });

  it("shut equity with credit in equity-markets-shut-too: shares sell only before the shut, and the outcome is not its parent's", () => {
    const run = (controls: ReturnType<typeof resolveControls>) => project(applyControls(base.input, controls), decimalArithmetic);
    const controls = resolveControls("equity-markets-shut-too", scenarios, baseControls);
    const shut = run(controls);
    const parent = run(resolveControls("credit-markets-shut-2027", scenarios, baseControls));
    const equityOpen = run({...controls, marketShutIncludesEquity: 0});
    // 1,000 a quarter planned for six quarters from 2026Q3 (to 2027Q4); 2027 is shut, so only 2026Q3 and 2026Q4 raise it.
    const raised = (p: typeof shut) => p.quarters.map((q) => `${q.ledger.quarter}:${q.ledger.equityRaised.toNumber()}`).filter((x) => !x.endsWith(":0"));
    expect(shut.quarters.filter((q) => !q.ledger.marketOpen).map((q) => q.ledger.quarter)).toEqual(["2027Q1", "2027Q2", "2027Q3", "2027Q4"]);
    expect(raised(shut)).toEqual(["2026Q3:1000", "2026Q4:1000"]);
    expect(raised(equityOpen)).toEqual(["2026Q3:1000", "2026Q4:1000", "2027Q1:1000", "2027Q2:1000", "2027Q3:1000", "2027Q4:1000"]);
    expect(raised(parent)).toEqual([]);
    // Its outcome differs from its parent's, and lies between the parent's and the same plan with equity open.
    const endCash = (p: typeof shut) => p.quarters.at(-1)!.ledger.closingCash.toNumber();
    expect(endCash(shut)).toBeGreaterThan(endCash(parent));
    expect(endCash(shut)).toBeLessThan(endCash(equityOpen));
  });

  it("come with a JSON Schema generated from the zod schema, kept up to date", () => {
    expect(readFileSync(join(SCENARIO_DIR, "scenario.schema.json"), "utf8")).toBe(scenarioJsonSchema());
  });
});

describe("lineage", () => {
  it("runs from the base case down: a child's assumptions on top of its parent's", () => {
    expect(lineage("borrows-to-pay-interest", scenarios).map((s) => s.name)).toEqual(["base", "rates-up-300bp", "borrows-to-pay-interest"]);
    const controls = resolveControls("borrows-to-pay-interest", scenarios, baseControls);
    expect(controls).toMatchObject({rateChangeBp: 300, growthPct: 0, ebitdaMarginPct: 20, capex: baseControls.capex});
  });

  it("names a missing parent", () => {
    const map = new Map([["base", scenarios.get("base")!], ["orphan", scenario({name: "orphan", parent: "nowhere"})]]);
    const error = errorOf(() => lineage("orphan", map));
    expect(error.issues[0]).toMatchObject({file: "orphan.json", field: "parent"});
    expect(error.message).toMatch(/"nowhere" is not a scenario/);
  });

  it("names a cycle", () => {
    const map = new Map([["a", scenario({name: "a", parent: "b"})], ["b", scenario({name: "b", parent: "a"})]]);
    expect(errorOf(() => lineage("a", map)).message).toMatch(/cycle: a → b → a/);
  });
});

describe("a scenario file", () => {
  const file = (body: object) => JSON.stringify({name: "x", title: "X", description: "d", parent: "base", ...body});

  it("with an unknown field is an error naming it", () => {
    expect(errorOf(() => parseScenario("x.json", file({colour: "red"}))).issues[0]).toMatchObject({file: "x.json", field: "(scenario)", message: "has unknown field colour"});
    expect(errorOf(() => parseScenario("x.json", file({assumptions: {rateShock: 1}}))).issues[0]).toMatchObject({field: "assumptions", message: "has unknown field rateShock"});
  });

  it("from before the largest customer was a stream of its own still loads, with the same meaning", () => {
    // revenueLostPct: 45 took 45 % off the revenue base from the first quarter: it reads as the
    // largest customer, at that share, stopping from quarter 1 without a default.
    const old = parseScenario("x.json", file({assumptions: {revenueLostPct: 45, rateChangeBp: 100}}));
    expect(old.assumptions).toEqual({rateChangeBp: 100, largestCustomerSharePct: 45, largestCustomerStopsQuarter: 1, largestCustomerStopsBecause: 0});
    expect(parseScenario("x.json", file({assumptions: {revenueLostPct: 0}})).assumptions).toEqual({largestCustomerStopsQuarter: 0});
    const controls = {...baseControls, ...old.assumptions};
    const cut = {...base.input, revenue: {lastQuarter: base.input.revenue.lastQuarter * 0.55, growth: base.input.revenue.growth}};
    const revenue = (draft: typeof base.input) => project(draft, decimalArithmetic).quarters.map((q) => q.ledger.revenue.toNumber());
    const withNew = revenue(applyControls(base.input, {...controls, rateChangeBp: 0}));
    revenue(cut).forEach((r, t) => expect(withNew[t]).toBeCloseTo(r, 6));
  });

  it("refuses an old input beside the one that replaces it, or out of its old range", () => {
    expect(errorOf(() => parseScenario("x.json", file({assumptions: {revenueLostPct: 45, largestCustomerStopsQuarter: 3}}))).issues[0]).toMatchObject({field: "assumptions", message: expect.stringMatching(/both set/)});
    expect(errorOf(() => parseScenario("x.json", file({assumptions: {revenueLostPct: 140}}))).issues[0]).toMatchObject({field: "assumptions", message: expect.stringMatching(/from 0 to 100/)});
  });

  it("with a value out of range is an error naming the field and the bound", () => {
    expect(errorOf(() => parseScenario("x.json", file({assumptions: {rateChangeBp: 5000}}))).issues[0]).toMatchObject({field: "assumptions.rateChangeBp", message: "must be at most 600"});
  });

  it("that is not JSON, or named unlike its file, or the base case with a parent, is an error", () => {
    expect(errorOf(() => parseScenario("x.json", "{")).issues[0]!.field).toBe("(file)");
    expect(errorOf(() => parseScenario("y.json", file({}))).message).toMatch(/file is named y\.json/);
    expect(errorOf(() => parseScenario("base.json", JSON.stringify({name: "base", title: "B", description: "d", parent: "x"}))).message).toMatch(/no parent/);
  });
});

describe("fork, then diff", () => {
  it("shows exactly the keys that were set", () => {
    const parent = resolveControls("rates-up-300bp", scenarios, baseControls);
    const forked = fork("mine", "rates-up-300bp", parent, {...parent, capex: 3000, tenorQuarters: 8}, "Mine", "d");
    expect(forked.parent).toBe("rates-up-300bp");
    expect(forked.assumptions).toEqual({capex: 3000, tenorQuarters: 8});
    const all = new Map(scenarios).set("mine", forked);
    expect(Object.keys(diffControls(parent, resolveControls("mine", all, baseControls))).sort()).toEqual(["capex", "tenorQuarters"]);
  });
});

describe("npm run scenario", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", "cli/scenario.ts", ...args], {encoding: "utf8", env: {...process.env, ...env}});

  it("exports a scenario as a workbook, and says how when the command is incomplete", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "export-")), "rates.xlsx");
    const {stdout, status} = run(["export", "rates-up-300bp", "--xlsx", file]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/wrote .*rates\.xlsx \(Inputs, Facilities, Ledger, Metrics, Sources; \d+ kB\)/);
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(file);
    // The scenario's own input, with its source: the reference rate up 300 bp.
    const inputs = workbook.getWorksheet("Inputs")!;
    const baseRateRow = inputs.getColumn(1).values.findIndex((v) => typeof v === "string" && v.startsWith("Reference rate"));
    expect(inputs.getRow(baseRateRow).getCell(4).value).toBe(0.03);
    expect(String(inputs.getRow(baseRateRow).getCell(3).value)).toMatch(/rates-up-300bp/);
    expect(run(["export", "rates-up-300bp"]).stderr).toMatch(/usage: export NAME --xlsx FILE/);
    expect(run(["export", "no-such", "--xlsx", file]).stderr).toMatch(/"no-such" is not a scenario/);
  });

  it("lists the scenarios with their parents", () => {
    const {stdout, status} = run(["list"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/rates-up-300bp\s+base\s+Rates up 300 bp/);
  });

  it("runs a scenario as a table, as CSV and as JSON", () => {
    expect(run(["run", "base"]).stdout).toMatch(/first_quarter_cannot_pay/);
    expect(run(["run", "base", "--format", "csv"]).stdout.split("\n")[0]).toBe("quarter,line,facility,usd_millions");
    const json = JSON.parse(run(["run", "rates-up-300bp", "--format", "json"]).stdout);
    expect(json.controls.rateChangeBp).toBe(300);
    expect(json.ledger.length).toBeGreaterThan(100);
  });

  it("forks into a new file that diff then shows", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenarios-"));
    cpSync(SCENARIO_DIR, dir, {recursive: true});
    const env = {SOLVENCY_SCENARIOS: dir};
    expect(run(["fork", "base", "my-view", "--set", "capex=3000", "--set", "rateChangeBp=100"], env).status).toBe(0);
    expect(readdirSync(dir)).toContain("my-view.json");
    const written = JSON.parse(readFileSync(join(dir, "my-view.json"), "utf8"));
    expect(written).toMatchObject({name: "my-view", parent: "base", assumptions: {capex: 3000, rateChangeBp: 100}});
    const diff = run(["diff", "base", "my-view"], env).stdout;
    // The base case's capex (the mean of the last four quarters) against the fork's.
    expect(diff).toMatch(new RegExp(`capex\\s+${controlsOf(baseInputs().base.input).capex}\\s+3000`));
    expect(diff).toMatch(/rateChangeBp\s+0\s+100/);
  });

  it("simulates a scenario from a seed: the same seed, the same figures", () => {
    const args = ["simulate", "rates-up-300bp", "--paths", "300", "--quarters", "12", "--seed", "7", "--format", "json"];
    const first = run(args);
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({scenario: "rates-up-300bp", paths: 300, assumptions: {seed: 7, quarters: 12}});
    expect(summary.probabilityCannotPayBy).toHaveLength(12);
    expect(run(args).stdout).toBe(first.stdout);
    expect(run(["simulate", "base", "--paths", "200", "--quarters", "12"]).stdout).toMatch(/growth ± 3 pp a quarter/);
    const bad = run(["simulate", "base", "--paths", "0"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/paths must be a whole number from 1/);
  });

  it("says what is wrong on stderr with a non-zero exit", () => {
    const unknown = run(["run", "no-such"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/"no-such" is not a scenario/);
    const badSet = run(["fork", "base", "x", "--set", "capex=lots"]);
    expect(badSet.status).toBe(2);
    expect(badSet.stderr).toMatch(/key=number/);
    // A value out of its input's range is a bad invocation too (exit 2), named with the range.
    const outOfRange = run(["fork", "base", "x", "--set", "capex=99999999"]);
    expect(outOfRange.status).toBe(2);
    expect(outOfRange.stderr).toBe("--set capex=99999999: capex must be at most 20000\n");
    expect(run(["nonsense"]).status).toBe(2);
  });
});
