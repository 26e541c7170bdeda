import {describe, expect, it} from "vitest";
import {ModelInputError, parseModelInput} from "../../src/model/index.js";
import {facilityColumn, ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

/**
 * The professional debt schedule's features, each in a worked example with the numbers in
 * view. The plain company: EBITDA 50 a quarter, no tax, base rate 4 %.
 */
const loan = {id: "loan", name: "Loan", principal: 1000, maturity: "2027Q4"};

describe("payment in kind", () => {
  it("adds its share of interest to the balance and pays the rest in cash", () => {
    // 8 % fixed: 20 a quarter on 1,000; half in kind. Q1: 10 to the balance (1,010); Q2:
    // 20.2 on 1,010, 10.1 in kind (1,020.1).
    const p = runDecimal(plainCompany({facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}, pikShare: 0.5}]}));
    expect(facilityColumn(p, "loan", "interest").slice(0, 2)).toEqual(["20", "20.2"]);
    expect(facilityColumn(p, "loan", "pikInterest").slice(0, 2)).toEqual(["10", "10.1"]);
    expect(facilityColumn(p, "loan", "closing").slice(0, 2)).toEqual(["1010", "1020.1"]);
    // Cash pays only the cash half: 1,000 + 50 − 10 = 1,040, then + 50 − 10.1.
    expect(ledgerColumn(p, "closingCash").slice(0, 2)).toEqual(["1040", "1079.9"]);
  });

  it("counts as interest the company cannot pay from cash flow: Minsky's regime sees all of it", () => {
    // 20 % fixed on 1,000 = 50 a quarter, all in kind: operating cash flow (50) does not exceed it.
    const p = runDecimal(plainCompany({facilities: [{...loan, rate: {type: "fixed", annualRate: 0.24}, pikShare: 1}]}));
    expect(p.quarters[0]!.regime).toBe("ponzi");
    expect(ledgerColumn(p, "closingCash")[0]).toBe("1050");
  });

  it("pays all interest in cash in the maturity quarter", () => {
    const p = runDecimal(plainCompany({quarters: 2, facilities: [{...loan, maturity: "2026Q2", rate: {type: "fixed", annualRate: 0.08}, pikShare: 0.5}]}));
    expect(facilityColumn(p, "loan", "pikInterest")).toEqual(["10", "0"]);
    expect(facilityColumn(p, "loan", "principalDue")[1]).toBe("1010");
  });

  it("is refused with annuity repayment, naming the field", () => {
    expect(() => parseModelInput(plainCompany({facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}, amortisation: {type: "annuity"}, pikShare: 0.2}]})))
      .toThrow(/facilities\[0\]\.pikShare: payment in kind does not go with annuity/);
  });
});

describe("interest-rate hedges", () => {
  const floating = {...loan, rate: {type: "floating" as const, spread: 0.02}};

  it("a swap replaces the reference rate on its notional until it ends", () => {
    // Base 5 %, spread 2 %; 600 swapped into 3 %: (600 × 3 % + 400 × 5 %) / 1,000 + 2 % = 5.8 %,
    // 14.5 a quarter. After 2026Q2 the whole balance floats: 7 %, 17.5.
    const p = runDecimal(plainCompany({baseRate: 0.05, facilities: [{...floating, hedge: {type: "swap", notional: 600, fixedRate: 0.03, until: "2026Q2"}}]}));
    expect(facilityColumn(p, "loan", "annualRate")).toEqual(["0.058", "0.058", "0.07", "0.07"]);
    expect(facilityColumn(p, "loan", "interest")).toEqual(["14.5", "14.5", "17.5", "17.5"]);
  });

  it("a cap limits the reference rate on its notional, and does nothing below its strike", () => {
    // Strike 4 %: at a base of 5 %, (600 × 4 % + 400 × 5 %) / 1,000 + 2 % = 6.4 %; at 3 % the cap does not bite: 5 %.
    const p = runDecimal(plainCompany({baseRate: [0.05, 0.03], facilities: [{...floating, hedge: {type: "cap", notional: 600, strike: 0.04, until: "2027Q4"}}]}));
    expect(facilityColumn(p, "loan", "annualRate").slice(0, 2)).toEqual(["0.064", "0.05"]);
  });

  it("lets a rate shock reach only the unhedged part", () => {
    const shocked = (base: number) => runDecimal(plainCompany({baseRate: base, facilities: [{...floating, hedge: {type: "swap", notional: 750, fixedRate: 0.04, until: "2027Q4"}}]}));
    // +300 bp on the 250 left floating: 250 × 3 % / 4 = 1.875 a quarter more.
    expect(facilityColumn(shocked(0.07), "loan", "interest")[0]).toBe("16.875");
    expect(facilityColumn(shocked(0.04), "loan", "interest")[0]).toBe("15");
  });

  it("is refused on a fixed-rate facility", () => {
    expect(() => parseModelInput(plainCompany({facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}, hedge: {type: "cap", notional: 100, strike: 0.05, until: "2027Q1"}}]})))
      .toThrow(/facilities\[0\]\.hedge: hedges a floating rate/);
  });
});

describe("interest on the average balance, in closed form", () => {
  it("straight line: on the mean of the opening and closing balance", () => {
    // 1,000 over four quarters at 8 %: Q1 repays 250, so interest = 2 % × (1,000 + 750) / 2 = 17.5.
    const p = runDecimal(plainCompany({interestConvention: "average", facilities: [{...loan, maturity: "2026Q4", rate: {type: "fixed", annualRate: 0.08}, amortisation: {type: "straightLine"}}]}));
    expect(facilityColumn(p, "loan", "interest")).toEqual(["17.5", "12.5", "7.5", "2.5"]);
  });

  it("annuity: I = r·(2B − P)/(2 − r), with no circular reference", () => {
    const p = runDecimal(plainCompany({interestConvention: "average", facilities: [{...loan, maturity: "2026Q4", rate: {type: "fixed", annualRate: 0.08}, amortisation: {type: "annuity"}}]}));
    const interest = Number(facilityColumn(p, "loan", "interest")[0]);
    const principal = Number(facilityColumn(p, "loan", "principalDue")[0]);
    // The payment is PMT(2 %, 4, 1,000) = 262.6238 and interest is 2 % of the mean balance.
    expect(interest + principal).toBeCloseTo(262.62375, 4);
    expect(interest).toBeCloseTo(0.02 * (1000 + (1000 - principal)) / 2, 10);
    expect(interest).toBeCloseTo(17.54923, 4);
  });

  it("with payment in kind: I = r·B/(1 − r·k/2), the interest that is its own average", () => {
    const p = runDecimal(plainCompany({interestConvention: "average", facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}, pikShare: 0.5}]}));
    const interest = Number(facilityColumn(p, "loan", "interest")[0]);
    expect(interest).toBeCloseTo(20 / 0.995, 10);
    expect(interest).toBeCloseTo(0.02 * (1000 + (1000 + interest / 2)) / 2, 10);
  });

  it("leaves a bullet's interest as it was: the balance does not move", () => {
    const p = runDecimal(plainCompany({interestConvention: "average", facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}}]}));
    expect(facilityColumn(p, "loan", "interest")[0]).toBe("20");
  });
});

describe("reported interest expense", () => {
  it("adds discount amortised straight line to maturity and takes off capitalised interest; cash does not move", () => {
    // A discount of 12 over four quarters: 3 a quarter. A quarter of the 20 of interest capitalised: 5.
    const plain = runDecimal(plainCompany({facilities: [{...loan, maturity: "2026Q4", rate: {type: "fixed", annualRate: 0.08}}]}));
    const p = runDecimal(plainCompany({capitalisedInterestShare: 0.25, facilities: [{...loan, maturity: "2026Q4", rate: {type: "fixed", annualRate: 0.08}, discount: 12}]}));
    expect(ledgerColumn(p, "discountAmortisation")).toEqual(["3", "3", "3", "3"]);
    expect(ledgerColumn(p, "capitalisedInterest")[0]).toBe("5");
    expect(ledgerColumn(p, "reportedInterestExpense")[0]).toBe("18");
    expect(ledgerColumn(p, "closingCash")).toEqual(ledgerColumn(plain, "closingCash"));
  });

  it("lowers taxes by what it reports, not by what it pays", () => {
    const withTax = (discount: number) => runDecimal(plainCompany({taxRate: 0.2, facilities: [{...loan, maturity: "2026Q4", rate: {type: "fixed", annualRate: 0.08}, discount}]}));
    // EBIT 50 − reported interest (20, or 20 + 3): tax 6, or 5.4.
    expect(ledgerColumn(withTax(0), "taxes")[0]).toBe("6");
    expect(ledgerColumn(withTax(12), "taxes")[0]).toBe("5.4");
  });

  it("refuses a capitalised share above 1", () => {
    expect(() => parseModelInput(plainCompany({capitalisedInterestShare: 1.5, facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}}]}))).toThrow(ModelInputError);
  });
});

describe("maintenance covenants", () => {
  // 12 % fixed on 1,000: interest 30 a quarter against EBITDA 50: coverage 1.67×.
  const covenanted = (covenant: object, extra: object = {}) => runDecimal(plainCompany({
    facilities: [{...loan, rate: {type: "fixed", annualRate: 0.12}, covenants: [covenant]} as never], ...extra
  }));

  it("a coverage test that holds leaves no breach", () => {
    const p = covenanted({kind: "interestCoverage", threshold: 1.5, consequence: {type: "accelerate"}});
    expect(p.firstBreachQuarter).toBeNull();
    expect(p.events.filter((e) => e.kind === "covenantBreach")).toEqual([]);
  });

  it("a breach is an event, the first breach an outcome; acceleration makes the whole balance due the next quarter", () => {
    const p = covenanted({kind: "interestCoverage", threshold: 2, consequence: {type: "accelerate"}});
    expect(p.firstBreachQuarter).toBe("2026Q1");
    expect(p.events.find((e) => e.kind === "covenantBreach")).toMatchObject({quarter: "2026Q1", facilityId: "loan", covenant: "interestCoverage", threshold: 2, consequence: "accelerate"});
    expect(facilityColumn(p, "loan", "principalDue").slice(0, 2)).toEqual(["0", "1000"]);
    // 1,000 + 50 − 30 = 1,020 after Q1; Q2 adds 50, pays 30 of interest and the 1,000: 40.
    expect(ledgerColumn(p, "closingCash").slice(0, 2)).toEqual(["1020", "40"]);
  });

  it("a waiver costs its fee the next quarter and steps the rate up once", () => {
    const p = covenanted({kind: "interestCoverage", threshold: 2, consequence: {type: "waiver", fee: 5, spreadStepUp: 0.01}});
    expect(facilityColumn(p, "loan", "annualRate")).toEqual(["0.12", "0.13", "0.13", "0.13"]);
    expect(facilityColumn(p, "loan", "fees")).toEqual(["0", "5", "5", "5"]);
    expect(p.events.filter((e) => e.kind === "covenantBreach")).toHaveLength(4);
  });

  it("a waiver fee owed is paid the quarter after the breach, even on a loan with nothing drawn", () => {
    // The company's coverage, 50 / 30 = 1.67×, breaches the undrawn loan's 2× in 2026Q1 (a
    // loan with a draw to come is bound by its covenants); its fee of 5 is paid in 2026Q2,
    // when nothing is yet drawn under it.
    const other = {id: "other", name: "Other", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.12}, maturity: "2027Q4"};
    const p = runDecimal(plainCompany({facilities: [other, {...loan, principal: 0, rate: {type: "fixed" as const, annualRate: 0.1}, draws: [{quarter: "2026Q4", amount: 100}], covenants: [{kind: "interestCoverage", threshold: 2, consequence: {type: "waiver", fee: 5, spreadStepUp: 0}}]}]}));
    expect(facilityColumn(p, "loan", "opening").slice(0, 3)).toEqual(["0", "0", "0"]);
    expect(facilityColumn(p, "loan", "fees").slice(0, 3)).toEqual(["0", "5", "5"]);
    expect(p.events.filter((e) => e.kind === "covenantBreach").map((e) => e.quarter).slice(0, 2)).toEqual(["2026Q1", "2026Q2"]);
  });

  it("an equity cure puts in what minimum liquidity lacks, up to its limit", () => {
    // Cash 1,000 + 50 − 30 = 1,020 against a minimum of 1,030: a cure of 10. Then 1,040 vs 1,030: no breach.
    const p = covenanted({kind: "minimumLiquidity", threshold: 1030, consequence: {type: "equityCure", limit: 8}});
    expect(ledgerColumn(p, "equityCure")[0]).toBe("8");
    expect(p.events.find((e) => e.kind === "covenantBreach")).toMatchObject({consequence: "equityCure (limit reached: not cured)"});
    expect(ledgerColumn(p, "closingCash")[0]).toBe("1028");
  });

  it("tests each facility by its own threshold: the strictest of a kind decides whether any is breached", () => {
    // Two loans of 500 at 12 %, no cash to start: interest 30 in all against EBITDA 50 (1.67×),
    // and after Q1 net debt 1,000 − 20 = 980 over annualised EBITDA 200 (4.9×).
    const loanOf = (id: string, covenant: object) => ({...loan, id, principal: 500, rate: {type: "fixed", annualRate: 0.12}, covenants: [covenant]});
    const waiver = {type: "waiver", fee: 1, spreadStepUp: 0};
    const breachedIn2026Q1 = (a: object, b: object) => runDecimal(plainCompany({openingCash: 0, facilities: [loanOf("a", a), loanOf("b", b)] as never}))
      .events.filter((e) => e.kind === "covenantBreach" && e.quarter === "2026Q1").map((e) => e.kind === "covenantBreach" && `${e.facilityId} ${e.covenant}`);
    // Coverage: "a" asks 1.5× (holds), "b" 2× (breached).
    expect(breachedIn2026Q1({kind: "interestCoverage", threshold: 1.5, consequence: waiver}, {kind: "interestCoverage", threshold: 2, consequence: waiver})).toEqual(["b interestCoverage"]);
    // Leverage: "a" allows 6× (holds), "b" 4× (breached).
    expect(breachedIn2026Q1({kind: "maximumLeverage", threshold: 6, consequence: waiver}, {kind: "maximumLeverage", threshold: 4, consequence: waiver})).toEqual(["b maximumLeverage"]);
    // Liquidity: cash 20 against "a" 10 (holds) and "b" 30 (breached).
    expect(breachedIn2026Q1({kind: "minimumLiquidity", threshold: 10, consequence: waiver}, {kind: "minimumLiquidity", threshold: 30, consequence: waiver})).toEqual(["b minimumLiquidity"]);
  });

  it("refuses an equity cure of a ratio covenant", () => {
    expect(() => parseModelInput(plainCompany({facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}, covenants: [{kind: "dscr", threshold: 1, consequence: {type: "equityCure", limit: 10}}]}]})))
      .toThrow(/covenants\[0\]\.consequence: an equity cure here cures minimum liquidity only/);
  });
});

describe("leases as a fixed charge", () => {
  const withLeases = runDecimal(plainCompany({
    leases: {paymentPerQuarter: 10, liability: 400, remainingQuarters: 4},
    facilities: [{...loan, rate: {type: "fixed", annualRate: 0.08}}]
  }));

  it("pays them in cash out of operating cash flow", () => {
    expect(ledgerColumn(withLeases, "operatingCashFlow")[0]).toBe("40");
    expect(ledgerColumn(withLeases, "closingCash")[0]).toBe("1020");
  });

  it("shows coverage and leverage both without and with them", () => {
    const m = withLeases.quarters[0]!.metrics;
    // EBITDA 50 / interest 20 = 2.5×; with leases 50 / (20 + 10) = 1.67×.
    expect(m.interestCoverageEbitda!.toString()).toBe("2.5");
    expect(m.fixedChargeCoverage!.toFixed(4)).toBe("1.6667");
    // Net debt (1,000 − 1,020) / 200 = −0.1×; with the lease liability left (300): 280 / 200 = 1.4×.
    expect(m.netLeverage!.toString()).toBe("-0.1");
    expect(m.netLeverageWithLeases!.toString()).toBe("1.4");
    expect(ledgerColumn(withLeases, "leaseLiability")).toEqual(["300", "200", "100", "0"]);
  });
});

describe("the cash sweep", () => {
  it("repays term facilities in their listed order with a share of cash above minimum cash and a buffer", () => {
    // Interest 5 + 25: cash 1,000 + 50 − 30 = 1,020; above 500 + 100: 420; half of it, 210,
    // goes to the senior loan (200, repaid whole) and then 10 to the junior.
    const p = runDecimal(plainCompany({
      quarters: 1, minimumCash: 500, cashSweep: {share: 0.5, buffer: 100},
      facilities: [
        {id: "senior", name: "Senior", principal: 200, rate: {type: "fixed", annualRate: 0.1}, maturity: "2027Q4"},
        {id: "junior", name: "Junior", principal: 800, rate: {type: "fixed", annualRate: 0.125}, maturity: "2027Q4"}
      ]
    }));
    expect(ledgerColumn(p, "sweepRepayment")).toEqual(["210"]);
    expect(facilityColumn(p, "senior", "closing")).toEqual(["0"]);
    expect(facilityColumn(p, "junior", "closing")).toEqual(["790"]);
    expect(ledgerColumn(p, "closingCash")).toEqual(["810"]);
  });
});

describe("optional prepayment", () => {
  const dear = {id: "dear", name: "Dear", principal: 600, rate: {type: "fixed" as const, annualRate: 0.12}, maturity: "2027Q4"};
  const cheap = {id: "cheap", name: "Cheap", principal: 400, rate: {type: "fixed" as const, annualRate: 0.06}, maturity: "2027Q4"};

  it("repays the amount asked from cash above the minimum, with its call premium, and nothing in other quarters", () => {
    // Interest 18 + 6: cash 1,000 + 50 − 24 = 1,026 at the end of 2026Q1. 2026Q2: interest
    // 18 + 6 again, cash 1,052 before prepaying 250 of the dear loan at a
    // 2 % premium (5): 1,052 − 255 = 797. Its balance falls to 350, and so does its interest
    // from 2026Q3: 10.5.
    const p = runDecimal(plainCompany({minimumCash: 100, facilities: [{...dear, prepayments: [{quarter: "2026Q2", amount: 250}], prepaymentPremium: 0.02}, cheap]}));
    expect(facilityColumn(p, "dear", "prepaid")).toEqual(["0", "250", "0", "0"]);
    expect(facilityColumn(p, "dear", "prepaymentPremium")).toEqual(["0", "5", "0", "0"]);
    expect(facilityColumn(p, "dear", "closing")).toEqual(["600", "350", "350", "350"]);
    expect(facilityColumn(p, "dear", "interest")).toEqual(["18", "18", "10.5", "10.5"]);
    expect(ledgerColumn(p, "prepayment")).toEqual(["0", "250", "0", "0"]);
    expect(ledgerColumn(p, "prepaymentPremium")).toEqual(["0", "5", "0", "0"]);
    expect(ledgerColumn(p, "repaid")).toEqual(["0", "250", "0", "0"]);
    expect(ledgerColumn(p, "closingCash").slice(0, 3)).toEqual(["1026", "797", "830.5"]);
  });

  it("is not debt service: DSCR, the regime and runway see only what is due", () => {
    const plain = runDecimal(plainCompany({facilities: [dear]}));
    const prepaid = runDecimal(plainCompany({facilities: [{...dear, prepayments: [{quarter: "2026Q1", amount: 300}], prepaymentPremium: 0.01}]}));
    const [a, b] = [plain.quarters[0]!, prepaid.quarters[0]!];
    expect(b.metrics.dscr!.eq(a.metrics.dscr!)).toBe(true);
    expect(b.metrics.runwayQuarters).toEqual(a.metrics.runwayQuarters);
    expect(b.regime).toBe(a.regime);
    expect(b.ledger.fees.eq(a.ledger.fees)).toBe(true);
  });

  it("is limited by the cash above the minimum: prepayment and premium take exactly that, and cash lands on the minimum", () => {
    // Cash before prepaying: 1,000 + 50 − 18 = 1,032; above 900: 132, which buys 132 / 1.1 = 120
    // of principal and a 12 premium, not the 500 asked.
    const p = runDecimal(plainCompany({quarters: 1, minimumCash: 900, facilities: [{...dear, prepayments: [{quarter: "2026Q1", amount: 500}], prepaymentPremium: 0.1}]}));
    expect(facilityColumn(p, "dear", "prepaid")).toEqual(["120"]);
    expect(facilityColumn(p, "dear", "prepaymentPremium")).toEqual(["12"]);
    expect(ledgerColumn(p, "closingCash")).toEqual(["900"]);
  });

  it("is never borrowed for: below the minimum nothing is prepaid, and the revolver is repaid first", () => {
    const short = runDecimal(plainCompany({quarters: 1, openingCash: 0, minimumCash: 100, newBorrowing: {limit: 1000, spread: 0.05, tenorQuarters: 8},
      facilities: [{...dear, prepayments: [{quarter: "2026Q1", amount: 100}]}]}));
    expect(facilityColumn(short, "dear", "prepaid")).toEqual(["0"]);
    // Cash 1,032 repays the revolver's 500 first (to 532), then prepays up to what is above 100.
    const drawn = runDecimal(plainCompany({quarters: 1, minimumCash: 100, revolver: {capacity: 1000, drawn: 500, rate: {type: "fixed", annualRate: 0}},
      facilities: [{...dear, prepayments: [{quarter: "2026Q1", amount: 1000}]}]}));
    expect(ledgerColumn(drawn, "revolverRepayment")).toEqual(["500"]);
    expect(facilityColumn(drawn, "dear", "prepaid")).toEqual(["432"]);
  });

  it("takes at most the balance, and facilities prepaying in one quarter go in listed order", () => {
    // Cash 800 + 50 − 24 = 826: the dear loan's 600 in full (not the 2,000 asked), then the
    // cheap one takes the 226 left.
    const p = runDecimal(plainCompany({quarters: 1, openingCash: 800, facilities: [
      {...dear, prepayments: [{quarter: "2026Q1", amount: 2000}]},
      {...cheap, prepayments: [{quarter: "2026Q1", amount: 2000}]}
    ]}));
    expect(facilityColumn(p, "dear", "prepaid")).toEqual(["600"]);
    expect(facilityColumn(p, "cheap", "prepaid")).toEqual(["226"]);
    expect(ledgerColumn(p, "closingCash")).toEqual(["0"]);
  });

  it("is refused at or after maturity, and before the projection, naming the field", () => {
    expect(() => parseModelInput(plainCompany({facilities: [{...dear, prepayments: [{quarter: "2027Q4", amount: 10}]}]})))
      .toThrow(/facilities\[0\]\.prepayments\[0\]\.quarter: is not before the facility matures/);
    expect(() => parseModelInput(plainCompany({facilities: [{...dear, prepayments: [{quarter: "2025Q4", amount: 10}]}]})))
      .toThrow(/facilities\[0\]\.prepayments\[0\]\.quarter: is before the projection starts/);
  });
});

describe("covenants end with the loan", () => {
  const covenanted = {id: "short", name: "Short loan", principal: 200, rate: {type: "fixed" as const, annualRate: 0.1}, maturity: "2026Q2",
    covenants: [{kind: "minimumLiquidity" as const, threshold: 5000, consequence: {type: "waiver" as const, fee: 1, spreadStepUp: 0}}]};
  const other = {id: "other", name: "Other loan", principal: 800, rate: {type: "fixed" as const, annualRate: 0.1}, maturity: "2027Q4"};

  it("tests a loan's covenants while it is owed, and no more once it is repaid at maturity", () => {
    // Liquidity (about 1,000) is always short of 5,000. The loan is repaid at the end of
    // 2026Q2, when the test falls: by then it is owed nothing, and is not tested.
    const p = runDecimal(plainCompany({facilities: [covenanted, other]}));
    expect(p.events.filter((e) => e.kind === "covenantBreach").map((e) => e.quarter)).toEqual(["2026Q1"]);
  });

  it("lets a prepayment in full end them early", () => {
    // Prepaid in full at the end of 2026Q1: its covenant is not tested that quarter or after.
    const p = runDecimal(plainCompany({facilities: [{...covenanted, prepayments: [{quarter: "2026Q1", amount: 200}]}, other]}));
    expect(facilityColumn(p, "short", "prepaid")[0]).toBe("200");
    expect(p.events.filter((e) => e.kind === "covenantBreach")).toEqual([]);
    expect(p.firstBreachQuarter).toBeNull();
  });

  it("keeps them while something is still to be drawn", () => {
    // Repaid to nothing by a prepayment, but with a draw to come in 2026Q2: still bound.
    const p = runDecimal(plainCompany({facilities: [{...covenanted, maturity: "2026Q4", draws: [{quarter: "2026Q2", amount: 100}], prepayments: [{quarter: "2026Q1", amount: 200}]}, other]}));
    expect(p.events.filter((e) => e.kind === "covenantBreach").map((e) => e.quarter)).toEqual(["2026Q1", "2026Q2", "2026Q3"]);
  });
});
