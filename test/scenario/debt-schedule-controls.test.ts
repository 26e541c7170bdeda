import {describe, expect, it} from "vitest";
import {benchCompany, benchCompanyAllFeatures} from "../../bench/company.js";
import {floatArithmetic, parseModelInput, project} from "../../src/model/index.js";
import {applyControls, controlsOf, controlValueText, DEBT_SCHEDULE_ASSUMPTIONS, prepaymentTarget, type Controls} from "../../src/scenario/controls.js";
import {assumptionsSchema} from "../../src/scenario/scenario.js";

const plain = controlsOf(benchCompany);
// The controls used to hold the bench company's growth at its first rate; these examples were
// worked on that company, so they hold it too (no fade).
const run = (controls: Partial<Controls>, base = benchCompany) => project(applyControls(base, {...controlsOf(base), fadeQuarters: 0, ...controls}), floatArithmetic);
const termInterest = (controls: Partial<Controls>) => run(controls).quarters.map((q) => q.ledger.facilities.slice(0, benchCompany.facilities.length).reduce((sum, f) => sum + f.interest, 0));

describe("the debt-schedule controls", () => {
  it("start from the base's own terms and, unmoved, give back its facilities untouched", () => {
    expect(plain).toMatchObject({averageBalanceInterest: 0, pikSharePct: 0, hedgedSharePct: 0, cashSweepPct: 0, leasePayments: 0, prepaymentAmount: 0, prepaymentQuarter: 1, prepaymentPremiumPct: 0, liquidityCovenant: 0, coverageCovenant: 0, covenantConsequence: 0});
    expect(applyControls(benchCompany, plain).facilities).toBe(benchCompany.facilities);
    const all = controlsOf(benchCompanyAllFeatures);
    expect(all).toMatchObject({averageBalanceInterest: 1, cashSweepPct: 25, leasePayments: 150, liquidityCovenant: 300, coverageCovenant: 1.5});
    // Facilities whose terms differ (swaps and caps at several rates) keep them.
    const again = applyControls(benchCompanyAllFeatures, all);
    expect(again.facilities).toBe(benchCompanyAllFeatures.facilities);
    expect(again.interestConvention).toBe("average");
  });

  it("pay the chosen share of interest in kind on loans that are not annuities", () => {
    const p = run({pikSharePct: 50});
    const q = p.quarters[0]!.ledger;
    expect(q.pikInterest).toBeGreaterThan(0);
    const eligible = benchCompany.facilities.map((f, i) => ({f, row: q.facilities[i]!})).filter(({f}) => f.amortisation?.type !== "annuity");
    expect(q.pikInterest).toBeCloseTo(eligible.reduce((sum, {row}) => sum + row.interest * 0.5, 0), 6);
  });

  it("with every floating loan swapped to today's rate, leave the term loans' interest where it was when rates rise", () => {
    const hedged = termInterest({hedgedSharePct: 100, rateChangeBp: 300});
    const today = termInterest({rateChangeBp: plain.rateChangeBp});
    const unhedged = termInterest({rateChangeBp: 300});
    // The same balances at the same rates: swapped at today's rate, a shock changes nothing.
    hedged.slice(0, 4).forEach((interest, q) => expect(interest).toBeCloseTo(today[q]!, 6));
    expect(termInterest({hedgedSharePct: 100, rateChangeBp: 0})[0]).toBeCloseTo(today[0]!, 6);
    expect(unhedged[0]!).toBeLessThan(today[0]! - 1);
  });

  it("take a share of cash above the minimum to repay term loans", () => {
    const swept = run({cashSweepPct: 100, minimumCash: 500});
    expect(swept.quarters.some((q) => q.ledger.sweepRepayment > 0)).toBe(true);
    expect(run({}).quarters.every((q) => q.ledger.sweepRepayment === 0)).toBe(true);
  });

  it("prepay the dearest term loan still outstanding, in the chosen quarter, from cash above the minimum", () => {
    // The bench company's dearest loan at today's rate (4.3 %): facility 9, floating at
    // 4.3 % + 8 % = 12.3 %, above facility 10's fixed 7 % + 9 × 0.4 % = 10.6 %.
    const target = prepaymentTarget(benchCompany, {...plain, prepaymentAmount: 300, prepaymentQuarter: 8});
    expect(target).toEqual({index: 8, name: "Facility 9", quarter: "2027Q4"});
    // With the reference rate at −2 %, facility 9 bears its 1 % floor + 8 % = 9 %: facility 10 is dearest.
    expect(prepaymentTarget(benchCompany, {...plain, prepaymentAmount: 300, prepaymentQuarter: 8, rateChangeBp: -200})?.name).toBe("Facility 10");
    // Nothing asked, or nothing outstanding that late: no target.
    expect(prepaymentTarget(benchCompany, {...plain, prepaymentAmount: 0})).toBeNull();
    expect(prepaymentTarget({...benchCompany, facilities: benchCompany.facilities.slice(0, 1)}, {...plain, prepaymentAmount: 300, prepaymentQuarter: 8})).toBeNull();
    // Growing 30 % a quarter, the company holds cash above its minimum by then.
    const rich = run({prepaymentAmount: 300, prepaymentQuarter: 8, prepaymentPremiumPct: 2, growthPct: 30});
    const q = rich.quarters[7]!.ledger;
    expect(q.facilities[8]!.prepaid).toBeCloseTo(300, 6);
    expect(q.prepaymentPremium).toBeCloseTo(6, 6);
    expect(rich.quarters.filter((x) => x.ledger.prepayment > 0).map((x) => x.ledger.quarter)).toEqual(["2027Q4"]);
    // Growing as the base does, it holds only its minimum cash: nothing to prepay with.
    expect(run({prepaymentAmount: 300, prepaymentQuarter: 8}).quarters.every((x) => x.ledger.prepayment === 0)).toBe(true);
  });

  it("read a base's single prepayment back, and give the base back untouched", () => {
    const prepaying = {...benchCompany, facilities: benchCompany.facilities.map((f, i) => i === 8 ? {...f, prepayments: [{quarter: "2026Q4", amount: 250}], prepaymentPremium: 0.01} : f)};
    const controls = controlsOf(prepaying);
    expect(controls).toMatchObject({prepaymentAmount: 250, prepaymentQuarter: 4, prepaymentPremiumPct: 1});
    expect(applyControls(prepaying, controls).facilities).toBe(prepaying.facilities);
    // Moved to zero, no facility prepays.
    expect(applyControls(prepaying, {...controls, prepaymentAmount: 0}).facilities.every((f) => (f.prepayments ?? []).length === 0)).toBe(true);
  });

  it("book lease payments as a fixed charge with a liability of the stated quarters of payments", () => {
    const q = run({leasePayments: 200}).quarters[0]!.ledger;
    expect(q.leasePayments).toBe(200);
    expect(q.leaseLiability).toBeCloseTo(200 * DEBT_SCHEDULE_ASSUMPTIONS.leaseQuarters * (1 - 1 / DEBT_SCHEDULE_ASSUMPTIONS.leaseQuarters), 6);
  });

  it("test a covenant on every term loan, with the chosen consequence", () => {
    // A minimum liquidity far above what the company holds breaches at once.
    const waived = run({liquidityCovenant: 5000, covenantConsequence: 0});
    expect(waived.firstBreachQuarter).toBe(benchCompany.start);
    const breach = waived.events.find((e) => e.kind === "covenantBreach");
    expect(breach).toMatchObject({covenant: "minimumLiquidity", threshold: 5000, consequence: "waiver"});
    // A waiver's fee lands with the next quarter's fees.
    expect(waived.quarters[1]!.ledger.fees).toBeGreaterThan(run({}).quarters[1]!.ledger.fees);
    const cured = run({liquidityCovenant: 5000, covenantConsequence: 1});
    expect(cured.quarters[0]!.ledger.equityCure).toBeGreaterThan(0);
    const accelerated = run({coverageCovenant: 5, covenantConsequence: 2});
    expect(accelerated.events.find((e) => e.kind === "covenantBreach")).toMatchObject({covenant: "interestCoverage", consequence: "accelerate"});
    expect(accelerated.quarters[1]!.ledger.principalDue).toBeGreaterThan(run({}).quarters[1]!.ledger.principalDue);
  });

  it("word a choice by its option, and refuse a fraction of one", () => {
    expect(controlValueText("covenantConsequence", 2)).toBe("acceleration");
    expect(controlValueText("averageBalanceInterest", 1)).toBe("the average balance");
    expect(controlValueText("pikSharePct", 25)).toBe("25");
    expect(assumptionsSchema.safeParse({covenantConsequence: 1.5}).success).toBe(false);
    expect(assumptionsSchema.safeParse({covenantConsequence: 3}).success).toBe(false);
    expect(assumptionsSchema.safeParse({covenantConsequence: 1}).success).toBe(true);
  });

  it("never make an input the model refuses, at any end of their ranges", () => {
    for (const extreme of [0, 1] as const) {
      const pick = (min: number, max: number) => extreme ? max : min;
      const controls: Partial<Controls> = {
        averageBalanceInterest: pick(0, 1), pikSharePct: pick(0, 100), hedgedSharePct: pick(0, 100), cashSweepPct: pick(0, 100),
        leasePayments: pick(0, 3000), liquidityCovenant: pick(0, 5000), coverageCovenant: pick(0, 5), covenantConsequence: pick(0, 2),
        prepaymentAmount: pick(0, 5000), prepaymentQuarter: pick(1, 20), prepaymentPremiumPct: pick(0, 10)
      };
      expect(() => parseModelInput(applyControls(benchCompany, {...plain, ...controls}))).not.toThrow();
    }
  });
});
