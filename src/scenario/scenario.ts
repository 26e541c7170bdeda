import {z} from "zod";
import {cappedList, shortened} from "../readings/format.js";
import {INPUT_KEYS, INPUTS, migrateLegacyInputs, type Controls} from "./inputs-table.js";

/**
 * Scenarios as files. A scenario names a parent and holds only the assumptions (the
 * page's controls, in the page's units) that differ from it; its full set of assumptions
 * is its parent's with its own on top, up to the base case. One schema checks files, and
 * (later) URL state: anything outside it is an error that names the file and the field.
 */
export const assumptionsSchema = z.object(Object.fromEntries(INPUT_KEYS.map((key) => {
  const {min, max, whole, label, unit} = INPUTS[key];
  const number = z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
  // The description is what an editor shows beside the field, from the JSON Schema.
  return [key, (whole ? number.int("must be a whole number") : number).describe(`${label}; ${unit}, ${min} to ${max}`).optional()];
})) as {[K in keyof Controls]: z.ZodOptional<z.ZodNumber>}).strict();
export type Assumptions = z.output<typeof assumptionsSchema>;

export const BASE = "base";

/** A scenario's name, as its file is named: lower-case letters, digits and dashes, at most 64. */
export const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const SCENARIO_NAME_RULE = "lower-case letters, digits and dashes, at most 64, starting with a letter or digit";
export const isScenarioName = (text: string): boolean => SCENARIO_NAME.test(text);

export const scenarioSchema = z.object({
  $schema: z.string().optional(),
  name: z.string().regex(SCENARIO_NAME, "must be lower-case letters, digits and dashes, as in the file name"),
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(4000),
  /** The scenario this one forks; absent only for the base case. */
  parent: z.string().regex(SCENARIO_NAME, `must be a scenario's name: ${SCENARIO_NAME_RULE}`).optional(),
  assumptions: assumptionsSchema.default({})
}).strict();
export type Scenario = z.output<typeof scenarioSchema>;

export interface ScenarioIssue {
  readonly file: string;
  readonly field: string;
  readonly message: string;
}

export class ScenarioError extends Error {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(cappedList(issues.map(describeScenarioIssue)).join("\n"));
    this.name = "ScenarioError";
  }

  /** The same on one line, for a command line's answer. */
  get oneLine(): string {
    return cappedList(this.issues.map(describeScenarioIssue)).join("; ");
  }
}

function describeScenarioIssue(issue: ScenarioIssue): string {
  return `${issue.file}: ${issue.field}: ${shortened(issue.message, 300)}`;
}

/** A field's path as an error names it; a key of 100 kB is named in part. */
const fieldName = (path: readonly PropertyKey[]) => (path.length ? path.map((key) => shortened(String(key))).join(".") : "(scenario)");

/** Parses one scenario file's JSON text; `file` names it in errors. */
export function parseScenario(file: string, text: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError([{file, field: "(file)", message: `is not JSON: ${(error as Error).message}`}]);
  }
  // Old files name inputs since folded into others (LEGACY_INPUTS): read them as the new ones.
  if (typeof raw === "object" && raw !== null && typeof (raw as {assumptions?: unknown}).assumptions === "object" && (raw as {assumptions?: unknown}).assumptions !== null) {
    try {
      raw = {...raw, assumptions: migrateLegacyInputs((raw as {assumptions: Record<string, unknown>}).assumptions)};
    } catch (error) {
      throw new ScenarioError([{file, field: "assumptions", message: (error as Error).message}]);
    }
  }
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) {
    throw new ScenarioError(result.error.issues.map((issue) => ({
      file,
      field: fieldName(issue.path),
      message: issue.code === "unrecognized_keys" ? `has unknown field${issue.keys.length > 1 ? "s" : ""} ${cappedList(issue.keys.map((key) => shortened(key))).join(", ")}` : issue.message
    })));
  }
  const expected = file.replace(/^.*\//, "").replace(/\.json$/, "");
  if (file.endsWith(".json") && result.data.name !== expected) {
    throw new ScenarioError([{file, field: "name", message: `is "${result.data.name}" but the file is named ${expected}.json`}]);
  }
  if (result.data.name === BASE ? result.data.parent !== undefined : result.data.parent === undefined) {
    throw new ScenarioError([{file, field: "parent", message: result.data.name === BASE ? "the base case has no parent" : `is missing (use "${BASE}" to fork the base case)`}]);
  }
  return result.data;
}

/** The chain from the base case down to `name`: base first. */
export function lineage(name: string, scenarios: ReadonlyMap<string, Scenario>): Scenario[] {
  const chain: Scenario[] = [];
  const seen = new Set<string>();
  let current: string | undefined = name;
  let child = name;
  while (current !== undefined) {
    if (seen.has(current)) throw new ScenarioError([{file: `${child}.json`, field: "parent", message: `makes a cycle: ${[...seen, current].join(" → ")}`}]);
    seen.add(current);
    const scenario = scenarios.get(current);
    if (!scenario) throw new ScenarioError([{file: `${child}.json`, field: current === name ? "(scenario)" : "parent", message: `"${current}" is not a scenario`}]);
    chain.unshift(scenario);
    child = current;
    current = scenario.parent;
  }
  return chain;
}

/** A scenario's full controls: the base case's, then each generation's own on top. */
export function resolveControls(name: string, scenarios: ReadonlyMap<string, Scenario>, baseControls: Controls): Controls {
  return lineage(name, scenarios).reduce<Controls>((controls, s) => ({...controls, ...definedOnly(s.assumptions)}), baseControls);
}

function definedOnly(assumptions: Assumptions): Partial<Controls> {
  return Object.fromEntries(Object.entries(assumptions).filter(([, v]) => v !== undefined)) as Partial<Controls>;
}

/** The assumptions where `b` differs from `a`. */
export function diffControls(a: Controls, b: Controls): Partial<Record<keyof Controls, {from: number; to: number}>> {
  return Object.fromEntries(INPUT_KEYS.filter((k) => a[k] !== b[k]).map((k) => [k, {from: a[k], to: b[k]}]));
}

/** A fork: `parent` set, and only the assumptions that differ from the parent's. */
export function fork(name: string, parent: string, parentControls: Controls, controls: Controls, title: string, description: string): Scenario {
  const assumptions = Object.fromEntries(Object.entries(diffControls(parentControls, controls)).map(([k, d]) => [k, d!.to]));
  return scenarioSchema.parse({name, title, description, parent, assumptions});
}
