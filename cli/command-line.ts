import {readFileSync} from "node:fs";
import type {z} from "zod";
import {RawDataError} from "../data-loaders/errors.js";
import {cappedList, quoted} from "../src/readings/format.js";
import {ScenarioError} from "../src/scenario/scenario.js";

/**
 * How every command line answers. Its output goes to stdout with exit code 0; a failure is
 * one line on stderr saying what was wrong and what is allowed, with exit code 2 for a bad
 * invocation (usage) and 1 for bad data (the raw CSVs, a scenario file, an input file). A
 * stack trace is printed only with --debug: a person reads the line, a developer the stack.
 */

/** The invocation is wrong: a command, a flag, a name, a value or a path. Exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The data the command read is wrong: an input file, the raw CSVs, a scenario file. Exit code 1. */
export class DataError extends Error {
  override name = "DataError";
}

export const EXIT = {ok: 0, data: 1, usage: 2} as const;

/** What a command line prints: its output, or an exit code of its own with it (e.g. "no network"). */
export type CommandResult = string | {readonly stdout: string; readonly code: number};

export interface Failure {
  readonly code: number;
  /** One line: no newline, no control character, at most 2,000 characters. */
  readonly line: string;
  /** False for an error no check foresaw: a bug, reported as one all the same. */
  readonly expected: boolean;
}

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder", EISDIR: "is a folder", ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied", EPERM: "not permitted", EEXIST: "exists already", ENOSPC: "the disk is full", EROFS: "read-only file system"
};

/** A file system error's code and path, when it is one. */
function systemError(error: unknown): {code: string; path: string} | null {
  if (!(error instanceof Error)) return null;
  const {code, path} = error as Error & {code?: unknown; path?: unknown};
  return typeof code === "string" && typeof path === "string" ? {code, path} : null;
}

/** An error as the one line a person reads, and the exit code. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) return {code: EXIT.usage, line: oneLine(error.message), expected: true};
  if (error instanceof DataError) return {code: EXIT.data, line: oneLine(error.message), expected: true};
  if (error instanceof RawDataError || error instanceof ScenarioError) return {code: EXIT.data, line: oneLine(error.oneLine), expected: true};
  const system = systemError(error);
  if (system) return {code: EXIT.data, line: oneLine(`cannot use ${JSON.stringify(system.path)}: ${SYSTEM_ERRORS[system.code] ?? system.code}`), expected: true};
  const message = error instanceof Error ? error.message : String(error);
  return {code: EXIT.data, line: oneLine(`internal error: ${message.split("\n")[0]} (run again with --debug for the stack)`), expected: false};
}

/** Text as one line: control characters (a newline, an escape) become spaces; long text is cut. */
export function oneLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
  return flat.length > 2000 ? `${flat.slice(0, 2000)}…` : flat;
}

/**
 * Runs a command line's `main` over the process's arguments: `--debug` anywhere is taken out
 * and turns on stack traces. Sets the exit code rather than exiting, so stdout is flushed.
 */
export async function runCommandLine(main: (args: string[]) => CommandResult | Promise<CommandResult>, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const debug = argv.includes("--debug");
  const args = argv.filter((arg) => arg !== "--debug");
  try {
    const result = await main(args);
    const {stdout, code} = typeof result === "string" ? {stdout: result, code: EXIT.ok} : result;
    if (stdout) process.stdout.write(stdout.endsWith("\n") ? stdout : `${stdout}\n`);
    process.exitCode = code;
  } catch (error) {
    const failure = describeFailure(error);
    process.stderr.write(`${failure.line}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = failure.code;
  }
}

/**
 * `--key value` options and `--switch` flags after a command's words, into a null-prototype
 * record: any other word, an unknown option, a missing value or an option given twice is a
 * usage error that says which options there are.
 */
export function parseOptions(args: readonly string[], spec: Readonly<Record<string, "value" | "switch">>): Record<string, string> {
  const options: Record<string, string> = Object.create(null);
  const allowed = Object.entries(spec).map(([name, kind]) => (kind === "value" ? `--${name} VALUE` : `--${name}`)).join(", ") || "none";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith("--") ? arg.slice(2) : "";
    if (!name || !Object.prototype.hasOwnProperty.call(spec, name)) throw new UsageError(`unexpected ${quote(arg)}; the options here are ${allowed}`);
    if (name in options) throw new UsageError(`--${name} is given twice`);
    if (spec[name] === "switch") {
      options[name] = "";
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return options;
}

/** A user's text quoted in an answer: escaped, and cut at 60 characters. */
export const quote = (text: string): string => quoted(text);

/** A file system error's code in words. */
const inWords = (error: unknown): string => {
  const code = (error as {code?: unknown}).code;
  return typeof code === "string" ? (SYSTEM_ERRORS[code] ?? code) : error instanceof Error ? error.message : String(error);
};

/** A file the invocation names, as text: a missing file or a folder is a usage error. */
export function readNamedFile(path: string, option: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`${option} ${quote(path)}: cannot read it (${inWords(error)})`);
  }
}

/** A named file's JSON: text that is not JSON is a data error. */
export function readJsonFile(path: string, option: string): unknown {
  const text = readNamedFile(path, option);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${quote(path)} is not JSON: ${(error as Error).message}`);
  }
}

/** A write the file system refuses (a missing folder, permission, a full disk) as one line about that file. */
export function writeOrExplain<T>(write: () => T, file: string): T {
  try {
    return write();
  } catch (error) {
    throw new UsageError(`cannot write ${quote(file)}: ${inWords(error)}`);
  }
}

/** A zod error about a file as one data error: the first problems, with where they are. */
export function zodDataError(what: string, error: z.ZodError): DataError {
  const problems = error.issues.map((issue) => `${issue.path.map(String).join(".") || "(top)"}: ${issue.message}`);
  return new DataError(`${what}: ${cappedList(problems).join("; ")}`);
}
