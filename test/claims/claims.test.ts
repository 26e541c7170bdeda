import {describe, expect, it} from "vitest";
import {companyTables} from "../../data-loaders/dataset.js";
import {checkClaims, withVerdictsBefore, type ClaimFact, type ClaimsData, type ClaimStatement, type Verdict} from "../../src/claims/claims.js";
import {claimsData} from "../../src/claims/data.js";

/**
 * Each verdict is a function of the data: on the real dataset it is what the figures say,
 * and changing the figures that decide it changes it.
 */
const real = claimsData(companyTables(), null);
const verdictOf = (data: ClaimsData, id: number): Verdict => checkClaims(data).find((c) => c.id === id)!.verdict;
const check = (data: ClaimsData, id: number) => checkClaims(data).find((c) => c.id === id)!;

const statement = (line_item: string, value: number, period_start: string, period_end: string, source = "made-up"): ClaimStatement =>
  ({line_item, value, period_start, period_end, period: `${period_start}…${period_end}`, source, locator: "made up for a test"});
const fact = (subject: string, value: number, unit = "flag", period = "2025", claim = 1): ClaimFact =>
  ({fact_id: `${subject}-${value}`, claim, subject, value, unit, period, source_id: "made-up", locator: "made up for a test"});
const withFacts = (data: ClaimsData, subjects: string[], facts: ClaimFact[]): ClaimsData =>
  ({...data, facts: [...data.facts.filter((f) => !subjects.includes(f.subject)), ...facts]});
const withStatements = (data: ClaimsData, rows: ClaimStatement[]): ClaimsData => ({...data, statements: [...data.statements, ...rows]});
const madeUpSource = {source_id: "made-up", kind: "filing" as const, title: "made up", url: "https://example.org/"};
const none: ClaimsData = {statements: [], facts: [], sources: [madeUpSource], model: null};

describe("every claim", () => {
  it("has a verdict, an explanation, and cites every figure it used with its source", () => {
    const claims = checkClaims(real);
    expect(claims.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const c of claims) {
      expect(c.explanation.length).toBeGreaterThan(40);
      for (const e of c.evidence) {
        expect(e.kind).not.toBe("unknown");
        // A derived quarter cites its parts in its locator; every other figure its source's address.
        if (e.kind === "derived") expect(e.locator).toMatch(/ less /);
        else expect(e.url).toMatch(/^(https?:\/\/|stored:\d+$)/);
      }
      if (c.verdict !== "undecided") expect(c.evidence.length).toBeGreaterThan(0);
    }
  });

  it("is undecided, naming what is missing, on an empty dataset", () => {
    for (const c of checkClaims(none)) {
      expect(c.verdict).toBe("undecided");
      expect(c.missing.length).toBeGreaterThan(0);
    }
  });

  it("says when it rests on articles' reports rather than on filings", () => {
    const claims = checkClaims(real);
    expect(claims.find((c) => c.id === 4)!.restsOnArticles).toBe(true);
    expect(claims.find((c) => c.id === 7)!.restsOnArticles).toBe(false);
  });
});

describe("1. borrows to pay interest (reported cash flows)", () => {
  const quarters = real.statements.filter((s) => s.line_item === "operating_cash_flow" && /Q\d$/.test(s.period)).sort((a, b) => a.period_end.localeCompare(b.period_end)).slice(-4);
  it("is decided on the cash-flow statement's last four quarters, each named with its operating cash flow", () => {
    expect(quarters).toHaveLength(4);
    const expected = quarters.every((q) => q.value >= 0) ? "not supported" : quarters.every((q) => q.value < 0) ? "supported" : "partly";
    expect(verdictOf(real, 1)).toBe(expected);
    for (const q of quarters) expect(check(real, 1).explanation).toContain(q.period);
  });
  it("reads operating cash flow as US GAAP reports it, after interest: one short quarter makes it partly, all short supported", () => {
    const period = (start: string, end: string, value: number) => statement("operating_cash_flow", value, start, end);
    const later = [["2027-01-01", "2027-03-31"], ["2027-04-01", "2027-06-30"], ["2027-07-01", "2027-09-30"], ["2027-10-01", "2027-12-31"]] as const;
    const oneShort = withStatements(real, later.map(([a, b], i) => period(a, b, i === 2 ? -30 : 50)));
    expect(verdictOf(oneShort, 1)).toBe("partly");
    expect(check(oneShort, 1).explanation).toMatch(/negative in 2027-07-01…2027-09-30/);
    expect(verdictOf(withStatements(real, later.map(([a, b]) => period(a, b, -5))), 1)).toBe("supported");
    expect(verdictOf(withStatements(real, later.map(([a, b]) => period(a, b, 5))), 1)).toBe("not supported");
  });
  it("is undecided without any quarter's operating cash flow", () => {
    const without = {...real, statements: real.statements.filter((s) => s.line_item !== "operating_cash_flow")};
    expect(verdictOf(without, 1)).toBe("undecided");
    expect(check(without, 1).missing.join()).toMatch(/operating cash flow/);
  });
  it("says when the 2026 filings changed a verdict", () => {
    const claims = withVerdictsBefore(real, "2025-09-30");
    const before = checkClaims({...real, statements: real.statements.filter((s) => s.period_end <= "2025-09-30")});
    for (const c of claims) {
      const b = before.find((x) => x.id === c.id)!;
      expect(c.changedFrom ?? null).toEqual(b.verdict === c.verdict ? null : {verdict: b.verdict, asOf: "2025-09-30"});
    }
  });
});

describe("2. interest exceeds revenue", () => {
  it("is not supported on the real data: interest is a fraction of revenue in the latest quarter", () => {
    const last = real.statements.filter((s) => s.line_item === "interest_expense_net" && /Q\d$/.test(s.period)).sort((a, b) => a.period_end.localeCompare(b.period_end)).at(-1)!;
    const revenue = real.statements.find((s) => s.line_item === "revenue" && s.period === last.period)!;
    expect(verdictOf(real, 2)).toBe("not supported");
    expect(check(real, 2).explanation).toContain(`${((100 * last.value) / revenue.value).toFixed(0)} % of revenue`);
  });
  it("is supported when a later quarter's interest exceeds its revenue by more than a tenth", () => {
    const flipped = withStatements(real, [statement("revenue", 100, "2027-01-01", "2027-03-31"), statement("interest_expense_net", 130, "2027-01-01", "2027-03-31")]);
    expect(verdictOf(flipped, 2)).toBe("supported");
  });
});

describe("3. pays off loans with more loans", () => {
  it("is measured on the real data's cash flows, not only on a filing's stated use of proceeds", () => {
    expect(["supported", "not supported"]).toContain(verdictOf(real, 3));
    const withoutFlows = {...real, statements: real.statements.filter((s) => s.line_item !== "repayments_of_debt")};
    expect(verdictOf(withoutFlows, 3)).toBe("partly");
  });
  it("is measured when the cash flows are there", () => {
    const period = (ocf: number) => [
      statement("proceeds_from_debt", 1000, "2027-01-01", "2027-03-31"), statement("repayments_of_debt", 400, "2027-01-01", "2027-03-31"),
      statement("operating_cash_flow", ocf, "2027-01-01", "2027-03-31"), statement("interest_paid", 100, "2027-01-01", "2027-03-31")
    ];
    // Operating cash flow is after interest paid: 300 left is less than the 400 repaid, 450 is more.
    expect(verdictOf(withStatements(real, period(300)), 3)).toBe("supported");
    expect(verdictOf(withStatements(real, period(450)), 3)).toBe("not supported");
  });
});

describe("4. two customers", () => {
  it("is partly on the real data: the latest filing's two largest customers are most of revenue, the second is not named", () => {
    const latest = real.statements.filter((s) => s.line_item === "top_two_customers_revenue_share").sort((a, b) => a.period_end.localeCompare(b.period_end)).at(-1)!;
    expect(verdictOf(real, 4)).toBe("partly");
    expect(check(real, 4).explanation).toContain(`${latest.value} % of revenue in ${latest.period}`);
  });
  it("is supported when a filing names NVIDIA as the second and the two are three quarters of revenue", () => {
    const named = withFacts(real, [], [fact("second_customer_is_nvidia", 1, "flag", "FY2024", 4)]);
    // On the real shares (the latest two largest are under three quarters) it stays partly; at 80 % it is supported.
    expect(verdictOf(named, 4)).toBe("partly");
    expect(verdictOf(withStatements(named, [{...statement("top_two_customers_revenue_share", 80, "2027-01-01", "2027-03-31"), period: "2027Q1"}]), 4)).toBe("supported");
  });
  it("is not supported when the two largest are under half of revenue", () => {
    const spread = withStatements(real, [{...statement("top_two_customers_revenue_share", 40, "2027-01-01", "2027-03-31"), period: "2027Q1"}]);
    expect(verdictOf(spread, 4)).toBe("not supported");
    expect(check(spread, 4).explanation).toMatch(/40 % of revenue in 2027Q1/);
  });
});

describe("5. has defaulted", () => {
  it("is partly on the real data: technical defaults, waived, no payment missed", () => {
    expect(verdictOf(real, 5)).toBe("partly");
  });
  it("is supported with a missed payment, and not supported with no default of either kind", () => {
    expect(verdictOf(withFacts(real, ["payment_default"], [fact("payment_default", 1, "flag", "2026", 5)]), 5)).toBe("supported");
    expect(verdictOf(withFacts(real, ["payment_default", "technical_default_waived"], [fact("payment_default", 0, "flag", "2026", 5), fact("technical_default_waived", 0, "flag", "2026", 5)]), 5)).toBe("not supported");
  });
});

describe("6. power from a bitcoin miner whose only customer it is", () => {
  it("is partly on the real data: Core Scientific mines bitcoin, but hosts other customers too", () => {
    expect(verdictOf(real, 6)).toBe("partly");
  });
  const subjects = ["core_scientific_total_revenue", "core_scientific_self_mining_revenue", "core_scientific_hosted_mining_revenue", "core_scientific_colocation_revenue"];
  const revenue = (self: number, hosted: number, colocation: number) => withFacts(real, subjects, [
    fact("core_scientific_total_revenue", self + hosted + colocation, "USD millions", "2026Q1", 6), fact("core_scientific_self_mining_revenue", self, "USD millions", "2026Q1", 6),
    fact("core_scientific_hosted_mining_revenue", hosted, "USD millions", "2026Q1", 6), fact("core_scientific_colocation_revenue", colocation, "USD millions", "2026Q1", 6)
  ]);
  it("is supported when the miner hosts no one else's miners", () => {
    expect(verdictOf(revenue(60, 0, 20), 6)).toBe("supported");
  });
  it("is not supported when Core Scientific no longer mainly mines bitcoin", () => {
    expect(verdictOf(revenue(10, 0, 90), 6)).toBe("not supported");
  });
});

describe("7. borrowed from Magnetar", () => {
  it("is supported on the real data, from the filings' debt and related-party notes", () => {
    expect(verdictOf(real, 7)).toBe("supported");
    expect(check(real, 7).explanation).toMatch(/delayed-draw loans held by funds Magnetar manages \(USD 363 m, 2025-09-30\)/);
  });
  it("is not supported when the facts record no such debt", () => {
    const subjects = ["magnetar_loan_principal", "magnetar_notes_issued", "magnetar_ddtl_principal"];
    expect(verdictOf(withFacts(real, subjects, [fact("magnetar_loan_principal", 0, "USD thousands", "2026-03-31", 7)]), 7)).toBe("not supported");
    // Any one kind of debt from Magnetar is enough.
    expect(verdictOf(withFacts(real, subjects, [fact("magnetar_ddtl_principal", 5000, "USD thousands", "2026-03-31", 7)]), 7)).toBe("supported");
  });
});

describe("8. insider sales", () => {
  it("is supported on the real data: large sales before and after the IPO", () => {
    expect(verdictOf(real, 8)).toBe("supported");
  });
  it("is partly when only one side is large", () => {
    expect(verdictOf(withFacts(real, ["insider_sales_after_ipo"], [fact("insider_sales_after_ipo", 20, "USD millions", "2026", 8)]), 8)).toBe("partly");
  });
});

describe("9. special purpose vehicles", () => {
  it("is supported on the real data: the delayed-draw facilities are borrowed by subsidiaries", () => {
    expect(verdictOf(real, 9)).toBe("supported");
  });
  it("is not supported when every facility recorded is borrowed by the parent", () => {
    expect(verdictOf(withFacts(real, ["facility_borrower_is_subsidiary"], [fact("facility_borrower_is_subsidiary", 0, "flag", "2026", 9)]), 9)).toBe("not supported");
  });
});

describe("npm run claims", () => {
  it("prints the same verdicts in the terminal, as text and as JSON", async () => {
    const {spawnSync} = await import("node:child_process");
    const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "cli/claims.ts", ...args], {encoding: "utf8"});
    const {checkedClaims} = await import("../../cli/claims-data.js");
    const expected = checkedClaims();
    const json = run(["--format", "json"]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).map((c: {verdict: string}) => c.verdict)).toEqual(expected.map((c) => c.verdict));
    const text = run([]).stdout;
    for (const c of expected) expect(text).toContain(`${c.id}. ${c.claim}\n   Verdict: ${c.verdict.toUpperCase()}`);
  });
});
