import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {RAW_ROOT} from "../../data-loaders/read.js";
import {addMissingFacts, compareWithFacts, describeComparisons} from "../../data-loaders/refresh.js";
import {RAW_FILE_NAMES, validateCompany, type RawFiles} from "../../data-loaders/validate.js";

const fixturePath = new URL("../fixtures/companyfacts-coreweave-2026.json", import.meta.url).pathname;
const fixture = JSON.parse(readFileSync(fixturePath, "utf8"));
const real = Object.fromEntries(RAW_FILE_NAMES.map((name) => [name, readFileSync(join(RAW_ROOT, "coreweave", name), "utf8")])) as unknown as RawFiles;
/** The real statements without the rows a test names, as if the dataset lacked them. */
const without = (pattern: RegExp): RawFiles => ({...real, "statements.csv": real["statements.csv"].split("\n").filter((l) => !pattern.test(l)).join("\n")});
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, ["--import", "tsx", "cli/data-refresh.ts", ...args], {encoding: "utf8", env: {...process.env, ...env}});

describe("the dataset against the SEC's XBRL facts", () => {
  it("agrees with every fact of the fixture", () => {
    const comparisons = compareWithFacts(real, fixture);
    // 11 facts, of 8 figures: revenue for 2025Q2 is reported twice (the 2025 10-Q and the 2026 one's comparative), cash at 2025-12-31 three times.
    expect(comparisons.length).toBe(8);
    expect(comparisons.filter((c) => c.kind !== "agree")).toEqual([]);
  });

  it("says where it disagrees, with both figures", () => {
    // As if the SEC's response had been amended: 5,624 where the dataset holds 5,524.
    const amended = structuredClone(fixture);
    const cash = amended.facts["us-gaap"].CashAndCashEquivalentsAtCarryingValue.units.USD.find((f: {end: string}) => f.end === "2026-06-30");
    cash.val = 5624000000;
    const text = describeComparisons(compareWithFacts(real, amended));
    expect(text).toMatch(/DISAGREE  cash_and_cash_equivalents at 2026-06-30: SEC 5624 USD m \(10-Q 0001769628-26-000366\), dataset 5524/);
    expect(text.split("\n").at(-1)).toBe("7 agree, 1 disagree, 0 missing from the dataset");
  });

  it("adds what the dataset lacks as filing rows citing their accession numbers, and nothing else", () => {
    const lacking = without(/,2026-06-30,total_assets,|2026-04-01,2026-06-30,interest_expense_on_debt,/);
    const missing = compareWithFacts(lacking, fixture).filter((c) => c.kind === "missing").map((c) => c.fact.item).sort();
    expect(missing).toEqual(["interest_expense_on_debt", "total_assets"]);
    const {files, added} = addMissingFacts(lacking, fixture, {grade: "filing"});
    expect(added).toBe(2);
    const company = validateCompany(files);
    const assets = company.figures.filter((f) => f.value.line_item === "total_assets" && f.value.period_end === "2026-06-30");
    expect(assets.map((f) => [f.value.value, f.grade])).toContainEqual([77070000000, "filing"]);
    expect(compareWithFacts(files, fixture).every((c) => c.kind === "agree")).toBe(true);
  });
});

describe("npm run data:refresh", () => {
  it("prints per figure where the dataset and the filings agree, and a count", () => {
    const result = run(["coreweave", "--file", fixturePath]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/agree     revenue 2026-04-01 to 2026-06-30: SEC 2575 USD m/);
    expect(result.stdout.trim().split("\n").at(-1)).toBe("8 agree, 0 disagree, 0 missing from the dataset");
  });

  it("with --write adds the missing facts to the raw files, which the loaders then read", () => {
    const root = mkdtempSync(join(tmpdir(), "refresh-"));
    cpSync(join(RAW_ROOT, "coreweave"), join(root, "coreweave"), {recursive: true});
    const statements = join(root, "coreweave", "statements.csv");
    writeFileSync(statements, without(/,2026-06-30,total_assets,/)["statements.csv"]);
    const result = run(["coreweave", "--file", fixturePath, "--root", root, "--write"]);
    expect(result.stdout).toMatch(/wrote 1 figures/);
    expect(readFileSync(statements, "utf8")).toMatch(/,2026-06-30,total_assets,77070000000,USD,sec-0001769628-26-000366,"?XBRL us-gaap:Assets/);
  });

  it("without a network says so in one line and changes nothing", () => {
    const root = mkdtempSync(join(tmpdir(), "refresh-"));
    cpSync(join(RAW_ROOT, "coreweave"), join(root, "coreweave"), {recursive: true});
    const before = readFileSync(join(root, "coreweave", "statements.csv"), "utf8");
    const result = run(["coreweave", "--root", root, "--write"], {SEC_COMPANYFACTS_BASE: "http://127.0.0.1:9/"});
    expect(result.status).toBe(3);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toMatch(/^no network: could not download http:\/\/127\.0\.0\.1:9\/CIK0001769628\.json .*nothing was changed/);
    expect(readFileSync(join(root, "coreweave", "statements.csv"), "utf8")).toBe(before);
  });

  it("refuses a company it has no CIK for", () => {
    expect(run(["nowhere"]).status).toBe(2);
  });
});
