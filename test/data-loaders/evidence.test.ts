import {describe, expect, it} from "vitest";
import {deriveQuarters} from "../../data-loaders/derive.js";
import {RawDataError} from "../../data-loaders/errors.js";
import {origin, roundingStep} from "../../data-loaders/evidence.js";
import {validateCompany, type RawFiles} from "../../data-loaders/validate.js";

/**
 * How sure the dataset is of a figure: filings stand, extractions need a second source or
 * an identity, wrong columns are caught, and sources that disagree stop the build.
 */
const SOURCES = `source_id,grade,accession,title,url,published
tenq,filing,0001769628-26-000366,10-Q,https://www.sec.gov/Archives/edgar/data/1769628/000176962826000366/,2026-08-12
repo-a,extraction,,notes in repository A,https://github.com/a/notes/blob/abc/x.md,2026-09
repo-a-again,extraction,,another file of repository A,https://github.com/a/notes/blob/abc/y.md,2026-09
repo-b,extraction,,notes in repository B,https://github.com/b/other/blob/def/z.md,2026-09
blog,article,,a blog post,https://example.org/post,2026-09
`;
const HEADER = "period_start,period_end,line_item,value,unit,source_id,locator";
function files(statements: string[], sources = SOURCES): RawFiles {
  return {
    "sources.csv": sources,
    "statements.csv": `${HEADER}\n${statements.join("\n")}\n`,
    "debt_facilities.csv": "as_of,facility,maturity,effective_interest_rate,principal,unit,source_id,locator\n",
    "principal_payments.csv": "as_of,year,amount,unit,source_id,locator\n",
    "debt_discounts.csv": "as_of,amount,unit,source_id,locator\n",
    "debt_issuances.csv": "issued,facility,principal,unit,coupon,maturity,source_id,locator\n",
    "facility_commitments.csv": "as_of,facility,commitment,unit,draws_until,source_id,locator\n",
    "facts.csv": "fact_id,claim,subject,value,unit,period,source_id,locator,note\n"
  };
}
const statusOf = (company: ReturnType<typeof validateCompany>, source: string, item: string) => company.figures.find((f) => f.value.source_id === source && f.value.line_item === item)!;
const issuesOf = (f: RawFiles) => {
  try {
    validateCompany(f);
  } catch (e) {
    return (e as RawDataError).issues.map((i) => i.message);
  }
  return [];
};

describe("a figure's status", () => {
  it("accepts a filing's figure as printed", () => {
    const company = validateCompany(files(["2026-04-01,2026-06-30,revenue,2575,USD millions,tenq,income statement"]));
    expect(statusOf(company, "tenq", "revenue").status).toBe("accepted");
  });

  it("confirms an extraction a filing agrees with within rounding (2.58 billion against 2,575 million), and not one it does not", () => {
    const company = validateCompany(files([
      "2026-04-01,2026-06-30,revenue,2575,USD millions,tenq,income statement",
      "2026-04-01,2026-06-30,revenue,2580,USD millions,repo-a,printed as $2.58B",
      "2026-04-01,2026-06-30,revenue,2800,USD millions,repo-b,a typo"
    ]));
    expect(statusOf(company, "repo-a", "revenue")).toMatchObject({status: "confirmed", reason: expect.stringMatching(/agrees with tenq/)});
    expect(statusOf(company, "repo-b", "revenue")).toMatchObject({status: "contradicted", reason: expect.stringMatching(/disagrees with tenq/)});
    // The table publishes the filing's figure, not the extraction's.
    expect(company.statements.filter((s) => s.value.line_item === "revenue").map((s) => s.value.source_id)).toEqual(["tenq"]);
  });

  it("leaves an extraction no one else gives unconfirmed, out of the published tables", () => {
    const company = validateCompany(files(["2026-04-01,2026-06-30,interest_paid,459,USD millions,repo-a,debt-service section"]));
    expect(statusOf(company, "repo-a", "interest_paid").status).toBe("unconfirmed");
    expect(company.statements).toEqual([]);
  });

  it("does not count two files of one repository as two sources", () => {
    const company = validateCompany(files([
      "2026-04-01,2026-06-30,interest_paid,459,USD millions,repo-a,one file",
      "2026-04-01,2026-06-30,interest_paid,459,USD millions,repo-a-again,the other file"
    ]));
    expect(statusOf(company, "repo-a", "interest_paid").status).toBe("unconfirmed");
    const independent = validateCompany(files([
      "2026-04-01,2026-06-30,interest_paid,459,USD millions,repo-a,one file",
      "2026-04-01,2026-06-30,interest_paid,459,USD millions,repo-b,another repository"
    ]));
    expect(statusOf(independent, "repo-a", "interest_paid").status).toBe("confirmed");
  });

  it("confirms an extraction that closes an identity with settled figures: assets = liabilities + equity", () => {
    const company = validateCompany(files([
      ",2026-06-30,total_assets,77070,USD millions,tenq,balance sheet",
      ",2026-06-30,total_liabilities,72046,USD millions,tenq,balance sheet",
      ",2026-06-30,total_equity,5024,USD millions,repo-a,balance sheet as the notes give it"
    ]));
    expect(statusOf(company, "repo-a", "total_equity")).toMatchObject({status: "confirmed", reason: expect.stringMatching(/closes "total assets = total liabilities \+ equity at 2026-06-30"/)});
  });

  it("confirms a quarter by the year it completes: Q4 = year − three quarters", () => {
    const company = validateCompany(files([
      "2025-01-01,2025-09-30,revenue,3559.096,USD millions,tenq,nine months",
      "2025-01-01,2025-12-31,revenue,5131,USD millions,tenq,year",
      "2025-10-01,2025-12-31,revenue,1572,USD millions,repo-a,Q4 as the notes give it"
    ]));
    expect(statusOf(company, "repo-a", "revenue").status).toBe("confirmed");
  });
});

describe("a wrong extraction is caught", () => {
  // One repository's balance sheet at 2025-12-31: total assets below its own PP&E plus cash.
  const wrongColumn = [
    ",2025-12-31,total_assets,34064,USD millions,repo-a,balance sheet",
    ",2025-12-31,property_and_equipment_net,32557,USD millions,repo-a,balance sheet",
    ",2025-12-31,cash_and_cash_equivalents,2644,USD millions,repo-a,balance sheet"
  ];
  it("by its own identity, with no other source to compare", () => {
    const company = validateCompany(files(wrongColumn));
    for (const item of ["total_assets", "property_and_equipment_net", "cash_and_cash_equivalents"]) {
      expect(statusOf(company, "repo-a", item)).toMatchObject({status: "contradicted", reason: expect.stringMatching(/total assets ≥ PP&E \+ cash/)});
    }
    expect(company.statements).toEqual([]);
  });

  it("and a second copy of it does not rescue it", () => {
    const company = validateCompany(files([...wrongColumn, ",2025-12-31,total_assets,34064,USD millions,repo-b,copied"]));
    expect(statusOf(company, "repo-a", "total_assets").status).toBe("contradicted");
    // A contradicted figure confirms nothing: the copy stays unconfirmed, and nothing is published.
    expect(statusOf(company, "repo-b", "total_assets").status).toBe("unconfirmed");
    expect(company.statements).toEqual([]);
  });
});

describe("sources that disagree stop the build, naming both", () => {
  it("two filings' figures for one line and period", () => {
    const sources = `${SOURCES}tenk,filing,0001769628-26-000104,10-K,https://www.sec.gov/Archives/edgar/data/1769628/000176962826000104/,2026-03-02\n`;
    const messages = issuesOf(files(["2025-01-01,2025-12-31,revenue,5131,USD millions,tenq,comparative", "2025-01-01,2025-12-31,revenue,5231,USD millions,tenk,income statement"], sources));
    expect(messages.join()).toMatch(/two sources disagree on revenue .*tenq.*tenk/);
  });

  it("a filing whose own figures break an identity", () => {
    const messages = issuesOf(files([
      ",2026-06-30,total_assets,77070,USD millions,tenq,balance sheet",
      ",2026-06-30,total_liabilities,70000,USD millions,tenq,balance sheet",
      ",2026-06-30,total_equity,5024,USD millions,tenq,balance sheet"
    ]));
    expect(messages.join()).toMatch(/tenq's figures break "total assets = total liabilities \+ equity at 2026-06-30"/);
  });

  it("holds temporary equity (redeemable stock) between liabilities and equity where a balance sheet prints it", () => {
    expect(issuesOf(files([
      ",2024-12-31,total_assets,17832.599,USD millions,tenq,balance sheet",
      ",2024-12-31,total_liabilities,16524.086,USD millions,tenq,balance sheet",
      ",2024-12-31,temporary_equity,1722.111,USD millions,tenq,redeemable convertible preferred stock",
      ",2024-12-31,total_equity,-413.598,USD millions,tenq,balance sheet"
    ]))).toEqual([]);
  });
});

describe("rounding and independence", () => {
  it("reads a figure to its last printed digit", () => {
    expect(roundingStep(61168, "USD thousands")).toBe(0.001);
    expect(roundingStep(61.2, "USD millions")).toBeCloseTo(0.1, 12);
    expect(roundingStep(61000000, "USD")).toBe(1);
    expect(roundingStep(98800, "USD millions")).toBe(100);
  });
  it("takes a repository, a page or a stored text as one origin", () => {
    expect(origin("https://github.com/A/Notes/blob/abc/x.md")).toBe(origin("https://github.com/a/notes/blob/def/y.md"));
    expect(origin("https://www.example.org/p/")).toBe("example.org/p");
    expect(origin("stored:123")).toBe("stored:123");
  });
});

describe("derived quarters", () => {
  const f = (line_item: string, start: string, end: string, value: number, source = "s") => ({line_item, period_start: start, period_end: end, value, source, citation: `${start}..${end} (${source})`});
  it("Q4 is the year less nine months, citing both", () => {
    const [q4] = deriveQuarters([f("revenue", "2025-01-01", "2025-12-31", 5131, "tenk"), f("revenue", "2025-01-01", "2025-09-30", 3559.096, "tenq")]);
    expect(q4).toMatchObject({period_start: "2025-10-01", period_end: "2025-12-31", value: 1571.904, source: "derived"});
    expect(q4!.citation).toBe("2025-01-01..2025-12-31 (tenk) less 2025-01-01..2025-09-30 (tenq)");
  });
  it("Q2 is six months less three, and Q3 and Q4 follow in turn from the nine months and the year", () => {
    const derived = deriveQuarters([
      f("capex", "2026-01-01", "2026-03-31", 7695), f("capex", "2026-01-01", "2026-06-30", 14117),
      f("capex", "2026-01-01", "2026-09-30", 20000), f("capex", "2026-01-01", "2026-12-31", 27000)
    ]);
    expect(derived.map((d) => [d.period_start, d.value])).toEqual([["2026-04-01", 6422], ["2026-07-01", 5883], ["2026-10-01", 7000]]);
  });
  it("derives nothing that is held, or that two missing quarters leave open", () => {
    expect(deriveQuarters([f("r", "2025-01-01", "2025-06-30", 10), f("r", "2025-01-01", "2025-03-31", 4), f("r", "2025-04-01", "2025-06-30", 6)])).toEqual([]);
    expect(deriveQuarters([f("r", "2025-01-01", "2025-12-31", 10), f("r", "2025-01-01", "2025-06-30", 4)])).toEqual([]);
  });
});

describe("the published quarter", () => {
  it("is the filings' difference over an extraction that gives it, and the extraction's where no filing derives it", async () => {
    const {financialsTable} = await import("../../data-loaders/tidy.js");
    const company = validateCompany(files([
      "2025-01-01,2025-09-30,operating_cash_flow,1499.051,USD millions,tenq,nine months",
      "2025-01-01,2025-12-31,operating_cash_flow,3058,USD millions,tenq,year",
      "2025-10-01,2025-12-31,operating_cash_flow,1559,USD millions,blog,Q4 as the blog prints it",
      "2024-01-01,2024-09-30,operating_cash_flow,2562.436,USD millions,tenq,nine months",
      "2024-01-01,2024-12-31,operating_cash_flow,2749.168,USD millions,repo-a,year",
      "2024-01-01,2024-12-31,operating_cash_flow,2749.2,USD millions,repo-b,year"
    ]));
    const rows = financialsTable("x", company).objects() as Array<{period: string; value: number; status: string; source: string; basis: string}>;
    const q4 = rows.find((r) => r.period === "2025Q4")!;
    expect(q4).toMatchObject({status: "derived", source: "derived", value: 1558.949});
    expect(q4.basis).toMatch(/blog \(article\) gives 1559/);
    expect(rows.find((r) => r.period === "2024Q4")).toMatchObject({status: "derived", value: 186.732});
  });
});
