import {mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {companyFactsToRaw} from "../data-loaders/companyfacts.js";
import {RAW_ROOT} from "../data-loaders/read.js";

/**
 * npm run companyfacts -- FILE.json COMPANY [--out DIR]
 * Reads an SEC companyfacts JSON file and writes data-loaders/raw/COMPANY/*.csv (or
 * DIR/COMPANY/). Every file is written to a temporary name first and renamed only once
 * all are ready, so a failure leaves nothing half-written.
 */
function main(args: string[]): void {
  const outIndex = args.indexOf("--out");
  const root = outIndex >= 0 ? args[outIndex + 1] : RAW_ROOT;
  const [file, company] = args.filter((_, i) => i !== outIndex && i !== outIndex + 1);
  if (!file || !company || !root || !/^[a-z0-9][a-z0-9-]*$/.test(company)) {
    throw new Error("usage: npm run companyfacts -- FILE.json COMPANY [--out DIR]   (COMPANY: lower-case letters, digits, dashes)");
  }
  const files = companyFactsToRaw(JSON.parse(readFileSync(file, "utf8")));
  const dir = join(root, company);
  mkdirSync(dir, {recursive: true});
  const entries = Object.entries(files);
  for (const [name, text] of entries) writeFileSync(join(dir, `.${name}.tmp`), text);
  for (const [name] of entries) renameSync(join(dir, `.${name}.tmp`), join(dir, name));
  const facts = files["statements.csv"].trim().split("\n").length - 1;
  console.log(`wrote ${entries.length} files to ${dir}: ${facts} reported figures`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
