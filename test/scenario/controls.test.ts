import {describe, expect, it} from "vitest";
import {companyTables} from "../../data-loaders/dataset.js";
import {addQuarters, decimalArithmetic, parseModelInput, project} from "../../src/model/index.js";
import {BASE_ASSUMPTIONS, baseCase} from "../../src/scenario/base-case.js";
import {tablesAsOf} from "../../src/scenario/as-of.js";
import {applyControls, controlsOf} from "../../src/scenario/controls.js";

// The worked examples pin the dataset as it stood at 2025-06-30 (with the notes issued that
// July), so that their numbers stay in view as the dataset grows; the base case from the
// latest filing is specified below them.
const all = companyTables();
const tables = tablesAsOf(all, "2025-06-30", "2025-07-31");
const base = baseCase(tables.financials, tables.facilities, tables.discounts, tables.issuances);
const latest = baseCase(all.financials, all.facilities, all.discounts, all.issuances, all.commitments);

describe("the base case's undrawn committed facilities", () => {
  const ddtl4 = latest.input.facilities.find((f) => f.name === "DDTL 4.0 (non-recourse)")!;

  it("draws what DDTL 4.0 has left, 8,500 − 2,837 = 5,663, in equal parts over its window: 1,415.75 a quarter, 2026Q3 to 2027Q2", () => {
    expect(latest.input.start).toBe("2026Q3");
    expect(ddtl4.principal).toBe(2837);
    expect(ddtl4.draws).toEqual(["2026Q3", "2026Q4", "2027Q1", "2027Q2"].map((quarter) => ({quarter, amount: 1415.75})));
    const undrawn = latest.provenance.find((p) => p.input === "DDTL 4.0 (non-recourse): undrawn commitment")!;
    expect(undrawn).toMatchObject({status: "derived", value: "5,663 USD m of 8,500 USD m committed, drawable through 2027-06"});
    expect(undrawn.basis).toMatch(/h3-crwv-workbook-script/);
    expect(latest.provenance.find((p) => p.input === "DDTL 4.0 (non-recourse): draws")?.status).toBe("assumption");
  });

  it("draws them whether or not markets are open: committed, the shut quarters book the same draws", () => {
    const drawsOf = (input: typeof latest.input) => project(input, decimalArithmetic).quarters.slice(0, 5).map((q) => q.ledger.scheduledDraws.toNumber());
    const shut = {...latest.input, refinancing: {...latest.input.refinancing!, marketShut: [{from: "2026Q3", to: "2027Q4"}]}};
    expect(drawsOf(latest.input)).toEqual([1415.75, 1415.75, 1415.75, 1415.75, 0]);
    expect(drawsOf(shut)).toEqual(drawsOf(latest.input));
  });

  it("draw nothing without a settled commitment: the unconfirmed one, or none, leaves the facility as listed", () => {
    const unconfirmed = all.commitments.map((c) => ({...c, status: "unconfirmed"}));
    const without = baseCase(all.financials, all.facilities, all.discounts, all.issuances, unconfirmed);
    expect(without.input.facilities.find((f) => f.name === ddtl4.name)?.draws ?? []).toEqual([]);
    expect(without.provenance.some((p) => p.input.startsWith("DDTL 4.0 (non-recourse): undrawn"))).toBe(false);
    // DDTL 3.0's window (to 2026-07) is stated by one source only: it draws nothing more.
    expect(all.commitments.find((c) => c.facility === "DDTL 3.0")?.status).toBe("unconfirmed");
    expect(latest.input.facilities.find((f) => f.name === "DDTL 3.0")?.draws ?? []).toEqual([]);
  });
});

describe("the base case from the latest filing", () => {
  const balanceDates = all.financials.filter((f) => f.measure === "balance" && f.line_item === "cash_and_cash_equivalents").map((f) => f.period_end).sort();
  const latestDate = balanceDates.at(-1)!;
  const at = (item: string) => all.financials.find((f) => f.line_item === item && f.period_end === latestDate && f.measure === "balance");

  it("opens at the latest balance sheet, which the latest debt table shares, and projects from the quarter after", () => {
    expect(latest.asOf.date).toBe(latestDate);
    expect(all.facilities.map((f) => f.as_of).sort().at(-1)).toBe(latestDate);
    expect(latest.input.start > latest.lastReportedQuarter).toBe(true);
    expect(latest.lastReportedQuarter).toBe(all.financials.find((f) => f.period_end === latestDate && f.measure === "balance")!.period);
  });

  it("opens with the cash the balance sheet reports, said to be reported", () => {
    expect(latest.input.openingCash).toBe(at("cash_and_cash_equivalents")!.value);
    expect(latest.provenance.find((p) => p.input === "Opening cash")?.status).toBe("reported");
  });

  it("opens with each facility of the latest debt table, whose principal adds up to the total the filing reports", () => {
    const table = all.facilities.filter((f) => f.as_of === latestDate && f.principal > 0 && !/revolving/i.test(f.facility));
    expect(latest.input.facilities.map((f) => f.name).sort()).toEqual(table.map((f) => f.facility).sort());
    const opening = latest.input.facilities.reduce((sum, f) => sum + f.principal, 0) + (latest.input.revolver?.drawn ?? 0);
    expect(opening).toBeCloseTo(at("total_debt_principal")!.value, 6);
  });

  it("calibrates capex, margin and growth on the last four reported quarters, and says so", () => {
    const lastFour = [4, 3, 2, 1].map((n) => {
      const [y, q] = [Number(latest.input.start.slice(0, 4)), Number(latest.input.start.slice(5))];
      const o = y * 4 + q - 1 - n;
      return `${Math.floor(o / 4)}Q${(o % 4) + 1}`;
    });
    const capex = lastFour.map((q) => all.financials.find((f) => f.line_item === "purchases_of_property_and_equipment" && f.period === q)!.value);
    expect(latest.input.capex).toBe(Math.round(capex.reduce((a, b) => a + b, 0) / 4));
    for (const input of ["Capex a quarter", "EBITDA margin", "Revenue growth a quarter", "Depreciation"]) {
      const p = latest.provenance.find((x) => x.input === input)!;
      expect(p.status, input).toBe("derived");
      expect(p.basis, input).toMatch(/last four quarters|derived|2026Q2/);
    }
  });

  it("calibrates the capital intensity on the same four quarters: their capex over four times the revenue added, to 0.01, and has capex follow growth", () => {
    const quarter = (n: number) => {
      const o = Number(latest.input.start.slice(0, 4)) * 4 + Number(latest.input.start.slice(5)) - 1 - n;
      return `${Math.floor(o / 4)}Q${(o % 4) + 1}`;
    };
    const value = (item: string, q: string) => all.financials.find((f) => f.line_item === item && f.period === q)!.value;
    const capex = [4, 3, 2, 1].reduce((sum, n) => sum + value("purchases_of_property_and_equipment", quarter(n)), 0);
    const added = value("revenue", quarter(1)) - value("revenue", quarter(5));
    expect(latest.input.capexIntensity).toEqual({perAddedAnnualRevenue: Math.round((capex / (4 * added)) * 100) / 100, leadQuarters: 2, follows: true});
    expect(latest.provenance.find((p) => p.input === "Capital intensity")?.status).toBe("derived");
    expect(latest.provenance.find((p) => p.input === "Capex lead time")?.status).toBe("assumption");
  });

  it("holds the reported capex vintages, each quarter as the dataset has it, a year held only whole split evenly and marked an assumption", () => {
    const quarterly = all.financials.filter((f) => f.line_item === "purchases_of_property_and_equipment" && /^\d{4}Q\d$/.test(f.period) && f.period < latest.input.start);
    const vintages = parseModelInput(latest.input).depreciation.vintages;
    for (const f of quarterly) expect(vintages.find((v) => v.quarter === f.period)?.amount, f.period).toBe(f.value);
    const fy2023 = all.financials.find((f) => f.line_item === "purchases_of_property_and_equipment" && f.period === "FY2023")!;
    expect(vintages.filter((v) => v.quarter.startsWith("2023")).map((v) => v.amount)).toEqual([1, 2, 3, 4].map(() => fy2023.value / 4));
    expect(latest.provenance.find((p) => p.input === "Capex vintages of FY2023")?.status).toBe("assumption");
    expect(latest.provenance.find((p) => p.input === "Capex vintages before the start")?.status).toBe("reported");
  });

  it("keeps the last reported D&A in the first quarter, plus the first charge on the last quarter's purchases", () => {
    const input = parseModelInput(latest.input);
    const last = (item: string) => all.financials.find((f) => f.line_item === item && f.period === addQuarters(input.start, -1))!.value;
    const life = input.depreciation.capexLifeQuarters;
    const first = project(input, decimalArithmetic).quarters[0]!.ledger.depreciation.toNumber();
    // The vintages' charge in the last reported quarter is inside its D&A (to the 0.001 the residual is kept to);
    // the first projected quarter adds the last reported quarter's purchases ÷ life.
    expect(first).toBeCloseTo(last("depreciation_and_amortization") + last("purchases_of_property_and_equipment") / life, 2);
  });

  it("opens the backlog at the latest figure held at the opening date, with the term the filing's recognition schedule implies, cited", () => {
    const last = latest.lastReportedQuarter;
    const held = (item: string, period: string) => all.financials.find((f) => f.line_item === item && f.period === period);
    // RPO where held at that date, else the revenue backlog (at 2026-06-30 the dataset holds only the latter).
    const opening = held("remaining_performance_obligations", last) ?? held("revenue_backlog", last)!;
    const backlog = latest.input.revenue.backlog!;
    expect(backlog.opening).toBe(opening.value);
    // 41 % within 8 quarters: (1 − 1/T)^8 = 0.59, T = 1 ÷ (1 − 0.59^(1/8)) = 15.67 quarters.
    const {share, withinQuarters} = BASE_ASSUMPTIONS.recognitionSchedule;
    expect(backlog.termQuarters).toBe(15.67);
    expect(1 - (1 - 1 / backlog.termQuarters) ** withinQuarters).toBeCloseTo(share, 3);
    const term = latest.provenance.find((p) => p.input === "Backlog's weighted term")!;
    expect(term.status).toBe("derived");
    expect(term.basis).toContain("0001769628-26-000366");
    expect(backlog.follows).toBe(false);
    expect(latest.provenance.find((p) => p.input === "Revenue follows")?.status).toBe("assumption");
  });

  it("calibrates the term on the last quarter's revenue where no schedule is at hand, and says it is not disclosed", () => {
    // As of 2026-03-31: RPO 98,767 over 2026Q1 revenue 2,078 = 47.53 quarters; bookings over
    // the four quarters from 2025Q1's RPO: (98,767 − 14,700 + 1,212.788 + 1,364.676 + 1,571.904 + 2,078) ÷ 4 = 22,573.59 → 22,574.
    const q1 = tablesAsOf(all, "2026-03-31", "2026-04-30");
    const march = baseCase(q1.financials, q1.facilities, q1.discounts, q1.issuances);
    expect(march.input.revenue.backlog).toEqual({opening: 98767, bookings: 22574, termQuarters: 47.53, follows: false});
    expect(march.provenance.find((p) => p.input === "Backlog's weighted term")!.basis).toMatch(/^calibrated, not disclosed/);
    // As of 2025-06-30 the dataset holds no backlog at the opening date: revenue follows growth only.
    expect(base.input.revenue.backlog).toBeUndefined();
    expect(base.provenance.find((p) => p.input === "Backlog at the start")?.status).toBe("assumption");
  });

  it("derives bookings a quarter from the backlog's change plus the revenue recognised, over the longest span of up to four quarters held", () => {
    const last = latest.lastReportedQuarter;
    const item = latest.provenance.find((p) => p.input === "Backlog at the start")!.basis.startsWith("revenue backlog") ? "revenue_backlog" : "remaining_performance_obligations";
    const held = (i: string, period: string) => all.financials.find((f) => f.line_item === i && f.period === period);
    const back = (n: number) => {
      const o = Number(last.slice(0, 4)) * 4 + Number(last.slice(5)) - 1 - n;
      return `${Math.floor(o / 4)}Q${(o % 4) + 1}`;
    };
    const span = [4, 3, 2, 1].find((n) => held(item, back(n)))!;
    const revenue = Array.from({length: span}, (_, j) => held("revenue", back(j))!.value).reduce((a, b) => a + b, 0);
    // At 2026Q2: (104,200 − 55,600 + 1,571.904 + 2,078 + 2,575) ÷ 3 = 18,274.968 → 18,275.
    expect(latest.input.revenue.backlog!.bookings).toBe(Math.round((held(item, last)!.value - held(item, back(span))!.value + revenue) / span));
    expect(latest.provenance.find((p) => p.input === "Bookings a quarter")?.status).toBe("derived");
  });

  it("takes the largest customer's share from the latest quarter held, cited, and has it keep paying", () => {
    const shares = all.financials.filter((f) => f.line_item === "largest_customer_revenue_share" && /Q\d$/.test(f.period) && f.period <= latest.lastReportedQuarter).sort((a, b) => a.period.localeCompare(b.period));
    expect(latest.input.revenue.largestCustomer).toEqual({share: shares.at(-1)!.value / 100, because: "nonRenewal"});
    const p = latest.provenance.find((x) => x.input === "Largest customer's share of revenue")!;
    expect(p.status).toBe("reported");
    expect(p.basis).toContain(shares.at(-1)!.source);
  });

  it("keeps a debt table no independent source confirms out of the base case", () => {
    const shaky = all.facilities.map((f) => (f.as_of === latestDate ? {...f, status: "unconfirmed"} : f));
    const without = baseCase(all.financials, shaky, all.discounts, all.issuances);
    expect(without.asOf.date < latestDate).toBe(true);
  });
});

describe("the base case (worked examples on the dataset as of 2025-06-30)", () => {
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
    // Growth is the compound rate of the four quarters to 2025Q2, to 0.01 %: 2024Q2 to 2025Q2 revenue, to the 1/4 power.
    const growth = Math.round(((1212.788 / 395.371) ** 0.25 - 1) * 10000) / 10000;
    expect(q3.revenue.toNumber()).toBeCloseTo(1212.788 * (1 + growth), 9);
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
    expect(base.provenance.find((p) => p.input === "Opening cash")?.status).toBe("reported");
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

  it("stop the largest customer from the quarter chosen: its share of revenue goes from then on", () => {
    const input = applyControls(base.input, {...controls, largestCustomerSharePct: 60, largestCustomerStopsQuarter: 1});
    expect(input.revenue.largestCustomer).toEqual({share: 0.6, stopsFrom: base.input.start, because: "nonRenewal"});
    // 1,212.788 × (1 + the first quarter's growth) × (1 − 0.6): the others' 40 %.
    const growth = (base.input.revenue.growth as number[])[0]!;
    expect(project(input, decimalArithmetic).quarters[0]!.ledger.revenue.toNumber()).toBeCloseTo(1212.788 * (1 + growth) * 0.4, 9);
  });
});
