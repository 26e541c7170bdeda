import {describe, expect, it} from "vitest";
import {companyTables} from "../../data-loaders/dataset.js";
import {decimalArithmetic, project} from "../../src/model/index.js";
import {baseCase} from "../../src/scenario/base-case.js";
import {applyControls, controlsOf} from "../../src/scenario/controls.js";

const tables = companyTables();
const base = baseCase(tables.financials, tables.facilities, tables.discounts, tables.issuances);

describe("the base case", () => {
  it("starts the quarter after the latest debt table, from the revenue reported before it", () => {
    expect(base.input.start).toBe("2025Q3");
    expect(base.input.revenue.lastQuarter).toBe(1212.788);
  });

  it("carries every facility of that table with principal outstanding, the revolver apart, and the debt issued since", () => {
    expect(base.input.facilities.map((f) => f.name).sort()).toEqual(["2030 Senior Notes", "2031 Senior Notes", "DDTL 1.0 Facility", "DDTL 2.0 Facility", "Magnetar Loan", "OEM Financing Arrangements"]);
    expect(base.input.revolver?.drawn).toBe(450);
  });

  it("draws debt issued after the table in the quarter it was issued, at its coupon", () => {
    // The 9.000 % notes of July 25, 2025 (8-K): 1,750 drawn at the start of 2025Q3, due 2031Q1.
    const notes = base.input.facilities.find((f) => f.name === "2031 Senior Notes")!;
    expect(notes).toMatchObject({principal: 0, draws: [{quarter: "2025Q3", amount: 1750}], rate: {type: "fixed", annualRate: 0.09}, maturity: "2031Q1"});
    const q3 = project(base.input, decimalArithmetic).quarters[0]!.ledger;
    expect(q3.scheduledDraws.toNumber()).toBe(1750);
    const row = q3.facilities[base.input.facilities.indexOf(notes)]!;
    expect(row.interest.toString()).toBe("39.375"); // 1,750 × 9 % / 4
    // Issued on or before the table's date, the table itself lists it: not added twice.
    const listed = baseCase(tables.financials, tables.facilities, tables.discounts, tables.issuances.map((d) => ({...d, issued: "2025-06-15"})));
    expect(listed.input.facilities.map((f) => f.name)).not.toContain("2031 Senior Notes");
    expect(base.provenance.find((p) => p.input === "2031 Senior Notes")?.status).toBe("reported");
  });

  it("projects the first quarter's revenue close to what was then reported", () => {
    const q3 = project(base.input, decimalArithmetic).quarters[0]!.ledger;
    // Growth is Q3 over Q2 revenue to 0.01 %, so the first quarter lands within 0.01 % of Q2.
    expect(Math.abs(q3.revenue.toNumber() - 1364.676)).toBeLessThan(1212.788 * 0.0001);
  });

  it("splits interest as the debt note does: cash at contractual rates, the discount amortised apart, a share capitalised", () => {
    const figure = (item: string) => tables.financials.find((f) => f.line_item === item && f.period === "2025Q2")!.value;
    const contractual = figure("contractual_interest_expense"), amortised = figure("amortization_of_debt_discounts_and_issuance_costs");
    const cashShare = contractual / (contractual + amortised);
    // Each effective rate times the cash share, to a basis point.
    const effective = tables.facilities.filter((f) => f.as_of === "2025-06-30" && f.facility === "DDTL 2.0 Facility")[0]!;
    const ddtl2 = base.input.facilities.find((f) => f.name === "DDTL 2.0 Facility")!;
    expect(ddtl2.rate).toEqual({type: "floating", spread: Math.round(((effective.effective_rate_low! + effective.effective_rate_high!) / 2) * cashShare * 10000) / 10000});
    // The whole unamortised discount, spread over the facilities, and amortised by maturity.
    const discount = tables.discounts.find((d) => d.as_of === "2025-06-30")!.amount;
    expect(base.input.facilities.reduce((sum, f) => sum + (f.discount ?? 0), 0)).toBeCloseTo(discount, 9);
    const p = project({...base.input, quarters: 24}, decimalArithmetic);
    expect(p.quarters.reduce((sum, q) => sum + q.ledger.discountAmortisation.toNumber(), 0)).toBeCloseTo(discount, 6);
    const q3 = p.quarters[0]!.ledger;
    expect(q3.capitalisedInterest.toNumber() / q3.interest.toNumber()).toBeCloseTo(-figure("capitalized_interest") / contractual, 4);
    expect(q3.reportedInterestExpense.toNumber()).toBeCloseTo(q3.interest.plus(q3.discountAmortisation).minus(q3.capitalisedInterest).toNumber(), 9);
  });

  it("says for every input whether it is reported, derived or assumed", () => {
    expect(base.provenance.filter((p) => p.status === "assumption").map((p) => p.input)).toContain("Opening cash");
    expect(base.provenance.find((p) => p.input === "Revenue growth a quarter")?.status).toBe("derived");
    for (const p of base.provenance) expect(p.basis.length).toBeGreaterThan(5);
  });
});

describe("the page's controls", () => {
  const controls = controlsOf(base.input);

  it("reproduce the base case when left alone", () => {
    const same = project(applyControls(base.input, controls), decimalArithmetic);
    const original = project(base.input, decimalArithmetic);
    expect(same.quarters.map((q) => q.ledger.closingCash.toString())).toEqual(original.quarters.map((q) => q.ledger.closingCash.toString()));
  });

  it("move floating interest and not fixed: +100 bp raises interest by 1 % a year on floating debt only", () => {
    const up = project(applyControls(base.input, {...controls, rateChangeBp: 100}), decimalArithmetic).quarters[0]!.ledger;
    const flat = project(base.input, decimalArithmetic).quarters[0]!.ledger;
    const notes = up.facilities.findIndex((_, i) => base.input.facilities[i]?.name === "2030 Senior Notes");
    expect(up.facilities[notes]!.interest.eq(flat.facilities[notes]!.interest)).toBe(true);
    const floatingDebt = base.input.facilities.filter((f) => f.rate.type === "floating").reduce((s, f) => s + f.principal, 0) + 450;
    expect(up.interest.minus(flat.interest).toNumber()).toBeCloseTo(floatingDebt * 0.01 / 4, 6);
  });

  it("shut the markets for the quarters chosen", () => {
    const input = applyControls(base.input, {...controls, marketShutAfter: 2, marketShutQuarters: 4});
    expect(input.refinancing?.marketShut).toEqual([{from: "2025Q4", to: "2026Q3"}]);
  });

  it("take a lost customer's share off revenue from the first quarter", () => {
    expect(applyControls(base.input, {...controls, revenueLostPct: 60}).revenue.lastQuarter).toBeCloseTo(1212.788 * 0.4, 9);
  });
});
