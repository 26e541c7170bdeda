import {writeFileSync, existsSync} from "node:fs";
import ExcelJS from "exceljs";
import {join} from "node:path";
import {z} from "zod";
import {ledgerCsv, ledgerRecords} from "../src/readings/ledger-export.js";
import type {Controls} from "../src/scenario/controls.js";
import {projectScenario} from "../src/scenario/outcomes.js";
import {compareOutcome, OUTCOME_KEYS, OUTCOMES} from "../src/readings/outcomes.js";
import {cashHeld, fundingGap, quarterRecords} from "../src/readings/funding-gap.js";
import {assumptionsSchema, diffControls, fork, resolveControls, scenarioSchema, ScenarioError} from "../src/scenario/scenario.js";
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
 * Errors go to stderr with a non-zero exit code.
 */
class UsageError extends Error {}

const stringify = (o: object): Record<string, string> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));

function table(rows: Array<Record<string, string>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c] ?? "")))].join("\n");
}

function main(argv: string[]): string | Promise<string> {
  const [command, ...args] = argv;
  const scenarios = readScenarios();
  const {base, controls: baseControls} = baseInputs();
  const controlsOf = (name: string) => resolveControls(name, scenarios, baseControls);
  switch (command) {
    case "list":
      return table([...scenarios.values()].map((s) => ({name: s.name, parent: s.parent ?? "", title: s.title})));
    case "run": {
      const [name] = args;
      // --json: the whole projection as a script reads it (quarterRecords), and the outcomes.
      const format = args.includes("--json") ? "records" : args.includes("--format") ? args[args.indexOf("--format") + 1] : "table";
      if (!name) throw new UsageError("usage: run NAME [--format table|csv|json]");
      if (!["table", "csv", "json", "records"].includes(format ?? "")) throw new UsageError(`--format must be table, csv or json, not "${format}"`);
      const controls = controlsOf(name);
      const {exact, numbers, outcome} = projectScenario(base.input, controls);
      if (format === "csv") return ledgerCsv(ledgerRecords(exact));
      if (format === "json") return JSON.stringify({scenario: name, controls, outcome, ledger: ledgerRecords(exact)}, null, 1);
      if (format === "records") return JSON.stringify({scenario: name, title: scenarios.get(name)!.title, units: "USD millions", controls, outcome, quarters: quarterRecords(numbers)}, null, 1);
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
      return `${name}: ${scenarios.get(name)!.title} (USD millions)\n\n${table(rows)}\n\n${table([stringify(outcome)])}`;
    }
    case "fork": {
      const [name, next, ...rest] = args;
      if (!name || !next) throw new UsageError("usage: fork NAME NEW [--set key=value ...]");
      let set: Record<string, unknown>;
      try {
        set = migrateLegacyInputs(parseSets(rest));
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(`--set: ${error.message}`);
        throw error;
      }
      const checked = assumptionsSchema.safeParse({...set});
      if (!checked.success) throw new ScenarioError(checked.error.issues.map((i) => ({file: `${next}.json`, field: i.path.join(".") || String((i as {keys?: string[]}).keys ?? ""), message: i.message})));
      const parentControls = controlsOf(name);
      const file = join(SCENARIO_DIR, `${next}.json`);
      if (scenarios.has(next) || existsSync(file)) throw new UsageError(`scenario "${next}" exists already`);
      const scenario = fork(next, name, parentControls, {...parentControls, ...checked.data} as Controls, `${scenarios.get(name)!.title}, forked`, `Forked from ${name}; changes: ${Object.entries(checked.data).map(([k, v]) => `${k} = ${v}`).join(", ") || "none"}. Say here where its numbers come from.`);
      writeFileSync(file, JSON.stringify({$schema: "./scenario.schema.json", ...scenario}, null, 2) + "\n");
      return `wrote ${file}`;
    }
    case "diff": {
      const [a, b] = args;
      if (!a || !b) throw new UsageError("usage: diff A B");
      const ca = controlsOf(a), cb = controlsOf(b);
      const assumptions = Object.entries(diffControls(ca, cb)).map(([key, d]) => ({assumption: key, [a]: String(d!.from), [b]: String(d!.to)}));
      const pa = projectScenario(base.input, ca), pb = projectScenario(base.input, cb);
      const changed = OUTCOME_KEYS.flatMap((key) => {
        const {column, of} = OUTCOMES[key];
        const [cellA, cellB] = [String(pa.outcome[column]), String(pb.outcome[column])];
        if (cellA === cellB) return [];
        const better = compareOutcome(key, of(pa.numbers), of(pb.numbers));
        return [{outcome: column, [a]: cellA, [b]: cellB, better_for_the_company: better < 0 ? a : better > 0 ? b : "neither"}];
      });
      return [
        assumptions.length ? table(assumptions) : "no assumption differs",
        changed.length ? table(changed) : "no outcome differs"
      ].join("\n\n");
    }
    case "simulate": {
      const [name, ...rest] = args;
      if (!name) throw new UsageError("usage: simulate NAME [--paths N] [--seed S] [--quarters Q] [--format table|json]");
      const options = flags(rest, ["paths", "seed", "quarters", "format"]);
      const format = options.format ?? "table";
      if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, not "${format}"`);
      const number = (key: "paths" | "seed" | "quarters") => {
        const text = options[key];
        if (text === undefined) return MONTE_CARLO_DEFAULTS[key];
        if (!/^\d+$/.test(text)) throw new UsageError(`--${key} needs a whole number, not "${text}"`);
        return Number(text);
      };
      const assumptions = {...MONTE_CARLO_DEFAULTS, paths: number("paths"), seed: number("seed"), quarters: number("quarters")};
      try { validateAssumptions(assumptions); } catch (error) { throw new UsageError((error as Error).message); }
      return simulateOnThreads({base: base.input, controls: controlsOf(name), assumptions, decimalChecks: 0}).then((summary) => {
        if (format === "json") return JSON.stringify({scenario: name, ...summary}, null, 1);
        const rows = summary.quarters.map((quarter, t) => ({
          quarter,
          p_cannot_pay_by: `${(100 * summary.probabilityCannotPayBy[t]!).toFixed(1)}%`,
          p_ponzi: `${(100 * summary.shareInPonzi[t]!).toFixed(1)}%`,
          cash_p5: summary.cash[t]!.p5.toFixed(0), cash_p50: summary.cash[t]!.p50.toFixed(0), cash_p95: summary.cash[t]!.p95.toFixed(0),
          debt_p50: summary.debt[t]!.p50.toFixed(0)
        }));
        const a = summary.assumptions;
        return [
          `${name}: ${scenarios.get(name)!.title}. ${summary.paths} paths, seed ${a.seed} (USD millions).`,
          `Assumed, around the scenario's inputs: growth ± ${a.growthSdPct} pp a quarter (normal), the reference rate walking ± ${a.rateSdBp} bp a quarter, markets shutting with ${100 * a.shutProbability}% a quarter and reopening with ${100 * a.reopenProbability}%.`,
          "",
          table(rows)
        ].join("\n");
      });
    }
    case "export": {
      const [name, flag, file, ...rest] = args;
      if (!name || flag !== "--xlsx" || !file || rest.length) throw new UsageError("usage: export NAME --xlsx FILE");
      const scenario = scenarios.get(name);
      if (!scenario) throw new UsageError(`no scenario "${name}": see \`list\``);
      const model = scenarioWorkbook(base, scenario, controlsOf(name), companyTables().sources as unknown as WorkbookSources["documents"]);
      return writeXlsx(model, ExcelJS).then((bytes) => {
        writeFileSync(file, bytes);
        return `wrote ${file} (${model.sheets.map((s) => s.name).join(", ")}; ${(bytes.length / 1024).toFixed(0)} kB)`;
      });
    }
    case "schema": {
      const file = join(SCENARIO_DIR, "scenario.schema.json");
      writeFileSync(file, scenarioJsonSchema());
      return `wrote ${file}`;
    }
    default:
      throw new UsageError("usage: npm run scenario -- list | run NAME [--format table|csv|json] | fork NAME NEW [--set key=value ...] | diff A B | simulate NAME [--paths N] [--seed S] [--quarters Q] [--format table|json] | export NAME --xlsx FILE | schema");
  }
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
 * table, given once, each value a plain decimal number (the range is the schema's to check).
 */
function parseSets(args: readonly string[]): Record<string, number> {
  const set: Record<string, number> = Object.create(null);
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== "--set") throw new UsageError(`unexpected "${shorten(args[i]!)}": use --set key=value`);
    const pair = args[++i] ?? "";
    const equals = pair.indexOf("=");
    if (equals < 1) throw new UsageError(`--set needs key=number, not "${shorten(pair)}"`);
    const key = pair.slice(0, equals), value = pair.slice(equals + 1);
    if (!isInputKey(key) && !isLegacyInputKey(key)) throw new UsageError(`--set: "${shorten(key)}" is not an input; the inputs are ${INPUT_KEYS.join(", ")}`);
    if (!isPlainDecimal(value)) throw new UsageError(`--set needs key=number, the number plain decimal (like 150 or -2.5), not "${shorten(pair)}"`);
    if (key in set) throw new UsageError(`--set: ${key} is given twice`);
    set[key] = Number(value);
  }
  return set;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** `--key value` pairs, refusing any key not in `known` and any key without a value. */
function flags(args: readonly string[], known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!.replace(/^--/, "");
    if (!args[i]!.startsWith("--") || !known.includes(key)) throw new UsageError(`unexpected "${args[i]}": one of ${known.map((k) => `--${k}`).join(", ")}`);
    const value = args[i + 1];
    if (value === undefined) throw new UsageError(`--${key} needs a value`);
    out[key] = value;
  }
  return out;
}

/** The JSON Schema editors use to complete and check scenario files, from the zod schema. */
export function scenarioJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(scenarioSchema, {io: "input"}), null, 2) + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(await main(process.argv.slice(2)) + "\n");
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    }
    throw error;
  }
}
