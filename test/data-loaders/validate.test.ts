import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {RawDataError, type RawDataIssue} from "../../data-loaders/errors.js";
import {RAW_ROOT} from "../../data-loaders/read.js";
import {RAW_FILE_NAMES, validateCompany, type RawFiles} from "../../data-loaders/validate.js";

const real = Object.fromEntries(RAW_FILE_NAMES.map((name) => [name, readFileSync(join(RAW_ROOT, "coreweave", name), "utf8")])) as unknown as RawFiles;

/** The real files with one file's text changed. */
function withFile(name: keyof RawFiles, change: (text: string) => string): RawFiles {
  return {...real, [name]: change(real[name])};
}
const replaceLine = (index: number, line: string) => (text: string) => text.split("\n").map((l, i) => (i === index ? line : l)).join("\n");
const appendLine = (line: string) => (text: string) => `${text.trimEnd()}\n${line}\n`;
/** The data row of a source in the real sources.csv. */
const t_row = (id: string) => real["sources.csv"].split("\n").findIndex((l) => l.startsWith(`${id},`));

function issuesOf(files: RawFiles): RawDataIssue[] {
  try {
    validateCompany(files);
  } catch (error) {
    expect(error).toBeInstanceOf(RawDataError);
    return [...(error as RawDataError).issues];
  }
  throw new Error("expected a RawDataError, but the files passed");
}

describe("the real CoreWeave raw data", () => {
  it("passes every rule", () => {
    const company = validateCompany(real);
    expect(company.statements.length).toBeGreaterThan(20);
    expect(company.facilities.length).toBeGreaterThan(5);
    expect(company.commitments.length).toBeGreaterThan(0);
  });
});

describe("bad raw input stops the build, naming file, row and field", () => {
  const S = "statements.csv", F = "debt_facilities.csv", P = "principal_payments.csv", SRC = "sources.csv", FACTS = "facts.csv", D = "debt_discounts.csv", I = "debt_issuances.csv", C = "facility_commitments.csv";
  // The row number a line appended to the real file gets (rows count from 1, after the header).
  const appendedRow = (name: keyof RawFiles) => real[name].trimEnd().split("\n").length;
  const cases: Array<[string, RawFiles, string, number, string, RegExp]> = [
    ["an unknown source", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue,1364676,USD thousands,pr-2099q9,highlights")), S, 1, "source_id", /not in sources\.csv/],
    ["a missing source", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue,1364676,USD thousands,,highlights")), S, 1, "source_id", /missing|too small|>=1/i],
    ["a non-numeric value", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue,1.36 billion,USD thousands,pr-2025q3,highlights")), S, 1, "value", /not a number/],
    ["a value with thousands separators", withFile(S, replaceLine(1, '2025-07-01,2025-09-30,revenue,"1,364,676",USD thousands,pr-2025q3,highlights')), S, 1, "value", /without thousands separators/],
    ["a unit that does not measure the line item", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue,1364676,percent,pr-2025q3,highlights")), S, 1, "unit", /does not measure revenue/],
    ["an unknown unit", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue,1364676,EUR thousands,pr-2025q3,highlights")), S, 1, "unit", /must be one of/],
    ["a duplicate row", withFile(S, appendLine("2025-07-01,2025-09-30,revenue,1364676,USD thousands,pr-2025q3,highlights again")), S, appendedRow(S), "line_item", /duplicates row 1/],
    ["a period that ends before it starts", withFile(S, replaceLine(1, "2025-09-30,2025-07-01,revenue,1364676,USD thousands,pr-2025q3,highlights")), S, 1, "period_end", /before the period starts/],
    ["a period that is not a quarter, half, nine months or year", withFile(S, replaceLine(1, "2025-07-01,2025-08-31,revenue,1364676,USD thousands,pr-2025q3,highlights")), S, 1, "period_end", /not a quarter/],
    ["a date that does not exist", withFile(S, replaceLine(1, "2025-07-01,2025-09-31,revenue,1364676,USD thousands,pr-2025q3,highlights")), S, 1, "period_end", /not a real date/],
    ["an unknown line item", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,vibes,1,USD thousands,pr-2025q3,highlights")), S, 1, "line_item", /not a known line item/],
    ["quarters that do not add up to the half year", withFile(S, appendLine("2025-01-01,2025-03-31,contractual_interest_expense,230000,USD thousands,10q-2025q2-debt,made-up Q1")), S, 31, "value", /quarters add up to/],
    ["an unknown column", withFile(S, (t) => t.replace("locator\n", "locator,notes\n").replace(/\n(2025-07-01,2025-09-30,revenue[^\n]*)/, "\n$1,x")), S, 0, "notes", /not a known column/],
    ["a missing column", withFile(P, (t) => t.split("\n").map((l) => l.split(",").slice(0, 5).join(",")).join("\n")), P, 0, "locator", /required column/],
    ["a row with too few cells", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue")), S, 1, "(row)", /has 3 cells/],
    ["a facility that matures before it starts", withFile(F, (t) => t.split("\n").map((l, i) => (l === "" ? l : `${l},${i === 0 ? "issued" : i === 1 ? "2029-01-15" : ""}`)).join("\n")), F, 1, "maturity", /matures \(2028-03\) before it starts/],
    ["a facility outstanding after it matured", withFile(F, (t) => t.replace("2025-06-30,2024 Term Loan Facility,April 2025,12%,0,", "2025-06-30,2024 Term Loan Facility,April 2025,12%,5,")), F, 4, "maturity", /has matured/],
    ["a maturity that is not a month", withFile(F, (t) => t.replace("2025-06-30,DDTL 1.0 Facility,March 2028", "2025-06-30,DDTL 1.0 Facility,soon")), F, 1, "maturity", /not a month/],
    ["a negative principal", withFile(F, (t) => t.replace("March 2028,15%,1782500", "March 2028,15%,-1782500")), F, 1, "principal", /negative/],
    ["a maturity schedule that misses the facilities' principal", withFile(P, (t) => t.replace(",2026,4218457,", ",2026,4218000,")), P, 1, "amount", /adds up to/],
    ["an issuance that matures before it is issued", withFile(I, replaceLine(1, "2025-07-25,2031 Senior Notes,1750000,USD thousands,9.000%,2024-02-01,8k-2025-07-25,Item 1.01")), I, 1, "maturity", /before it is issued/],
    ["an issuance whose coupon is a range", withFile(I, replaceLine(1, "2025-07-25,2031 Senior Notes,1750000,USD thousands,9-10%,2031-02-01,8k-2025-07-25,Item 1.01")), I, 1, "coupon", /one fixed rate/],
    ["an issuance of nothing", withFile(I, replaceLine(1, "2025-07-25,2031 Senior Notes,0,USD thousands,9.000%,2031-02-01,8k-2025-07-25,Item 1.01")), I, 1, "principal", /more than zero/],
    ["a source listed twice", withFile(SRC, (t) => `${t.trimEnd()}\n${t.split("\n")[1]}\n`), SRC, appendedRow(SRC), "source_id", /listed twice/],
    ["a fact of an unknown subject", withFile(FACTS, (t) => t.replace("largest_customer_revenue_share,62", "vibes,62")), FACTS, 1, "subject", /not a known subject/],
    ["a flag that is neither 0 nor 1", withFile(FACTS, (t) => t.replace("largest_customer_is_microsoft,1,flag", "largest_customer_is_microsoft,2,flag")), FACTS, 3, "value", /a flag is 1 or 0/],
    ["a fact citing an unknown source", withFile(FACTS, (t) => t.replace("magnetar_loan_principal,256630,USD thousands,2025-06-30,10q-2025q2-debt", "magnetar_loan_principal,256630,USD thousands,2025-06-30,nowhere")), FACTS, 12, "source_id", /not in sources.csv/],
    ["a fact id used twice", withFile(FACTS, (t) => `${t.trimEnd()}\n${t.split("\n")[1]}\n`), FACTS, appendedRow(FACTS), "fact_id", /used by row 1/],
    ["a source address that is not http(s)", withFile(SRC, (t) => t.replace("https://www.stocktitan.net", "javascript:alert(1)//www.stocktitan.net")), SRC, 1, "url", /http\(s\)|address/],
    ["a source of an unknown grade", withFile(SRC, (t) => t.replace("pr-2025q3,press-release", "pr-2025q3,rumour")), SRC, 1, "grade", /must be one of/],
    ["an accession number that is not one", withFile(SRC, (t) => t.replace("10q-2025q3,filing,0001769628-25-000062", "10q-2025q3,filing,25-000062")), SRC, t_row("10q-2025q3"), "accession", /not an accession number/],
    ["a balance given a period", withFile(S, appendLine("2026-04-01,2026-06-30,cash_and_cash_equivalents,5524,USD millions,pr-2025q3,made up")), S, appendedRow(S), "period_start", /balance at a date/],
    ["a flow given no period", withFile(S, appendLine(",2026-06-30,revenue,2575,USD millions,pr-2025q3,made up")), S, appendedRow(S), "period_start", /covers a period/],
    ["a discount at a date no debt table lists", withFile(D, (t) => t.replace("2025-06-30,119984", "2025-09-30,119984")), D, 1, "as_of", /no facilities are listed at 2025-09-30/],
    ["a discount printed negative", withFile(D, (t) => t.replace("2025-06-30,119984", "2025-06-30,-119984")), D, 1, "amount", /must not be negative/],
    ["a discount as large as the debt", withFile(D, (t) => t.replace("2025-06-30,119984,USD thousands", "2025-06-30,11171485,USD thousands")), D, 1, "amount", /not less than the facilities' principal/],
    ["a discount given twice for a date", withFile(D, (t) => `${t.trimEnd()}\n${t.split("\n")[1]}\n`), D, appendedRow(D), "as_of", /duplicates row 1/],
    ["a commitment for a facility no debt table lists at its date", withFile(C, replaceLine(1, "2026-06-30,DDTL 9.0,8500,USD millions,2027-06,h3-crwv-workbook-script,made up")), C, 1, "facility", /not listed at 2026-06-30/],
    ["a commitment below what is drawn", withFile(C, replaceLine(1, "2026-06-30,DDTL 4.0 (non-recourse),2000,USD millions,2027-06,h3-crwv-workbook-script,made up")), C, 1, "commitment", /less than the 2837 drawn/],
    ["a draw window closed by the table's date", withFile(C, replaceLine(1, "2026-06-30,DDTL 4.0 (non-recourse),8500,USD millions,2026-06,h3-crwv-workbook-script,made up")), C, 1, "draws_until", /has closed by 2026-06-30/],
    ["a draw window that is not a month", withFile(C, replaceLine(1, "2026-06-30,DDTL 4.0 (non-recourse),8500,USD millions,June 2027,h3-crwv-workbook-script,made up")), C, 1, "draws_until", /YYYY-MM/],
    ["a commitment citing an unknown source", withFile(C, replaceLine(1, "2026-06-30,DDTL 4.0 (non-recourse),8500,USD millions,2027-06,nowhere,made up")), C, 1, "source_id", /not in sources\.csv/],
    ["a figure of four hundred digits, which would read as Infinity", withFile(FACTS, (t) => t.replace("largest_customer_revenue_share,62,percent", `largest_customer_revenue_share,${"9".repeat(400)},percent`)), FACTS, 1, "value", /too large to be a figure/],
    // Text a spreadsheet would run, where only words belong (the downloads neutralise it too).
    ["a title that is a formula", withFile(SRC, (t) => t.replace("CoreWeave Reports Strong Third Quarter 2025 Results (press release)", '"=HYPERLINK(""http://example.com"",""x"")"')), SRC, 1, "title", /starts with "=", which a spreadsheet reads as a formula/],
    ["a locator that starts with +", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue,1364676,USD thousands,pr-2025q3,+1+2")), S, 1, "locator", /starts with "\+"/],
    ["a locator that starts with - after spaces", withFile(S, replaceLine(1, "2025-07-01,2025-09-30,revenue,1364676,USD thousands,pr-2025q3,  -1+2")), S, 1, "locator", /starts with "-"/],
    ["a note that starts with @", withFile(FACTS, (t) => t.replace('"Microsoft, per the S-1 as the article reports it"', "@SUM(1;2)")), FACTS, 1, "note", /starts with "@"/],
    ["a facility named like a formula", withFile(F, (t) => t.replace("2025-06-30,DDTL 1.0 Facility,", "2025-06-30,=1+1,")), F, 1, "facility", /starts with "="/]
  ];

  for (const [what, files, file, row, field, message] of cases) {
    it(`refuses ${what}: ${file}, row ${row}, ${field}`, () => {
      const issues = issuesOf(files);
      const match = issues.find((i) => i.file === file && i.row === row && i.field === field);
      expect(match, JSON.stringify(issues, null, 1)).toBeDefined();
      expect(match!.message).toMatch(message);
    });
  }

  it("names the first ten problems and counts the rest, so a file of a million bad rows gives a short message", () => {
    const header = real[S].split("\n")[0];
    const bad = `${header}\n${Array.from({length: 2500}, () => "2025-07-01,2025-09-30,vibes,x,USD,pr-2025q3,locator").join("\n")}\n`;
    const error = (() => { try { validateCompany({...real, [S]: bad}); } catch (e) { return e as RawDataError; } return null; })()!;
    // Each row has two bad fields (line item, value): 5,000 problems, ten of them listed.
    expect(error.issues).toHaveLength(5000);
    expect(error.message.split("\n")).toHaveLength(1 + 10 + 1);
    expect(error.message).toMatch(/^bad raw data \(5000 problems\):/);
    expect(error.message).toMatch(/and 4990 more$/);
    expect(error.oneLine).not.toContain("\n");
    expect(error.oneLine).toMatch(/^bad raw data \(5000 problems\): statements\.csv, row 1 \(line 2\), field "line_item": .*; and 4990 more$/);
  });

  it("counts a header of two million unknown columns as one problem that names the first ten", () => {
    const header = `${real[S].split("\n")[0]},${Array.from({length: 2_000_000}, (_, i) => `c${i}`).join(",")}`;
    const issues = issuesOf({...real, [S]: `${header}\n`});
    const unknown = issues.filter((i) => i.file === S && i.row === 0);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({field: "c0"});
    expect(unknown[0]!.message).toMatch(/^is not a known column, nor are "c1", "c2", .*"c9", and 1999990 more \(expected period_start/);
  });

  it("reports a source refused for its own fields once, not again for every row that cites it", () => {
    const issues = issuesOf(withFile(SRC, (t) => t.replace("CoreWeave Reports Strong Third Quarter 2025 Results (press release)", "=HYPERLINK(1)")));
    expect(issues).toEqual([expect.objectContaining({file: SRC, row: 1, field: "title"})]);
  });

  it("refuses a column given twice", () => {
    const issues = issuesOf(withFile(S, (t) => t.replace("locator\n", "locator,locator\n").replace(/\n([^\n]+)/g, "\n$1,x")));
    expect(issues).toContainEqual({file: S, row: 0, field: "locator", message: "is a column twice"});
  });

  it("says where in words a person can act on", () => {
    const error = (() => { try { validateCompany(cases[2]![1]); } catch (e) { return e as Error; } return null; })();
    expect(error?.message).toContain('statements.csv, row 1 (line 2), field "value"');
  });
});

describe("a figure from two sources", () => {
  it("keeps the filing's over the press release's", () => {
    const files = withFile(S_FILE, appendLine("2025-04-01,2025-06-30,revenue,1212000,USD thousands,10q-2025q2-debt,hypothetical filing row"));
    const company = validateCompany(files);
    const revenue = company.statements.filter((s) => s.value.line_item === "revenue" && s.value.period_start === "2025-04-01");
    expect(revenue.map((s) => s.value.source_id)).toEqual(["10q-2025q2-debt"]);
  });
});

const S_FILE = "statements.csv" as const;

describe("a committed facility's terms", () => {
  const C_FILE = "facility_commitments.csv" as const;
  const judged = (files: RawFiles) => validateCompany(files).commitments.find((c) => c.facility === "DDTL 4.0 (non-recourse)")!;

  it("are confirmed when a source of another origin states the same commitment, the window when two do", () => {
    // Three stored texts state 8,500 for DDTL 4.0 at 2026-06-30; two of them the window to 2027-06.
    expect(judged(real)).toMatchObject({commitment: 8500, draws_until: "2027-06", status: "confirmed"});
  });

  it("stay out of the base case from one source alone, and leave out a window only one source gives", () => {
    const lines = real[C_FILE].trimEnd().split("\n");
    expect(judged({...real, [C_FILE]: `${lines[0]}\n${lines[1]}\n`})).toMatchObject({status: "unconfirmed"});
    // The workbook script and the claims script agree on 8,500; only the first gives a window.
    expect(judged({...real, [C_FILE]: `${lines[0]}\n${lines[1]}\n${lines[2]}\n`})).toMatchObject({status: "confirmed", draws_until: null});
  });

  it("are not confirmed by sources that disagree on the window", () => {
    const files = withFile(C_FILE, (t) => t.replace(/,2027-06,h2-xref-q1-2026,/, ",2027-03,h2-xref-q1-2026,"));
    expect(judged(files)).toMatchObject({status: "unconfirmed"});
    expect(judged(files).reason).toMatch(/different draw windows/);
  });
});
