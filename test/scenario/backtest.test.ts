import {describe, expect, it} from "vitest";
import {backtest, quarterAfter, type FacilityFigure, type FinancialFigure} from "../../src/scenario/backtest.js";
import {companyTables} from "../../data-loaders/dataset.js";

const facility = (over: Partial<FacilityFigure>): FacilityFigure => ({
  as_of: "2025-03-31", facility: "Term loan", maturity_to: "2028-03", effective_rate_low: 0.08, effective_rate_high: 0.08, principal: 1000, ...over
});
const reported = (over: Partial<FinancialFigure>): FinancialFigure => ({period: "2025Q2", line_item: "interest_expense_net", value: 20, source: "test", ...over});

describe("the interest backtest", () => {
  it("projects a quarter from the facilities at the previous quarter end: 1,000 at 8 % → 20", () => {
    expect(backtest([facility({})], [reported({})])).toEqual([{
      quarter: "2025Q2", facilities_as_of: "2025-03-31", projected: 20, reported: 20,
      reported_line_item: "interest_expense_net", reported_source: "test", error_pct: 0, method: "effective rates", error_effective_pct: 0, left_out: [],
      projected_as_reported: null, error_as_reported_pct: null, shares_from: null, issued_during: []
    }]);
  });

  it("counts debt issued during the quarter from its issue date, at its coupon, in both projections", () => {
    // 2025Q2 runs 91 days; notes of 910 at 10 % issued on May 17 are outstanding 45 of them:
    // 910 × 45/91 × 10 %/4 = 11.25, beside the term loan's 20.
    const notes = {issued: "2025-05-17", facility: "Notes", principal: 910, coupon: 0.1};
    const breakdown = [
      reported({period: "2025Q1", line_item: "contractual_interest_expense", value: 18}),
      reported({period: "2025Q1", line_item: "amortization_of_debt_discounts_and_issuance_costs", value: 2}),
      reported({period: "2025Q1", line_item: "capitalized_interest", value: -1.8})
    ];
    const [row] = backtest([facility({})], [reported({value: 31.25}), ...breakdown], [{as_of: "2025-03-31", amount: 40}], [notes]);
    expect(row!.projected).toBeCloseTo(31.25, 9);
    expect(row!.issued_during).toEqual(["Notes: 910 USD m at 10 % from 2025-05-17, 45 of 91 days"]);
    // As booked, the coupon is already cash (not scaled by the 90 %), and 10 % of all interest is capitalised.
    expect(row!.projected_as_reported).toBeCloseTo((18 + 11.25) * 0.9 + 40 / 12, 9);
    // Issued before the table's date (the table lists it) or after the quarter: not counted.
    for (const issued of ["2025-03-20", "2025-07-01"]) {
      expect(backtest([facility({})], [reported({})], [], [{...notes, issued}])[0]!.projected).toBe(20);
    }
  });

  it("books the quarter as the income statement does where the breakdown and the discount are held", () => {
    // 2025Q1: contractual 18 and amortisation 2, so 90 % of an effective rate is cash; 1.8 capitalised, 10 %.
    const breakdown = [
      reported({period: "2025Q1", line_item: "contractual_interest_expense", value: 18}),
      reported({period: "2025Q1", line_item: "amortization_of_debt_discounts_and_issuance_costs", value: 2}),
      reported({period: "2025Q1", line_item: "capitalized_interest", value: -1.8})
    ];
    const [row] = backtest([facility({})], [reported({value: 19.5}), ...breakdown], [{as_of: "2025-03-31", amount: 40}]);
    // Cash 1,000 × 8 % × 0.9 / 4 = 18; the discount over 12 quarters to 2028Q1, 3.33; less 10 % of 18.
    expect(row!.projected_as_reported).toBeCloseTo(18 + 40 / 12 - 1.8, 9);
    expect(row!.shares_from).toBe("2025Q1");
    // A breakdown from after the table's date is not used: it was not known then.
    const later = breakdown.map((b) => ({...b, period: "2025Q2"}));
    expect(backtest([facility({})], [reported({}), ...later], [{as_of: "2025-03-31", amount: 40}])[0]!.projected_as_reported).toBeNull();
  });

  it("takes the midpoint of a stated range: 9–10 % on 1,000 → 23.75, 5 % above a reported 22.62", () => {
    const [row] = backtest([facility({effective_rate_low: 0.09, effective_rate_high: 0.1})], [reported({value: 22.62})]);
    expect(row!.projected).toBe(23.75);
    expect(row!.error_pct).toBe(5);
  });

  it("prefers the debt note's interest on debt to the income statement's net figure", () => {
    const [row] = backtest([facility({})], [reported({value: 25}), reported({line_item: "interest_expense_on_debt", value: 20})]);
    expect(row!.reported_line_item).toBe("interest_expense_on_debt");
  });

  it("leaves out, and names, a facility with no stated rate", () => {
    const [row] = backtest([facility({}), facility({facility: "OEM financing", effective_rate_low: null, effective_rate_high: null})], [reported({})]);
    expect(row!.left_out).toEqual(["OEM financing: no stated rate"]);
  });

  it("has no row for a quarter whose reported interest is not in the dataset", () => {
    expect(backtest([facility({})], [reported({period: "2025Q3"})])).toEqual([]);
  });

  it("names the quarter after a quarter end", () => {
    expect(["2024-12-31", "2025-06-30", "2025-05-31"].map(quarterAfter)).toEqual(["2025Q1", "2025Q3", null]);
  });

  it("reproduces CoreWeave's reported interest on debt in at least four quarters within ±10 %, like for like", () => {
    const tables = companyTables();
    const rows = backtest(tables.facilities, tables.financials, tables.discounts, tables.issuances);
    const q3 = rows.find((r) => r.quarter === "2025Q3");
    // Like for like: the debt note's interest on debt, not the income statement's net figure,
    // with the 2031 notes of July 25 counted from that day, booked as the income statement does.
    expect(q3?.reported_line_item).toBe("interest_expense_on_debt");
    expect(q3?.issued_during.join()).toMatch(/2031 Senior Notes/);
    expect(q3?.method).toBe("as booked");
    expect(Math.abs(q3!.error_pct)).toBeLessThanOrEqual(3);
    // One row for each debt table whose next quarter's interest is reported.
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(Math.abs(row.error_pct), row.quarter).toBeLessThanOrEqual(10);
  });

  it("uses no interest breakdown from more than a quarter before the table", () => {
    const breakdown = [
      reported({period: "2024Q3", line_item: "contractual_interest_expense", value: 18}),
      reported({period: "2024Q3", line_item: "amortization_of_debt_discounts_and_issuance_costs", value: 2}),
      reported({period: "2024Q3", line_item: "capitalized_interest", value: -9})
    ];
    const [row] = backtest([facility({})], [reported({}), ...breakdown], [{as_of: "2025-03-31", amount: 40}]);
    expect(row!.projected_as_reported).toBeNull();
    expect(row!.method).toBe("effective rates");
  });
});
