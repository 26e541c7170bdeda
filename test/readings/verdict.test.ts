import {describe, expect, it} from "vitest";
import type {LedgerQuarter, Projection} from "../../src/model/index.js";
import {capexSentence, interestSentence, missingNote, projectedAnswer, projectionSentence, reportedWindow, verdict, verdictCards, type StatementRow} from "../../src/readings/verdict.js";

// Four reported quarters, USD millions, written so the sums are easy by hand.
const row = (period: string, line_item: string, value: number): StatementRow => ({period, period_end: END[period] ?? "", line_item, value});
const END: Record<string, string> = {"2024Q4": "2024-12-31", "2025Q1": "2025-03-31", "2025Q2": "2025-06-30", "2025Q3": "2025-09-30", "2025Q4": "2025-12-31"};
const QUARTERS = ["2025Q1", "2025Q2", "2025Q3", "2025Q4"];
const each = (line: string, values: number[]) => QUARTERS.map((q, i) => row(q, line, values[i]!));

const reported: StatementRow[] = [
  // An older quarter, outside the window of the latest four.
  row("2024Q4", "revenue", 500), row("2024Q4", "operating_cash_flow", -999),
  ...each("revenue", [1000, 1100, 1200, 1300]),
  // After interest: 100 + 200 + 300 + 400 = 1,000.
  ...each("operating_cash_flow", [100, 200, 300, 400]),
  // 50 × 4 = 200: 1,000 / 200 = 5.0 times.
  ...each("interest_expense_on_debt", [50, 50, 50, 50]),
  // 1,000 × 4 = 4,000: operations could pay 1,000 / 4,000 = 25 %.
  ...each("purchases_of_property_and_equipment", [1000, 1000, 1000, 1000]),
  ...each("proceeds_from_debt", [700, 700, 700, 700]),
  // Year-to-date rows are not quarters and are never summed.
  {period: "9M 2025", period_end: "2025-09-30", line_item: "operating_cash_flow", value: 123456},
  // Principal at the quarter end before the window (2024Q4) and at its last (2025Q4): 8,000 → 10,500.
  row("2024Q4", "total_debt_principal", 8000), row("2025Q4", "total_debt_principal", 10500)
];

describe("the reported window: the latest four quarters with revenue", () => {
  it("sums each cash-flow line over the latest four quarters only, and names the quarters it lacks", () => {
    const w = reportedWindow(reported)!;
    expect(w.quarters).toEqual(QUARTERS);
    expect(w.span).toBe("2025Q1–2025Q4");
    expect(w.operatingCashFlow).toEqual({total: 1000, missing: []});
    expect(w.interest.total).toBe(200);
    expect(w.capex.total).toBe(4000);
    expect(w.debtProceeds.total).toBe(2800);
    // No equity row at all: every quarter lacks it.
    expect(w.equityProceeds).toEqual({total: null, missing: QUARTERS});
    expect(w.debtPrincipal).toEqual({from: {date: "2024-12-31", value: 8000}, to: {date: "2025-12-31", value: 10500}});
  });

  it("is null when no quarter reports revenue", () => {
    expect(reportedWindow([row("2025Q1", "operating_cash_flow", 1)])).toBeNull();
  });
});

describe("the reported sentence follows the figures", () => {
  it("answers 'not so far' with the multiple when operating cash flow after interest is positive in every quarter", () => {
    // 1,000 / 200 = 5.0 times.
    expect(interestSentence(reportedWindow(reported))).toBe(
      "Not so far: over the last four reported quarters (2025Q1–2025Q4) operating cash flow, after the interest paid, came to USD 1,000 m, 5.0 times the USD 200 m of interest on debt; operations paid the interest in every one of those quarters."
    );
  });

  it("answers 'in part' and names the quarter when one quarter's operating cash flow was below zero", () => {
    const mixed = reported.map((r) => (r.period === "2025Q2" && r.line_item === "operating_cash_flow" ? {...r, value: -150} : r));
    // 100 − 150 + 300 + 400 = 650; 650 / 200 = 3.3 times (3.25 to one decimal).
    const text = interestSentence(reportedWindow(mixed));
    expect(text).toMatch(/^In part: .* came to USD 650 m, 3\.3 times the USD 200 m of interest on debt, but it was below zero in 2025Q2, when the interest was paid from other money\.$/);
  });

  it("answers 'yes' when operating cash flow after interest is below zero over the window", () => {
    const short = reported.map((r) => (r.line_item === "operating_cash_flow" && QUARTERS.includes(r.period) ? {...r, value: -10} : r));
    expect(interestSentence(reportedWindow(short))).toMatch(/^Yes: .* came to USD −40 m, so operations did not cover the interest/);
  });

  it("says plainly which figure is missing rather than answering", () => {
    const gap = reported.filter((r) => !(r.line_item === "interest_expense_on_debt" && r.period === "2025Q3"));
    expect(interestSentence(reportedWindow(gap))).toBe(
      "The figures here do not say for the last four reported quarters (2025Q1–2025Q4): the dataset lacks interest on debt for 2025Q3."
    );
    expect(interestSentence(null)).toMatch(/no reported quarter/);
  });

  it("says how capex was paid for: the share operations could pay, new debt, and the change in principal", () => {
    expect(capexSentence(reportedWindow(reported))).toBe(
      "Capex over the same quarters was USD 4,000 m: operating cash flow (USD 1,000 m) could pay 25 % of it, new debt brought in USD 2,800 m and debt principal rose by USD 2,500 m, from USD 8,000 m at 2024-12-31 to USD 10,500 m at 2025-12-31."
    );
    // Equity is absent for every quarter: the note says so, the sentence does not guess it.
    expect(missingNote(reportedWindow(reported))).toBe("Not in the dataset: proceeds from equity for 2025Q1, 2025Q2, 2025Q3 and 2025Q4.");
  });

  it("says capex is unknown when a quarter's capex is missing", () => {
    const gap = reported.filter((r) => !(r.line_item === "purchases_of_property_and_equipment" && r.period === "2025Q4"));
    expect(capexSentence(reportedWindow(gap))).toBe("How capex was paid for is not known here: the dataset lacks capex for 2025Q4.");
  });
});

// A hand-written projection: only the ledger lines the verdict reads.
function projection(quarters: Array<Partial<LedgerQuarter<number>> & {quarter: string}>, ponzi: string[] = []): Projection<number> {
  const zero = {operatingCashFlow: 0, capex: 0, interest: 0, pikInterest: 0, repaid: 0, prepayment: 0, sweepRepayment: 0, newBorrowing: 0, closingCash: 0};
  return {quarters: quarters.map((q) => ({ledger: {...zero, ...q}, regime: ponzi.includes(q.quarter) ? "ponzi" : "hedge"}))} as unknown as Projection<number>;
}

describe("the projection's sentence follows the projection", () => {
  // Q2: uses 3,000 capex + 400 interest + 600 principal = 4,000 against 2,500 of operating
  // cash flow and 1,000 of new borrowing (5,000 in all with Q1's 4,000): cash ends at −500.
  const gapInQ2 = projection([
    {quarter: "2027Q1", operatingCashFlow: 2000, capex: 3000, interest: 400, repaid: 600, newBorrowing: 4000, closingCash: 500},
    {quarter: "2027Q2", operatingCashFlow: 2500, capex: 3000, interest: 400, repaid: 600, newBorrowing: 1000, closingCash: -500},
    {quarter: "2027Q3", operatingCashFlow: 2500, capex: 3000, interest: 400, repaid: 600, closingCash: -2000}
  ]);

  it("names the first quarter with a gap, its size, and its biggest use", () => {
    const a = projectedAnswer(gapInQ2, 5000)!;
    expect(a.firstGap).toMatchObject({quarter: "2027Q2", gap: 500, driver: "capex", newBorrowingToDate: 5000});
    expect(projectionSentence(a, "the base case")).toBe(
      "In the base case, operating cash flow covers the interest in every projected quarter, but the first funding gap comes in 2027Q2 (USD 500 m), driven by capex: USD 3,000 m that quarter against USD 2,500 m of operating cash flow, with the USD 5,000 m of new borrowing it allows used up."
    );
  });

  it("does not say new borrowing is used up when some is left", () => {
    // 5,000 drawn of 20,000 allowed: something else (a cap, a shut market) bound.
    expect(projectionSentence(projectedAnswer(gapInQ2, 20000), "these inputs")).toMatch(/, after USD 5,000 m of new borrowing\.$/);
  });

  it("names debt falling due as the driver when principal is the biggest use", () => {
    const wall = projection([{quarter: "2028Q1", operatingCashFlow: 1000, capex: 100, interest: 200, repaid: 5000, closingCash: -4300}]);
    expect(projectionSentence(projectedAnswer(wall), "these inputs")).toMatch(/driven by debt falling due: USD 5,000 m that quarter against USD 1,000 m of operating cash flow, with no new borrowing drawn\.$/);
  });

  it("says when no quarter has a gap, and counts the Ponzi quarters", () => {
    const fine = projection([{quarter: "2027Q1", closingCash: 10}, {quarter: "2027Q2", closingCash: 20}], ["2027Q2"]);
    expect(projectionSentence(projectedAnswer(fine), "the base case")).toBe(
      "In the base case, operating cash flow falls short of interest in 1 projected quarter (the first 2027Q2): there it borrows to pay interest, and no quarter from 2027Q1 to 2027Q2 has a funding gap."
    );
  });
});

describe("the figure cards", () => {
  it("show each figure with the quarters it covers and a link to its source or definition", () => {
    const cards = verdictCards(reportedWindow(reported), projectedAnswer(projection([{quarter: "2027Q1", capex: 900, closingCash: -100}])), "the base case");
    expect(cards.map((c) => [c.key, c.value, c.covers])).toEqual([
      ["interestCover", "5.0×", "2025Q1–2025Q4, reported"],
      ["capexFromOperations", "25 %", "2025Q1–2025Q4, reported"],
      ["debtAdded", "+2,500", "2024-12-31 to 2025-12-31, reported"],
      ["firstGap", "2027Q1", "2027Q1–2027Q1, projected (the base case)"]
    ]);
    expect(cards.every((c) => c.href.startsWith("./") && c.linkText.length > 0)).toBe(true);
  });

  it("show a dash and say what is missing when a figure is not in the dataset", () => {
    const noInterest = reported.filter((r) => r.line_item !== "interest_expense_on_debt" && r.line_item !== "total_debt_principal");
    const cards = verdictCards(reportedWindow(noInterest), null, "the base case");
    expect(cards[0]).toMatchObject({value: "—", note: "Missing: interest on debt for 2025Q1, 2025Q2, 2025Q3 and 2025Q4"});
    expect(cards[2]).toMatchObject({value: "—"});
    expect(cards[3]).toMatchObject({value: "—", covers: "no projection (the base case)"});
  });

  it("come with the sentences in one reading, the missing figures said beside them", () => {
    const v = verdict(reported, null, {caseName: "the base case"});
    expect(v.sentences).toHaveLength(3);
    expect(v.sentences[2]).toBe("There is no projection for the base case.");
    expect(v.missing).toMatch(/proceeds from equity/);
  });
});
