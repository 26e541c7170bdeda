import {mkdirSync, renameSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {ZodError} from "zod";
import {companyFactsToRaw} from "../data-loaders/companyfacts.js";
import {RAW_ROOT} from "../data-loaders/read.js";
import {parseOptions, quote, readJsonFile, runCommandLine, UsageError, writeOrExplain, zodDataError} from "./command-line.js";

const USAGE = "usage: npm run companyfacts -- FILE.json COMPANY [--out DIR]   (COMPANY: lower-case letters, digits, dashes)";

/**
 * npm run companyfacts -- FILE.json COMPANY [--out DIR]
 * Reads an SEC companyfacts JSON file and writes data-loaders/raw/COMPANY/*.csv (or
 * DIR/COMPANY/). Every file is written to a temporary name first and renamed only once
 * all are ready, so a failure leaves nothing half-written. A bad invocation is one line on
 * stderr and exit code 2; a file that is not companyfacts one line and exit code 1.
 */
export function main(args: readonly string[]): string {
  const [file, company] = args;
  if (!file || !company || file.startsWith("--") || company.startsWith("--")) throw new UsageError(USAGE);
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(company)) throw new UsageError(`COMPANY ${quote(company)} must be lower-case letters, digits and dashes; ${USAGE}`);
  const {out: root = RAW_ROOT} = parseOptions(args.slice(2), {out: "value"});
  const raw = readJsonFile(file, "FILE");
  let files;
  try {
    files = companyFactsToRaw(raw);
  } catch (error) {
    if (error instanceof ZodError) throw zodDataError(`${quote(file)} is not an SEC companyfacts file`, error);
    throw error;
  }
  const dir = join(root, company);
  // The folder must exist: made here, a mistyped path would become a tree of folders.
  if (!isFolder(root)) throw new UsageError(`--out ${quote(root)} is not a folder that exists; create it first`);
  if (!isFolder(dir)) writeOrExplain(() => mkdirSync(dir), dir);
  const entries = Object.entries(files);
  for (const [name, text] of entries) writeOrExplain(() => writeFileSync(join(dir, `.${name}.tmp`), text), join(dir, `.${name}.tmp`));
  for (const [name] of entries) writeOrExplain(() => renameSync(join(dir, `.${name}.tmp`), join(dir, name)), join(dir, name));
  const facts = files["statements.csv"].trim().split("\n").length - 1;
  return `wrote ${entries.length} files to ${dir}: ${facts} reported figures`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runCommandLine(main);
