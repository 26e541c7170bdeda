import {renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {ZodError} from "zod";
import {RAW_ROOT, readRawFiles} from "../data-loaders/read.js";
import {addMissingFacts, CIK, companyFactsUrl, compareWithFacts, describeComparisons} from "../data-loaders/refresh.js";
import {parseOptions, quote, readJsonFile, runCommandLine, UsageError, writeOrExplain, zodDataError, type CommandResult} from "./command-line.js";

const USAGE = "usage: npm run data:refresh -- COMPANY [--write] [--file COMPANYFACTS.json [--copy-of URL]] [--root DIR]";

/** The exit code when the SEC cannot be reached: nothing was changed, and nothing was wrong. */
export const NO_NETWORK = 3;

/**
 * npm run data:refresh -- coreweave [--write]
 * Downloads the company's XBRL companyfacts from the SEC (with the User-Agent the SEC asks
 * for: set SEC_USER_AGENT to "Your Name your@email"), and prints, per figure, where the
 * dataset and the filings agree, disagree, or the dataset lacks a figure. --write adds the
 * missing ones as `filing` rows with their accession numbers. --file reads a saved response
 * instead; with --copy-of URL the file is a third party's copy, and rows are graded `copy`
 * and cite that address. A bad invocation is one line on stderr and exit code 2, bad data
 * (the raw CSVs, the file) exit code 1, no network one line and exit code 3.
 */
export async function main(args: readonly string[]): Promise<CommandResult> {
  const [company] = args;
  if (!company || company.startsWith("--")) throw new UsageError(`${USAGE} (known companies: ${Object.keys(CIK).join(", ")})`);
  if (!Object.prototype.hasOwnProperty.call(CIK, company)) throw new UsageError(`${quote(company)} is not a company this knows the SEC's number (CIK) of; known: ${Object.keys(CIK).join(", ")}`);
  const cik = CIK[company]!;
  const options = parseOptions(args.slice(1), {"write": "switch", "file": "value", "copy-of": "value", "root": "value"});
  const root = options.root ?? RAW_ROOT;
  const copyOf = options["copy-of"];
  if (copyOf !== undefined && !/^https:\/\/\S+$/.test(copyOf)) throw new UsageError(`--copy-of must be an https address, not ${quote(copyOf)}`);
  if (copyOf !== undefined && options.file === undefined) throw new UsageError("--copy-of names where --file was copied from: give --file too");
  const out: string[] = [];
  let raw: unknown;
  if (options.file !== undefined) {
    raw = readJsonFile(options.file, "--file");
  } else {
    // SEC_COMPANYFACTS_BASE points the download elsewhere (the tests point it at a closed port).
    const url = companyFactsUrl(cik, process.env["SEC_COMPANYFACTS_BASE"]);
    try {
      const response = await fetch(url, {headers: {"User-Agent": process.env["SEC_USER_AGENT"] ?? "Solvency Notebook data refresh (set SEC_USER_AGENT to your name and email)", "Accept": "application/json"}, signal: AbortSignal.timeout(20000)});
      if (!response.ok) throw new Error(`the SEC answered ${response.status} ${response.statusText}`);
      raw = await response.json();
    } catch (error) {
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      return {stdout: `no network: could not download ${url} (${cause}); nothing was changed`, code: NO_NETWORK};
    }
  }
  const dir = join(root, company);
  const files = readRawFiles(company, root);
  try {
    out.push(describeComparisons(compareWithFacts(files, raw)));
    if (options.write === undefined) return out.join("\n");
    const {files: next, added} = addMissingFacts(files, raw, copyOf ? {grade: "copy", url: () => copyOf} : {grade: "filing"});
    // Each file goes to a temporary name first, renamed once all are written.
    const changed = (["sources.csv", "statements.csv"] as const).filter((name) => next[name] !== files[name]);
    for (const name of changed) writeOrExplain(() => writeFileSync(join(dir, `.${name}.tmp`), next[name]), join(dir, `.${name}.tmp`));
    for (const name of changed) writeOrExplain(() => renameSync(join(dir, `.${name}.tmp`), join(dir, name)), join(dir, name));
    out.push(`wrote ${added} figures to ${dir}/statements.csv`);
    return out.join("\n");
  } catch (error) {
    if (error instanceof ZodError) throw zodDataError("the companyfacts response is not in the SEC's format", error);
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runCommandLine(main);
