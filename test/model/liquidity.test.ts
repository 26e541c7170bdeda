import {describe, expect, it} from "vitest";
import {facilityColumn, ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

// A company that burns cash: EBITDA 50, capex 150, so −100 a quarter before debt service,
// with a 1,000 bullet at 8 % (20 of interest a quarter) that matures beyond the horizon.
const burning = {
  openingCash: 300,
  minimumCash: 100,
  capex: 150,
  facilities: [{id: "notes", name: "Notes", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.08}, maturity: "2030Q4"}]
};

describe("the revolver holds minimum cash", () => {
  const projection = runDecimal(plainCompany({
    ...burning,
    revolver: {capacity: 200, rate: {type: "fixed", annualRate: 0.06}, commitmentFeeRate: 0.004}
  }));

  it("is not drawn while cash stays above the minimum: 300 − 120 = 180", () => {
    expect(ledgerColumn(projection, "revolverDraw")[0]).toBe("0");
    expect(ledgerColumn(projection, "closingCash")[0]).toBe("179.8"); // less the 0.2 commitment fee
  });

  it("draws exactly what brings cash back to the minimum", () => {
    // Q2: 179.8 − 120 − 0.2 fee = 59.6, so it draws 40.4 to reach 100.
    expect(facilityColumn(projection, "revolver", "drawn").slice(0, 2)).toEqual(["0", "40.4"]);
    expect(ledgerColumn(projection, "closingCash")[1]).toBe("100");
  });

  it("bears interest on a draw from the next quarter: 40.4 × 6 % / 4 = 0.606", () => {
    expect(facilityColumn(projection, "revolver", "interest").slice(0, 3)).toEqual(["0", "0", "0.606"]);
  });

  it("lets cash fall below the minimum once its capacity is exhausted, and cannot pay when it falls below zero", () => {
    const longer = runDecimal(plainCompany({
      ...burning,
      quarters: 5,
      revolver: {capacity: 200, rate: {type: "fixed", annualRate: 0.06}, commitmentFeeRate: 0.004}
    }));
    expect(facilityColumn(longer, "revolver", "closing").slice(3)).toEqual(["200", "200"]);
    const cash = ledgerColumn(longer, "closingCash").map(Number);
    expect(cash[3]).toBeGreaterThan(0);
    expect(cash[3]).toBeLessThan(100);
    expect(longer.quarters.map((q) => q.cannotPay)).toEqual([false, false, false, false, true]);
    expect(longer.firstDefaultQuarter).toBe("2027Q1");
    expect(longer.events).toContainEqual({kind: "cannotPay", quarter: "2027Q1", shortfall: -(cash[4] as number)});
  });
});

describe("cash above the minimum repays the revolver", () => {
  it("repays what is drawn before cash builds up", () => {
    const projection = runDecimal(plainCompany({
      openingCash: 100, minimumCash: 100,
      facilities: burning.facilities,
      revolver: {capacity: 500, drawn: 45, rate: {type: "fixed", annualRate: 0.08}}
    }));
    // Q1: EBITDA 50 − 20 − 0.9 of revolver interest (45 × 2 %) = 29.1 repays part of it.
    // Q2: 50 − 20 − 0.318 (15.9 × 2 %) = 29.682 repays the last 15.9; 13.782 is kept.
    expect(ledgerColumn(projection, "revolverRepayment").slice(0, 2)).toEqual(["29.1", "15.9"]);
    expect(facilityColumn(projection, "revolver", "closing").slice(0, 2)).toEqual(["15.9", "0"]);
    expect(ledgerColumn(projection, "closingCash").slice(0, 2)).toEqual(["100", "113.782"]);
  });
});

describe("new borrowing funds a shortfall", () => {
  const projection = runDecimal(plainCompany({
    ...burning,
    newBorrowing: {limit: 150, spread: 0.06, tenorQuarters: 8, feeRate: 0.02}
  }));

  it("borrows the gross that nets the shortfall after its fee: 40/(1 − 2 %)", () => {
    expect(ledgerColumn(projection, "closingCash").slice(0, 2)).toEqual(["180", "100"]);
    expect(Number(ledgerColumn(projection, "newBorrowing")[1])).toBeCloseTo(40 / 0.98, 12);
  });

  it("stops at its limit, then the company cannot pay", () => {
    expect(Number(facilityColumn(projection, "new-borrowing", "closing")[3])).toBeCloseTo(150, 12);
    expect(projection.firstDefaultQuarter).toBe("2026Q4");
  });

  it("borrows nothing while markets are shut", () => {
    const shut = runDecimal(plainCompany({
      ...burning,
      newBorrowing: {limit: 150, spread: 0.06, tenorQuarters: 8},
      refinancing: {shareRolled: 0, spread: 0, tenorQuarters: 4, marketShut: [{from: "2026Q1", to: "2030Q4"}]}
    }));
    expect(ledgerColumn(shut, "newBorrowing")).toEqual(["0", "0", "0", "0"]);
    expect(shut.firstDefaultQuarter).toBe("2026Q3");
  });
});

// A company short 300 in each quarter before new borrowing: opening cash 50 = minimum cash,
// EBITDA 50 − capex 330 − interest 20 on the notes = −300.
describe("new borrowing is capped a quarter", () => {
  const short = {
    openingCash: 50,
    minimumCash: 50,
    capex: 330,
    facilities: [{id: "notes", name: "Notes", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.08}, maturity: "2030Q4"}]
  };
  const capped = runDecimal(plainCompany({...short, newBorrowing: {limit: 1000, perQuarter: 200, spread: 0.06, tenorQuarters: 8, feeRate: 0}}));

  it("borrows at most the cap in a quarter: of a 300 shortfall, 200; the 100 left is a funding gap", () => {
    expect(ledgerColumn(capped, "newBorrowing")[0]).toBe("200");
    // 50 − 300 + 200 = −50: below zero, the company cannot pay.
    expect(ledgerColumn(capped, "closingCash")[0]).toBe("-50");
    expect(capped.quarters[0]!.cannotPay).toBe(true);
    expect(capped.firstDefaultQuarter).toBe("2026Q1");
  });

  it("borrows again the next quarter, up to the cap again: −50 − 300 − 200 × (4 % + 6 %)/4 = −355, 200 of it borrowed", () => {
    expect(ledgerColumn(capped, "newBorrowing").slice(0, 2)).toEqual(["200", "200"]);
    expect(ledgerColumn(capped, "closingCash")[1]).toBe("-155");
    expect(facilityColumn(capped, "new-borrowing", "closing").slice(0, 2)).toEqual(["200", "400"]);
  });

  it("charges the fee on what is borrowed where the cap binds, and grosses up where it covers the need", () => {
    const withFee = runDecimal(plainCompany({...short, newBorrowing: {limit: 1000, perQuarter: 200, spread: 0.06, tenorQuarters: 8, feeRate: 0.02}}));
    // 200 borrowed, 4 of it the fee: 50 − 300 + 196 = −54.
    expect(ledgerColumn(withFee, "newBorrowing")[0]).toBe("200");
    expect(ledgerColumn(withFee, "closingCash")[0]).toBe("-54");
    // A cap of 400 covers the gross need, 300 ÷ 0.98, and cash lands on the minimum.
    const covered = runDecimal(plainCompany({...short, newBorrowing: {limit: 1000, perQuarter: 400, spread: 0.06, tenorQuarters: 8, feeRate: 0.02}}));
    expect(Number(ledgerColumn(covered, "newBorrowing")[0])).toBeCloseTo(300 / 0.98, 12);
    expect(ledgerColumn(covered, "closingCash")[0]).toBe("50");
  });

  it("stops at what is left of the limit where that is less than the cap", () => {
    const limited = runDecimal(plainCompany({...short, newBorrowing: {limit: 300, perQuarter: 200, spread: 0.06, tenorQuarters: 8, feeRate: 0}}));
    expect(ledgerColumn(limited, "newBorrowing")).toEqual(["200", "100", "0", "0"]);
  });

  it("without a cap a quarter, or with one no smaller than the limit, is the same as before", () => {
    const draft = {...short, newBorrowing: {limit: 1000, spread: 0.06, tenorQuarters: 8, feeRate: 0.02}};
    const uncapped = runDecimal(plainCompany(draft));
    expect(Number(ledgerColumn(uncapped, "newBorrowing")[0])).toBeCloseTo(300 / 0.98, 12);
    expect(ledgerColumn(uncapped, "closingCash")[0]).toBe("50");
    const atLimit = runDecimal(plainCompany({...draft, newBorrowing: {...draft.newBorrowing, perQuarter: 1000}}));
    expect(JSON.stringify(atLimit.quarters)).toBe(JSON.stringify(uncapped.quarters));
  });
});
