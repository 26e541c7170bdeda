import {statSync, writeFileSync} from "node:fs";
import ExcelJS from "exceljs";
import {dirname, join, resolve} from "node:path";
import {z} from "zod";
import {ledgerCsv, ledgerRecords} from "../src/readings/ledger-export.js";
import {safeJson} from "../src/readings/safe-cells.js";
import {cappedList} from "../src/readings/format.js";
import type {Controls} from "../src/scenario/controls.js";
import {projectScenario} from "../src/scenario/outcomes.js";
import {compareOutcome, OUTCOME_KEYS, OUTCOMES} from "../src/readings/outcomes.js";
import {cashHeld, fundingGap, quarterRecords} from "../src/readings/funding-gap.js";
import {assumptionsSchema, diffControls, fork, isScenarioName, resolveControls, SCENARIO_NAME_RULE, scenarioSchema, type Scenario} from "../src/scenario/scenario.js";
import {baseInputs, readScenarios, SCENARIO_DIR} from "./scenario-files.js";
import {INPUT_KEYS, isInputKey, isLegacyInputKey, isPlainDecimal, migrateLegacyInputs} from "../src/scenario/inputs-table.js";
import {MONTE_CARLO_DEFAULTS, simulate, validateAssumptions, type MonteCarloSummary} from "../src/risk/monte-carlo.js";
import {simulateInParallel, workersFor, type SimulationRequest} from "../src/risk/parallel.js";
import {riskSubject} from "../src/risk/subject.js";
import {availableParallelism} from "node:os";
import {nodeWorkerPool} from "./risk-workers.js";
import {scenarioWorkbook} from "../src/scenario/workbook.js";
import {writeXlsx, type WorkbookSources} from "../src/workbook/index.js";
import {companyTables} from "../data-loaders/dataset.js";
import {parseOptions, quote, runCommandLine, UsageError, writeOrExplain} from "./command-line.js";

/**
 * npm run scenario -- <command>
 *   list                                   the scenarios, with their parents
 *   run NAME [--format table|csv|json]     the ledger and metrics
 *   run NAME --json                        every quarter's main lines, the funding gap and the outcomes, for scripts
 *   fork NAME NEW [--set key=value ...]    writes scenarios/NEW.json
 *   diff A B                               the assumptions and outcomes that differ
 *   simulate NAME [--paths N] [--seed S] [--quarters Q] [--format table|json]
 *                                          Monte Carlo around the scenario
 *   export NAME --xlsx FILE                a workbook whose model is live formulas
 *   schema                                 writes scenarios/scenario.schema.json
 * A bad invocation is one line on stderr and exit code 2; bad data (a scenario file, the raw
 * CSVs) one line and exit code 1 (see command-line.ts). Every argument is checked before any
 * file is read or written.
 */
export const USAGE = "usage: npm run scenario -- list | run NAME [--format table|csv|json | --json] | fork NAME NEW [--set key=value ...] | diff A B | simulate NAME [--paths N] [--seed S] [--quarters Q] [--format table|json] | export NAME --xlsx FILE | schema";

/** What the command line reads and where it writes: the real folders, or a test's. */
export interface ScenarioCommandContext {
  /** The scenario files' folder: fork and schema write here, nowhere else. */
  readonly scenarioDir: string;
  /** The folder a relative `--xlsx FILE` is written in. */
  readonly cwd: string;
  /** The base case and its controls, from the dataset (read only by the commands that need it). */
  readonly baseInputs: () => ReturnType<typeof baseInputs>;
  /** The dataset's documents, for the workbook's Sources sheet. */
  readonly documents: () => WorkbookSources["documents"];
}

export const defaultContext = (): ScenarioCommandContext => ({
  scenarioDir: SCENARIO_DIR,
  cwd: process.cwd(),
  baseInputs,
  documents: () => companyTables().sources as unknown as WorkbookSources["documents"]
});

const stringify = (o: object): Record<string, string> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));

function table(rows: Array<Record<string, string>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c] ?? "")))].join("\n");
}

/** The command's words: exactly `count` of them, each a scenario name by its form, before anything is read. */
function scenarioNames(args: readonly string[], roles: readonly string[], usage: string): string[] {
  const names = args.slice(0, roles.length);
  if (names.length < roles.length || names.some((name) => name.startsWith("--"))) throw new UsageError(`usage: ${usage}`);
  names.forEach((name, i) => {
    if (!isScenarioName(name)) throw new UsageError(`${roles[i]} ${quote(name)} is not a scenario name: ${SCENARIO_NAME_RULE}`);
  });
  return names;
}

/** The scenario files, and each name given checked against them. */
function knownScenarios(context: ScenarioCommandContext, names: readonly string[]): Map<string, Scenario> {
  const scenarios = readScenarios(context.scenarioDir);
  for (const name of names) {
    if (!scenarios.has(name)) throw new UsageError(`${quote(name)} is not a scenario; the scenarios are ${cappedList([...scenarios.keys()]).join(", ")} (see \`list\`)`);
  }
  return scenarios;
}

const OUTPUT_FORMATS = ["table", "csv", "json"] as const;

export async function main(argv: readonly string[], context: ScenarioCommandContext = defaultContext()): Promise<string> {
  const [command, ...args] = argv;
  switch (command) {
    case "list": {
      parseOptions(args, {});
      const scenarios = readScenarios(context.scenarioDir);
      return table([...scenarios.values()].map((s) => ({name: s.name, parent: s.parent ?? "", title: s.title})));
    }
    case "run": {
      const [name] = scenarioNames(args, ["NAME"], "run NAME [--format table|csv|json | --json]");
      const options = parseOptions(args.slice(1), {format: "value", json: "switch"});
      if (options.json !== undefined && options.format !== undefined) throw new UsageError("give --json or --format, not both");
      // --json: the whole projection as a script reads it (quarterRecords), and the outcomes.
      const format = options.json !== undefined ? "records" : options.format ?? "table";
      if (format !== "records" && !(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be table, csv or json, not ${quote(format)}`);
      const scenarios = knownScenarios(context, [name!]);
      const {base, controls: baseControls} = context.baseInputs();
      const controls = resolveControls(name!, scenarios, baseControls);
      const {exact, numbers, outcome} = projectScenario(base.input, controls);
      if (format === "csv") return ledgerCsv(ledgerRecords(exact));
      if (format === "json") return safeJson({scenario: name, controls, outcome, ledger: ledgerRecords(exact)}, 1);
      if (format === "records") return safeJson({scenario: name, title: scenarios.get(name!)!.title, units: "USD millions", controls, outcome, quarters: quarterRecords(numbers)}, 1);
      const rows = numbers.quarters.map((q) => ({
        quarter: q.ledger.quarter,
        revenue: q.ledger.revenue.toFixed(1),
        ebitda: q.ledger.ebitda.toFixed(1),
        interest: q.ledger.interest.toFixed(1),
        principal_due: q.ledger.principalDue.toFixed(1),
        closing_cash: cashHeld(q.ledger.closingCash).toFixed(1),
        funding_gap: fundingGap(q.ledger.closingCash).toFixed(1),
        closing_debt: q.ledger.closingDebt.toFixed(1),
        coverage: q.metrics.interestCoverageEbitda === null ? "n/m" : q.metrics.interestCoverageEbitda.toFixed(2),
        regime: q.regime
      }));
      return `${name}: ${scenarios.get(name!)!.title} (USD millions)\n\n${table(rows)}\n\n${table([stringify(outcome)])}`;
    }
    case "fork": {
      const [name, next] = scenarioNames(args, ["NAME", "NEW"], "fork NAME NEW [--set key=value ...]");
      const set = parseSets(args.slice(2));
      const scenarios = knownScenarios(context, [name!]);
      const file = join(context.scenarioDir, `${next}.json`);
      if (scenarios.has(next!)) throw new UsageError(`scenario ${quote(next!)} exists already: choose another NEW name`);
      const {controls: baseControls} = context.baseInputs();
      const parentControls = resolveControls(name!, scenarios, baseControls);
      const scenario = fork(next!, name!, parentControls, {...parentControls, ...set} as Controls, `${scenarios.get(name!)!.title}, forked`, `Forked from ${name}; changes: ${Object.entries(set).map(([k, v]) => `${k} = ${v}`).join(", ") || "none"}. Say here where its numbers come from.`);
      // "wx": never over a file that appeared since the folder was read.
      writeOrExplain(() => writeFileSync(file, JSON.stringify({$schema: "./scenario.schema.json", ...scenario}, null, 2) + "\n", {flag: "wx"}), file);
      return `wrote ${file}`;
    }
    case "diff": {
      const [a, b] = scenarioNames(args, ["A", "B"], "diff A B");
      parseOptions(args.slice(2), {});
      const scenarios = knownScenarios(context, [a!, b!]);
      const {base, controls: baseControls} = context.baseInputs();
      const ca = resolveControls(a!, scenarios, baseControls), cb = resolveControls(b!, scenarios, baseControls);
      const assumptions = Object.entries(diffControls(ca, cb)).map(([key, d]) => ({assumption: key, [a!]: String(d!.from), [b!]: String(d!.to)}));
      const pa = projectScenario(base.input, ca), pb = projectScenario(base.input, cb);
      const changed = OUTCOME_KEYS.flatMap((key) => {
        const {column, of} = OUTCOMES[key];
        const [cellA, cellB] = [String(pa.outcome[column]), String(pb.outcome[column])];
        if (cellA === cellB) return [];
        const better = compareOutcome(key, of(pa.numbers), of(pb.numbers));
        return [{outcome: column, [a!]: cellA, [b!]: cellB, better_for_the_company: better < 0 ? a! : better > 0 ? b! : "neither"}];
      });
      return [
        assumptions.length ? table(assumptions) : "no assumption differs",
        changed.length ? table(changed) : "no outcome differs"
      ].join("\n\n");
    }
    case "simulate": {
      const [name] = scenarioNames(args, ["NAME"], "simulate NAME [--paths N] [--seed S] [--quarters Q] [--format table|json]");
      const options = parseOptions(args.slice(1), {paths: "value", seed: "value", quarters: "value", format: "value"});
      const format = options.format ?? "table";
      if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, not ${quote(format)}`);
      const number = (key: "paths" | "seed" | "quarters") => {
        const text = options[key];
        if (text === undefined) return MONTE_CARLO_DEFAULTS[key];
        if (!/^\d{1,10}$/.test(text)) throw new UsageError(`--${key} needs a whole number of at most 10 digits, not ${quote(text)}`);
        return Number(text);
      };
      const assumptions = {...MONTE_CARLO_DEFAULTS, paths: number("paths"), seed: number("seed"), quarters: number("quarters")};
      try { validateAssumptions(assumptions); } catch (error) { throw new UsageError((error as Error).message); }
      const scenarios = knownScenarios(context, [name!]);
      const {base, controls: baseControls} = context.baseInputs();
      // On worker threads (both cores) when the run is large enough to gain from them.
      const summary = await simulateOnThreads({base: base.input, controls: resolveControls(name!, scenarios, baseControls), assumptions, decimalChecks: 0});
      if (format === "json") return safeJson({scenario: name, ...summary}, 1);
      const rows = summary.quarters.map((quarter, t) => ({
        quarter,
        p_cannot_pay_by: `${(100 * summary.probabilityCannotPayBy[t]!).toFixed(1)}%`,
        p_ponzi: `${(100 * summary.shareInPonzi[t]!).toFixed(1)}%`,
        cash_p5: summary.cash[t]!.p5.toFixed(0), cash_p50: summary.cash[t]!.p50.toFixed(0), cash_p95: summary.cash[t]!.p95.toFixed(0),
        debt_p50: summary.debt[t]!.p50.toFixed(0)
      }));
      const a = summary.assumptions;
      return [
        `${name}: ${scenarios.get(name!)!.title}. ${summary.paths} paths, seed ${a.seed} (USD millions).`,
        `Assumed, around the scenario's inputs: growth ± ${a.growthSdPct} pp a quarter (normal), the reference rate walking ± ${a.rateSdBp} bp a quarter, markets shutting with ${100 * a.shutProbability}% a quarter and reopening with ${100 * a.reopenProbability}%.`,
        "",
        table(rows)
      ].join("\n");
    }
    case "export": {
      const [name] = scenarioNames(args, ["NAME"], "export NAME --xlsx FILE");
      const options = parseOptions(args.slice(1), {xlsx: "value"});
      if (options.xlsx === undefined) throw new UsageError("usage: export NAME --xlsx FILE");
      const file = xlsxTarget(resolve(context.cwd, options.xlsx), options.xlsx);
      const scenarios = knownScenarios(context, [name!]);
      const {base, controls: baseControls} = context.baseInputs();
      const model = scenarioWorkbook(base, scenarios.get(name!)!, resolveControls(name!, scenarios, baseControls), context.documents());
      const bytes = await writeXlsx(model, ExcelJS);
      writeOrExplain(() => writeFileSync(file, bytes), file);
      return `wrote ${options.xlsx} (${model.sheets.map((s) => s.name).join(", ")}; ${(bytes.length / 1024).toFixed(0)} kB)`;
    }
    case "schema": {
      parseOptions(args, {});
      const file = join(context.scenarioDir, "scenario.schema.json");
      writeOrExplain(() => writeFileSync(file, scenarioJsonSchema()), file);
      return `wrote ${file}`;
    }
    default:
      throw new UsageError(command === undefined ? USAGE : `unknown command ${quote(command)}; ${USAGE}`);
  }
}

/** Where `--xlsx FILE` goes: a file in a folder that exists, not a folder itself. */
function xlsxTarget(file: string, given: string): string {
  const kind = (path: string) => {
    try {
      return statSync(path).isDirectory() ? "folder" : "file";
    } catch {
      return "none";
    }
  };
  if (kind(file) === "folder") throw new UsageError(`--xlsx ${quote(given)} is a folder: name a file in it, like ${quote(join(given, "scenario.xlsx"))}`);
  if (kind(dirname(file)) !== "folder") throw new UsageError(`--xlsx ${quote(given)}: the folder ${quote(dirname(given))} does not exist; create it first or name a file in a folder that does`);
  return file;
}

/**
 * A simulation on worker threads, one a core (`os.availableParallelism()`), each a share of
 * the paths; the same figures as on one thread (a path depends on the seed and its index).
 * A run one worker would take runs here, in the process, which costs no thread's start.
 */
async function simulateOnThreads(request: SimulationRequest): Promise<MonteCarloSummary> {
  const workers = workersFor(request.assumptions.paths, availableParallelism());
  if (workers === 1) return simulate(riskSubject(request.base, request.controls), request.assumptions);
  const pool = nodeWorkerPool(workers);
  try {
    return (await simulateInParallel(pool, request)).summary;
  } finally {
    pool.terminate();
  }
}

/**
 * `--set key=value` pairs into a null-prototype object: each key an input of the inputs
 * table, given once, each value a plain decimal number in the input's range.
 */
function parseSets(args: readonly string[]): Record<string, number> {
  const set: Record<string, number> = Object.create(null);
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== "--set") throw new UsageError(`unexpected ${quote(args[i]!)}: use --set key=value`);
    const pair = args[++i] ?? "";
    const equals = pair.indexOf("=");
    if (equals < 1) throw new UsageError(`--set needs key=number, not ${quote(pair)}`);
    const key = pair.slice(0, equals), value = pair.slice(equals + 1);
    if (!isInputKey(key) && !isLegacyInputKey(key)) throw new UsageError(`--set: ${quote(key)} is not an input; the inputs are ${INPUT_KEYS.join(", ")}`);
    if (!isPlainDecimal(value)) throw new UsageError(`--set needs key=number, the number plain decimal (like 150 or -2.5), not ${quote(pair)}`);
    if (key in set) throw new UsageError(`--set: ${key} is given twice`);
    set[key] = Number(value) || 0; // "-0" is 0
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateLegacyInputs(set);
  } catch (error) {
    throw new UsageError(`--set: ${(error as Error).message}`);
  }
  const checked = assumptionsSchema.safeParse(migrated);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const key = String(issue.path[0] ?? "");
    throw new UsageError(`--set ${key}=${String(migrated[key])}: ${key} ${issue.message}`);
  }
  return Object.assign(Object.create(null) as Record<string, number>, checked.data);
}

/** The JSON Schema editors use to complete and check scenario files, from the zod schema. */
export function scenarioJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(scenarioSchema, {io: "input"}), null, 2) + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) await runCommandLine((args) => main(args));
