import {describe, expect, it} from "vitest";
import {annuityPayment, decimalArithmetic as dec, floatArithmetic, Money, roundToCent} from "../../src/model/index.js";
import {facilityColumn, ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

describe("the annuity payment", () => {
  it("equals Excel's PMT to the cent: PMT(5%/12, 360, 200000) = -1073.64", () => {
    const payment = annuityPayment(dec, new Money(0.05).dividedBy(12), 360, new Money(200000));
    expect(roundToCent(payment).toFixed(2)).toBe("1073.64");
    expect(payment.toFixed(8)).toBe("1073.64324602"); // LibreOffice: -1073.64324602428
  });

  it("is the principal over the periods at a zero rate", () => {
    expect(annuityPayment(dec, new Money(0), 4, new Money(1000)).toString()).toBe("250");
  });

  it("gives the same payment in float as in decimal", () => {
    expect(annuityPayment(floatArithmetic, 0.05 / 12, 360, 200000)).toBeCloseTo(1073.64324602428, 9);
  });
});

describe("a bullet loan", () => {
  // 1,000 at 8 % fixed, due at the end of 2026Q4: 20 of interest a quarter, all the principal at maturity.
  const projection = runDecimal(plainCompany({
    facilities: [{id: "bullet", name: "Bullet", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2026Q4"}]
  }));

  it("pays 1000 × 8 % / 4 = 20 of interest every quarter", () => {
    expect(facilityColumn(projection, "bullet", "interest")).toEqual(["20", "20", "20", "20"]);
  });

  it("repays nothing until maturity, then the whole balance", () => {
    expect(facilityColumn(projection, "bullet", "principalDue")).toEqual(["0", "0", "0", "1000"]);
    expect(facilityColumn(projection, "bullet", "closing")).toEqual(["1000", "1000", "1000", "0"]);
  });

  it("moves cash by EBITDA 50 less interest 20, then by the repayment", () => {
    expect(ledgerColumn(projection, "closingCash")).toEqual(["1030", "1060", "1090", "120"]);
  });
});

describe("a straight-line loan", () => {
  // 1,200 at 10 % over four quarters: 300 of principal a quarter; interest on the balance.
  const projection = runDecimal(plainCompany({
    facilities: [{id: "term", name: "Term loan", principal: 1200, rate: {type: "fixed", annualRate: 0.1}, amortisation: {type: "straightLine"}, maturity: "2026Q4"}]
  }));

  it("repays an equal 300 each quarter", () => {
    expect(facilityColumn(projection, "term", "principalDue")).toEqual(["300", "300", "300", "300"]);
  });

  it("charges interest on the balance outstanding: 30, 22.5, 15, 7.5", () => {
    expect(facilityColumn(projection, "term", "interest")).toEqual(["30", "22.5", "15", "7.5"]);
  });
});

describe("an annuity loan", () => {
  // 1,000 at 8 % a year (2 % a quarter) over four quarters: PMT(2%, 4, 1000) = 262.6237527...
  const projection = runDecimal(plainCompany({
    facilities: [{id: "annuity", name: "Annuity", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, amortisation: {type: "annuity"}, maturity: "2026Q4"}]
  }));
  const interest = facilityColumn(projection, "annuity", "interest").map(Number);
  const principal = facilityColumn(projection, "annuity", "principalDue").map(Number);

  it("pays the same 262.62 every quarter, interest and principal together", () => {
    for (let q = 0; q < 4; q++) expect((interest[q] as number) + (principal[q] as number)).toBeCloseTo(262.6237527, 6);
  });

  it("starts with 20 of interest and 242.62 of principal, and ends fully repaid", () => {
    expect(interest[0]).toBe(20);
    expect(principal[0]).toBeCloseTo(242.6237527, 6);
    expect(facilityColumn(projection, "annuity", "closing")[3]).toBe("0");
  });
});

describe("a floating-rate loan across a rate step", () => {
  // Base rate 3 % then 5 %, floor 3.5 %, spread 2 %: the floor binds first, then the step.
  const projection = runDecimal(plainCompany({
    quarters: 2,
    baseRate: [0.03, 0.05],
    facilities: [{id: "float", name: "Floating", principal: 1000, rate: {type: "floating", spread: 0.02, floor: 0.035}, maturity: "2028Q4"}]
  }));

  it("bears max(base, floor) + spread: 5.5 % then 7 %", () => {
    expect(facilityColumn(projection, "float", "annualRate")).toEqual(["0.055", "0.07"]);
  });

  it("charges 13.75 then 17.5 of interest", () => {
    expect(facilityColumn(projection, "float", "interest")).toEqual(["13.75", "17.5"]);
  });
});

describe("a delayed-draw facility", () => {
  // 500 committed and drawn at the start of 2026Q2: 2 % upfront fee on the draw and a
  // 0.5 % a year commitment fee on what is undrawn.
  const projection = runDecimal(plainCompany({
    quarters: 3,
    facilities: [{
      id: "ddtl", name: "DDTL", principal: 0, draws: [{quarter: "2026Q2", amount: 500}],
      rate: {type: "fixed", annualRate: 0.1}, maturity: "2028Q4", upfrontFeeRate: 0.02, commitmentFeeRate: 0.005
    }]
  }));

  it("draws in its quarter and bears interest on it from then", () => {
    expect(facilityColumn(projection, "ddtl", "drawn")).toEqual(["0", "500", "0"]);
    expect(facilityColumn(projection, "ddtl", "interest")).toEqual(["0", "12.5", "12.5"]);
  });

  it("charges 500 × 0.5 % / 4 = 0.625 while undrawn, then 2 % of the draw", () => {
    expect(facilityColumn(projection, "ddtl", "fees")).toEqual(["0.625", "10", "0"]);
  });
});
