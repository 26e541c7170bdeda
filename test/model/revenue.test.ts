import {describe, expect, it} from "vitest";
import {decimalArithmetic, floatArithmetic, ModelInputError, parseModelInput, project, projectionToNumbers} from "../../src/model/index.js";
import {ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

// Worked examples. The backlog: 1,000 at the start, converting over a term of 10 quarters;
// bookings 100 the quarter before the first, growing 10 % a quarter. Each quarter
// R = B / 10, K = K_prev × 1.1, B_next = B − R + K:
//   q0: R = 100,    K = 110,    B = 1000 − 100 + 110 = 1010
//   q1: R = 101,    K = 121,    B = 1010 − 101 + 121 = 1030
//   q2: R = 103,    K = 133.1,  B = 1030 − 103 + 133.1 = 1060.1
//   q3: R = 106.01, K = 146.41, B = 1060.1 − 106.01 + 146.41 = 1100.5
const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.08}, maturity: "2030Q4"};
const backlog = {opening: 1000, bookings: 100, termQuarters: 10, follows: true};
const fromBacklog = plainCompany({revenue: {lastQuarter: 100, growth: 0.1, backlog}, facilities: [loan]});
// The largest customer: 40 % of revenue, stopping from the third quarter (2026Q3).
const leaving = (because: "nonRenewal" | "default") => ({share: 0.4, stopsFrom: "2026Q3", because});

describe("revenue from the backlog", () => {
  it("recognises backlog ÷ term each quarter, and bookings growing on the growth path refill it", () => {
    const p = runDecimal(fromBacklog);
    expect(ledgerColumn(p, "revenue")).toEqual(["100", "101", "103", "106.01"]);
    expect(ledgerColumn(p, "bookings")).toEqual(["110", "121", "133.1", "146.41"]);
    expect(ledgerColumn(p, "backlog")).toEqual(["1010", "1030", "1060.1", "1100.5"]);
  });

  it("is growth that fades when it does not follow the backlog: no bookings, no backlog, today's revenue", () => {
    const p = runDecimal({...fromBacklog, revenue: {lastQuarter: 100, growth: 0.1, backlog: {...backlog, follows: false}}});
    expect(ledgerColumn(p, "revenue")).toEqual(["110", "121", "133.1", "146.41"]);
    expect(ledgerColumn(p, "bookings")).toEqual(["0", "0", "0", "0"]);
    expect(ledgerColumn(p, "backlog")).toEqual(["0", "0", "0", "0"]);
    const without = runDecimal({...fromBacklog, revenue: {lastQuarter: 100, growth: 0.1}});
    expect(JSON.stringify(projectionToNumbers(decimalArithmetic, p))).toBe(JSON.stringify(projectionToNumbers(decimalArithmetic, without)));
  });

  it("with a term equal to backlog ÷ last revenue, recognises the last quarter's revenue first (the base case's calibration)", () => {
    // 1,000 ÷ 100 = 10 quarters: the first quarter recognises 100, the last reported quarter's revenue.
    expect(ledgerColumn(runDecimal(fromBacklog), "revenue")[0]).toBe("100");
  });

  it("buys capex for the revenue the backlog adds, when capex follows growth", () => {
    const p = runDecimal({...fromBacklog, capexIntensity: {perAddedAnnualRevenue: 2, leadQuarters: 0, follows: true}});
    // 8 × (100 − 100), 8 × (101 − 100), 8 × (103 − 101), 8 × (106.01 − 103).
    expect(ledgerColumn(p, "capex")).toEqual(["0", "8", "16", "24.08"]);
  });

  it("refuses a term under a quarter", () => {
    expect(() => parseModelInput({...fromBacklog, revenue: {lastQuarter: 100, growth: 0.1, backlog: {...backlog, termQuarters: 0.5}}})).toThrow(ModelInputError);
  });
});

describe("the largest customer as a stream of its own", () => {
  it("reads its share of revenue while it pays", () => {
    const p = runDecimal({...fromBacklog, revenue: {lastQuarter: 100, growth: 0.1, backlog, largestCustomer: {share: 0.4}}});
    expect(ledgerColumn(p, "largestCustomerRevenue")).toEqual(["40", "40.4", "41.2", "42.404"]);
    expect(ledgerColumn(p, "revenue")).toEqual(["100", "101", "103", "106.01"]);
  });

  it("stops paying at non-renewal: from its quarter revenue, bookings and backlog are the others' 60 %, and costs keep their margin", () => {
    const p = runDecimal({...fromBacklog, revenue: {lastQuarter: 100, growth: 0.1, backlog, largestCustomer: leaving("nonRenewal")}});
    // 103 × 0.6 = 61.8 and 106.01 × 0.6 = 63.606; bookings 133.1 × 0.6, 146.41 × 0.6; backlog 1060.1 × 0.6, 1100.5 × 0.6.
    expect(ledgerColumn(p, "revenue")).toEqual(["100", "101", "61.8", "63.606"]);
    expect(ledgerColumn(p, "bookings")).toEqual(["110", "121", "79.86", "87.846"]);
    expect(ledgerColumn(p, "backlog")).toEqual(["1010", "1030", "636.06", "660.3"]);
    expect(ledgerColumn(p, "largestCustomerRevenue")).toEqual(["40", "40.4", "0", "0"]);
    expect(ledgerColumn(p, "badDebt")).toEqual(["0", "0", "0", "0"]);
    // A 50 % margin on what is left.
    expect(ledgerColumn(p, "ebitda")).toEqual(["50", "50.5", "30.9", "31.803"]);
  });

  it("stops paying by default: the same, and the quarter before's billing (40 % of 101 = 40.4) is a bad-debt loss in its quarter", () => {
    const p = runDecimal({...fromBacklog, revenue: {lastQuarter: 100, growth: 0.1, backlog, largestCustomer: leaving("default")}});
    expect(ledgerColumn(p, "revenue")).toEqual(["100", "101", "61.8", "63.606"]);
    expect(ledgerColumn(p, "badDebt")).toEqual(["0", "0", "40.4", "0"]);
    // EBITDA 30.9 − 40.4 = −9.5; operating costs 61.8 + 9.5 = 71.3; operating cash flow bears it.
    expect(ledgerColumn(p, "ebitda")).toEqual(["50", "50.5", "-9.5", "31.803"]);
    expect(ledgerColumn(p, "operatingCosts")).toEqual(["50", "50.5", "71.3", "31.803"]);
    expect(ledgerColumn(p, "operatingCashFlow")[2]).toBe("-9.5");
  });

  it("writes bad debt off in operating costs with cost lines too", () => {
    const p = runDecimal({...fromBacklog, revenue: {lastQuarter: 100, growth: 0.1, backlog, largestCustomer: leaving("default")},
      costs: {kind: "lines", lines: [{name: "Power", shareOfRevenue: 0.5, fixedPerQuarter: 10}]}});
    // 10 + 61.8 × 0.5 + 40.4 = 81.3.
    expect(ledgerColumn(p, "operatingCosts")[2]).toBe("81.3");
  });

  it("stopping from the first quarter is the old 'revenue lost' input: the revenue base cut by its share", () => {
    const lost = runDecimal(plainCompany({revenue: {lastQuarter: 100, growth: 0.1, largestCustomer: {share: 0.45, stopsFrom: "2026Q1"}}, facilities: [loan]}));
    const cut = runDecimal(plainCompany({revenue: {lastQuarter: 55, growth: 0.1}, facilities: [loan]}));
    // 100 × 1.1 × 0.55 = 60.5 = 55 × 1.1, and so on.
    expect(ledgerColumn(lost, "revenue")).toEqual(ledgerColumn(cut, "revenue"));
    expect(ledgerColumn(lost, "closingCash")).toEqual(ledgerColumn(cut, "closingCash"));
  });

  it("takes its capacity with it: capex that follows growth buys for the others' revenue added, never to make up the loss", () => {
    const p = runDecimal(plainCompany({revenue: {lastQuarter: 100, growth: 0.1, largestCustomer: leaving("nonRenewal")}, capexIntensity: {perAddedAnnualRevenue: 2, leadQuarters: 0, follows: true}, facilities: [loan]}));
    // Revenue before it stops 110, 121, 133.1, 146.41; added 10, 11, then the others' 60 % of 12.1 and of 13.31.
    expect(ledgerColumn(p, "capex")).toEqual(["80", "88", "58.08", "63.888"]);
  });

  it("refuses a stop before the projection starts", () => {
    expect(() => parseModelInput(plainCompany({revenue: {lastQuarter: 100, growth: 0, largestCustomer: {share: 0.4, stopsFrom: "2025Q4"}}, facilities: [loan]}))).toThrow(/stopsFrom: is before the projection starts/);
  });

  it("agrees in both arithmetics", () => {
    const draft = {...fromBacklog, quarters: 16, revenue: {lastQuarter: 2575, growth: [0.2071, 0.15, 0.1, 0.05, 0.025], backlog: {opening: 104200, bookings: 18275, termQuarters: 40.47, follows: true}, largestCustomer: {share: 0.45, stopsFrom: "2027Q3", because: "default" as const}}};
    const exact = projectionToNumbers(decimalArithmetic, project(parseModelInput(draft), decimalArithmetic));
    const fast = projectionToNumbers(floatArithmetic, project(parseModelInput(draft), floatArithmetic));
    for (const line of ["revenue", "backlog", "bookings", "badDebt", "closingCash"] as const) {
      fast.quarters.forEach((q, t) => expect(q.ledger[line], `${line} ${t}`).toBeCloseTo(exact.quarters[t]!.ledger[line], 5));
    }
  });
});
