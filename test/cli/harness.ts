import {cpSync, mkdirSync, mkdtempSync, readdirSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {baseInputs, SCENARIO_DIR} from "../../cli/scenario-files.js";
import {describeFailure} from "../../cli/command-line.js";
import {main, type ScenarioCommandContext} from "../../cli/scenario.js";
import {companyTables} from "../../data-loaders/dataset.js";
import type {WorkbookSources} from "../../src/workbook/index.js";

/**
 * The scenario command line run in-process, as its process would answer: stdout and exit 0,
 * or the one line on stderr and its exit code. `expected` is false for an error no check
 * foresaw (a bug). Each test gets its own folder: `root/work` is the working folder, with the
 * scenario files in `root/work/scenarios`; nothing may appear anywhere else under `root`.
 */
export interface Answer {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly expected: boolean;
}

// The dataset is read once for all runs: reading it is the same every time, and slow.
let base: ReturnType<typeof baseInputs> | undefined;
let documents: WorkbookSources["documents"] | undefined;
const sharedBase = () => (base ??= baseInputs());
const sharedDocuments = () => (documents ??= companyTables().sources as unknown as WorkbookSources["documents"]);

export interface Sandbox {
  readonly root: string;
  readonly context: ScenarioCommandContext;
  /** Every file under `root`, relative to it, sorted. */
  readonly files: () => string[];
}

export function sandbox(overrides: Partial<ScenarioCommandContext> = {}): Sandbox {
  const root = mkdtempSync(join(tmpdir(), "cli-"));
  const cwd = join(root, "work");
  mkdirSync(cwd);
  const scenarioDir = join(cwd, "scenarios");
  cpSync(SCENARIO_DIR, scenarioDir, {recursive: true});
  return {
    root,
    context: {scenarioDir, cwd, baseInputs: sharedBase, documents: sharedDocuments, ...overrides},
    files: () => listFiles(root).map((file) => relative(root, file)).sort()
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export async function answer(argv: readonly string[], context: ScenarioCommandContext): Promise<Answer> {
  try {
    return {code: 0, stdout: await main(argv, context), stderr: "", expected: true};
  } catch (error) {
    const failure = describeFailure(error);
    return {code: failure.code, stdout: "", stderr: failure.line, expected: failure.expected};
  }
}
