import {readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {RAW_ROOT, readRawFiles} from "../data-loaders/read.js";
import {addMissingFacts, CIK, companyFactsUrl, compareWithFacts, describeComparisons} from "../data-loaders/refresh.js";

const USAGE = "usage: npm run data:refresh -- COMPANY [--write] [--file COMPANYFACTS.json [--copy-of URL]] [--root DIR]";

/**
 * npm run data:refresh -- coreweave [--write]
 * Downloads the company's XBRL companyfacts from the SEC (with the User-Agent the SEC asks
 * for: set SEC_USER_AGENT to "Your Name your@email"), and prints, per figure, where the
 * dataset and the filings agree, disagree, or the dataset lacks a figure. --write adds the
 * missing ones as `filing` rows with their accession numbers. --file reads a saved response
 * instead; with --copy-of URL the file is a third party's copy, and rows are graded `copy`
 * and cite that address.
 */
async function main(args: string[]): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const company = args[0];
  const cik = company ? CIK[company] : undefined;
  if (!company || company.startsWith("-") || cik === undefined) {
    console.error(`${USAGE}\n(known companies: ${Object.keys(CIK).join(", ")})`);
    return 2;
  }
  const root = option("--root") ?? RAW_ROOT;
  const file = option("--file");
  const copyOf = option("--copy-of");
  if (copyOf !== undefined && !/^https:\/\/\S+$/.test(copyOf)) {
    console.error("--copy-of must be an https address");
    return 2;
  }
  let raw: unknown;
  if (file) {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } else {
    // SEC_COMPANYFACTS_BASE points the download elsewhere (the tests point it at a closed port).
    const url = companyFactsUrl(cik, process.env["SEC_COMPANYFACTS_BASE"]);
    try {
      const response = await fetch(url, {headers: {"User-Agent": process.env["SEC_USER_AGENT"] ?? "Solvency Notebook data refresh (set SEC_USER_AGENT to your name and email)", "Accept": "application/json"}, signal: AbortSignal.timeout(20000)});
      if (!response.ok) throw new Error(`the SEC answered ${response.status} ${response.statusText}`);
      raw = await response.json();
    } catch (error) {
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      console.log(`no network: could not download ${url} (${cause}); nothing was changed`);
      return 3;
    }
  }
  const dir = join(root, company);
  const files = readRawFiles(company, root);
  console.log(describeComparisons(compareWithFacts(files, raw)));
  if (!args.includes("--write")) return 0;
  const {files: next, added} = addMissingFacts(files, raw, copyOf ? {grade: "copy", url: () => copyOf} : {grade: "filing"});
  // Each file goes to a temporary name first, renamed once all are written.
  const changed = (["sources.csv", "statements.csv"] as const).filter((name) => next[name] !== files[name]);
  for (const name of changed) writeFileSync(join(dir, `.${name}.tmp`), next[name]);
  for (const name of changed) renameSync(join(dir, `.${name}.tmp`), join(dir, name));
  console.log(`wrote ${added} figures to ${dir}/statements.csv`);
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
