import {execFileSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {companyFactsToRaw} from "../../data-loaders/companyfacts.js";
import {validateCompany} from "../../data-loaders/validate.js";

const fixturePath = new URL("../fixtures/companyfacts-coreweave.json", import.meta.url);
const fixture = JSON.parse(readFileSync(fixturePath, "utf8"));

describe("SEC companyfacts into raw CSVs", () => {
  const files = companyFactsToRaw(fixture);
  const company = validateCompany(files);

  it("writes files the loaders accept", () => {
    expect(company.statements).toHaveLength(6);
  });

  it("keeps each figure as reported, in USD, under our line item", () => {
    const revenue = company.statements.find((s) => s.value.line_item === "revenue" && s.value.period_start === "2025-07-01")!.value;
    expect(revenue).toMatchObject({period_end: "2025-09-30", value: 1364676000, unit: "USD"});
    expect(revenue.locator).toContain("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax");
  });

  it("cites each fact's filing by its accession number, with the filing's address", () => {
    expect(company.sources).toEqual([{
      source_id: "sec-0001769628-25-000062",
      grade: "filing",
      accession: "0001769628-25-000062",
      title: "CoreWeave, Inc. Form 10-Q filed 2025-11-13 (accession 0001769628-25-000062), XBRL facts",
      url: "https://www.sec.gov/Archives/edgar/data/1769628/000176962825000062/",
      published: "2025-11-13"
    }]);
    expect(new Set(company.statements.map((s) => s.value.source_id))).toEqual(new Set(["sec-0001769628-25-000062"]));
  });

  it("skips concepts it does not map, units other than USD, and instants", () => {
    const withInstant = structuredClone(fixture);
    const {start: _, ...instant} = withInstant.facts["us-gaap"].NetIncomeLoss.units.USD[0];
    withInstant.facts["us-gaap"].NetIncomeLoss.units.USD.push({...instant, end: "2025-06-30"});
    expect(validateCompany(companyFactsToRaw(withInstant)).statements).toHaveLength(6);
    expect(files["debt_facilities.csv"].trim().split("\n")).toHaveLength(1); // a header, no rows
  });

  it("agrees with the CoreWeave dataset's own figure for the same quarter", () => {
    const ours = readFileSync(new URL("../../data-loaders/raw/coreweave/statements.csv", import.meta.url), "utf8");
    expect(ours).toContain("2025-07-01,2025-09-30,revenue,1364676,USD thousands");
  });

  it("keeps the most precise report of a period, and of equally precise ones the latest filing's", () => {
    const again = structuredClone(fixture);
    const revenue = again.facts["us-gaap"].RevenueFromContractWithCustomerExcludingAssessedTax.units.USD;
    // Made-up later filings: one repeats the quarter rounded to the million (it says less), one restates it to the thousand.
    revenue.push({...revenue[0], val: 1365000000, accn: "0001769628-26-000001", filed: "2026-02-26", form: "10-K", fp: "FY"});
    const rounded = validateCompany(companyFactsToRaw(again)).statements.find((s) => s.value.line_item === "revenue" && s.value.period_start === "2025-07-01")!.value;
    expect(rounded).toMatchObject({value: 1364676000, source_id: "sec-0001769628-25-000062"});
    revenue.push({...revenue[0], val: 1364601000, accn: "0001769628-26-000002", filed: "2026-03-02", form: "10-K", fp: "FY"});
    const restated = validateCompany(companyFactsToRaw(again)).statements.find((s) => s.value.line_item === "revenue" && s.value.period_start === "2025-07-01")!.value;
    expect(restated).toMatchObject({value: 1364601000, source_id: "sec-0001769628-26-000002"});
  });

  it("refuses a file that is not in the companyfacts format", () => {
    expect(() => companyFactsToRaw({cik: "x", facts: {}})).toThrow();
    const badAccession = structuredClone(fixture);
    badAccession.facts["us-gaap"].NetIncomeLoss.units.USD[0].accn = "<script>";
    expect(() => companyFactsToRaw(badAccession)).toThrow(/accession number/);
  });
});

describe("the companyfacts command", () => {
  it("writes the eight raw files for a company, and the loaders read them", () => {
    const out = mkdtempSync(join(tmpdir(), "companyfacts-"));
    const output = execFileSync(process.execPath, ["--import", "tsx", "cli/companyfacts.ts", fixturePath.pathname, "coreweave-sec", "--out", out], {encoding: "utf8"});
    expect(output).toMatch(/wrote 8 files .* 6 reported figures/);
    expect(readdirSync(join(out, "coreweave-sec")).sort()).toEqual(["debt_discounts.csv", "debt_facilities.csv", "debt_issuances.csv", "facility_commitments.csv", "facts.csv", "principal_payments.csv", "sources.csv", "statements.csv"]);
  });

  it("fails with a message and a non-zero exit on a bad company name, writing nothing", () => {
    const out = mkdtempSync(join(tmpdir(), "companyfacts-"));
    expect(() => execFileSync(process.execPath, ["--import", "tsx", "cli/companyfacts.ts", fixturePath.pathname, "../evil", "--out", out], {encoding: "utf8", stdio: "pipe"})).toThrow(/usage/);
    expect(readdirSync(out)).toEqual([]);
  });
});
