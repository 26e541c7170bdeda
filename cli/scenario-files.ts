import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {companyTables} from "../data-loaders/dataset.js";
import {baseCase} from "../src/scenario/base-case.js";
import {controlsOf, type Controls} from "../src/scenario/controls.js";
import {parseScenario, ScenarioError, type Scenario} from "../src/scenario/scenario.js";

/**
 * The I/O edge of scenarios: the files in scenarios/ (or the folder SOLVENCY_SCENARIOS
 * names, e.g. for tests), and the base case from the dataset.
 */
export const SCENARIO_DIR = process.env.SOLVENCY_SCENARIOS ?? fileURLToPath(new URL("../scenarios/", import.meta.url));

export function readScenarios(dir = SCENARIO_DIR): Map<string, Scenario> {
  const scenarios = new Map<string, Scenario>();
  const issues: ScenarioError["issues"][number][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort()) {
    try {
      const scenario = parseScenario(file, readFileSync(join(dir, file), "utf8"));
      scenarios.set(scenario.name, scenario);
    } catch (error) {
      if (error instanceof ScenarioError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length) throw new ScenarioError(issues);
  return scenarios;
}

export function baseInputs() {
  const tables = companyTables();
  const base = baseCase(tables.financials, tables.facilities, tables.discounts, tables.issuances, tables.commitments);
  return {base, controls: controlsOf(base.input) as Controls};
}
