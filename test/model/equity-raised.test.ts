import {describe, expect, it} from "vitest";
import {decimalArithmetic, floatArithmetic, ModelInputError, parseModelInput, project, projectionToNumbers, type LedgerQuarter, type ModelInputDraft} from "../../src/model/index.js";
import {ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

// A worked example: the plain company (EBITDA 50 a quarter, no capex, no tax) with one
// 1,000 loan at a fixed 8 % (interest 1,000 × 8 % / 4 = 20 a quarter), bullet, due after
// the projection. Cash grows by 50 − 20 = 30 a quarter from 1,000.
const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.08}, maturity: "2028Q4"};
const without = plainCompany({facilities: [loan]});
// Equity raised E = 100 at the start of the second quarter only (a path's last value holds).
const withEquity = plainCompany({facilities: [loan], equityRaised: [0, 100, 0]});

/** Sources less uses of cash, as numbers: zero when the quarter balances. */
function cashImbalance(l: LedgerQuarter<number>): number {
  const sources = l.openingCash + l.operatingCashFlow + l.scheduledDraws + l.revolverDraw + l.newBorrowing + l.refinanced + l.pikInterest + l.equityRaised + l.equityCure;
  const uses = l.closingCash + l.interest + l.fees + l.capex + l.principalDue + l.revolverRepayment + l.sweepRepayment + l.prepayment + l.prepaymentPremium;
  return sources - uses;
}

describe("equity raised at a quarter's start", () => {
  it("defaults to none: the ledger books 0 and the projection is the one without it", () => {
    expect(parseModelInput(without).equityRaised).toBe(0);
    expect(ledgerColumn(runDecimal(without), "equityRaised")).toEqual(["0", "0", "0", "0"]);
    expect(ledgerColumn(runDecimal({...without, equityRaised: 0}), "closingCash")).toEqual(ledgerColumn(runDecimal(without), "closingCash"));
  });

  it("adds E = 100 to cash in quarter 2, by hand: 1,030 + 100 + 50 − 20 = 1,160, and E higher from then on", () => {
    expect(ledgerColumn(runDecimal(without), "closingCash")).toEqual(["1030", "1060", "1090", "1120"]);
    const p = runDecimal(withEquity);
    expect(ledgerColumn(p, "equityRaised")).toEqual(["0", "100", "0", "0"]);
    expect(ledgerColumn(p, "closingCash")).toEqual(["1030", "1160", "1190", "1220"]);
    // Not debt: debt, interest, DSCR and Minsky's regime are those of the company without it.
    const q = runDecimal(without);
    expect(ledgerColumn(p, "closingDebt")).toEqual(ledgerColumn(q, "closingDebt"));
    expect(ledgerColumn(p, "interest")).toEqual(ledgerColumn(q, "interest"));
    expect(p.quarters.map((x) => String(x.metrics.dscr))).toEqual(q.quarters.map((x) => String(x.metrics.dscr)));
    expect(p.quarters.map((x) => x.regime)).toEqual(q.quarters.map((x) => x.regime));
  });

  it("holds the cash identity every quarter, with and without it, in both arithmetics", () => {
    for (const draft of [without, withEquity]) {
      const input = parseModelInput(draft);
      for (const projection of [projectionToNumbers(decimalArithmetic, project(input, decimalArithmetic)), project(input, floatArithmetic)]) {
        for (const {ledger} of projection.quarters) expect(Math.abs(cashImbalance(ledger)), `${projection.arithmetic} ${ledger.quarter}`).toBeLessThan(1e-9);
      }
    }
    const exact = runDecimal(withEquity).quarters.map((q) => q.ledger.closingCash.toNumber());
    const fast = project(withEquity, floatArithmetic).quarters.map((q) => q.ledger.closingCash);
    fast.forEach((cash, t) => expect(cash).toBeCloseTo(exact[t]!, 9));
  });

  it("lands before the shortfall is funded: the revolver draws less, or is repaid", () => {
    // Minimum cash 1,100 and a revolver at a fixed 8 %. Quarter 1: cash 1,030 draws 70.
    // Quarter 2 without equity: 1,100 + 50 − 20 − 70 × 8 % / 4 (1.4) = 1,128.6, which repays
    // 28.6 of the revolver; with E = 100, cash of 1,228.6 repays all 70 and keeps 1,158.6.
    const revolver = {capacity: 500, rate: {type: "fixed" as const, annualRate: 0.08}};
    const base: ModelInputDraft = {...without, minimumCash: 1100, revolver};
    const plain = runDecimal(base);
    const raised = runDecimal({...base, equityRaised: [0, 100, 0]});
    expect(ledgerColumn(plain, "revolverDraw")[0]).toBe("70");
    expect(ledgerColumn(plain, "revolverRepayment")[1]).toBe("28.6");
    expect(ledgerColumn(plain, "closingCash")[1]).toBe("1100");
    expect(ledgerColumn(raised, "revolverRepayment")[1]).toBe("70");
    expect(ledgerColumn(raised, "closingCash")[1]).toBe("1158.6");
  });

  it("is not raised in the quarters markets are shut, where they shut equity too; by hand", () => {
    // E = 100 every quarter; markets shut in the second and third quarters. With equity still
    // selling: 1,000 + 100 + 30 = 1,130, then 1,260, 1,390, 1,520. With equity shut too, the
    // shut quarters raise nothing: 1,130, 1,160, 1,190, and 1,190 + 100 + 30 = 1,320.
    const shut = {shareRolled: 0, spread: 0, tenorQuarters: 4, marketShut: [{from: "2026Q2", to: "2026Q3"}]};
    const open = runDecimal(plainCompany({facilities: [loan], equityRaised: 100, refinancing: shut}));
    const closed = runDecimal(plainCompany({facilities: [loan], equityRaised: 100, refinancing: shut, marketShutIncludesEquity: true}));
    expect(ledgerColumn(open, "equityRaised")).toEqual(["100", "100", "100", "100"]);
    expect(ledgerColumn(open, "closingCash")).toEqual(["1130", "1260", "1390", "1520"]);
    expect(ledgerColumn(closed, "equityRaised")).toEqual(["100", "0", "0", "100"]);
    expect(ledgerColumn(closed, "closingCash")).toEqual(["1130", "1160", "1190", "1320"]);
    // Without a shut window the choice changes nothing; by default equity does not shut.
    expect(ledgerColumn(runDecimal(plainCompany({facilities: [loan], equityRaised: 100, marketShutIncludesEquity: true})), "closingCash")).toEqual(["1130", "1260", "1390", "1520"]);
    expect(parseModelInput(without).marketShutIncludesEquity).toBe(false);
    // The float engine agrees.
    expect(project(plainCompany({facilities: [loan], equityRaised: 100, refinancing: shut, marketShutIncludesEquity: true}), floatArithmetic).quarters.map((q) => q.ledger.equityRaised)).toEqual([100, 0, 0, 100]);
  });

  it("refuses a negative amount, naming the field", () => {
    expect(() => parseModelInput({...without, equityRaised: [0, -5]})).toThrow(ModelInputError);
    try {
      parseModelInput({...without, equityRaised: -5});
    } catch (error) {
      expect((error as ModelInputError).field).toBe("equityRaised");
    }
  });
});
