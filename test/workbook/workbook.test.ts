import ExcelJS from "exceljs";
import {beforeAll, describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {companyTables} from "../../data-loaders/dataset.js";
import {decimalArithmetic, project, type ModelInputDraft} from "../../src/model/index.js";
import {applyControls, type Controls} from "../../src/scenario/controls.js";
import {scenarioWorkbook} from "../../src/scenario/workbook.js";
import {workbookModel, writeXlsx, type WorkbookModel, type WorkbookSources} from "../../src/workbook/index.js";
import {benchCompanyAllFeatures} from "../../bench/company.js";
import {centDifferences, rowValues} from "./compare.js";
import {recalculate, sofficePath} from "./libreoffice.js";

const {base, controls: baseControls} = baseInputs();
const documents = companyTables().sources as unknown as WorkbookSources["documents"];
const workbookOf = (controls: Controls) => scenarioWorkbook(base, {name: "test", title: "Test", description: "A scenario for the tests."}, controls, documents);

/** The model with the cells of input row `key` replaced, as a reader would type them in. */
function withInputs(model: WorkbookModel, key: string, cells: readonly number[]): WorkbookModel {
  return {...model, sheets: model.sheets.map((s) => s.name !== "Inputs" ? s : {...s, rows: s.rows.map((r) => (r.key === key ? {...r, cells} : r))})};
}

describe("the workbook export, recalculated in LibreOffice", () => {
  beforeAll(() => { sofficePath(); });

  it("holds every ledger and facility cell of the base scenario to the cent of the engine's decimal ledger", async () => {
    const model = workbookOf(baseControls);
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(applyControls(base.input, baseControls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    // Not a trivially empty comparison: 32 ledger lines and 12 per facility, each quarter.
    expect(rowValues(model, sheets, "Ledger", "closingDebt").every((v) => Number(v) > 1000)).toBe(true);
  });

  it("recomputes the model when an input is changed in the spreadsheet: the reference rate up 300 bp and growth cut to 2 %", async () => {
    const model = workbookOf(baseControls);
    const quarters = model.quarters.length;
    const changed = withInputs(withInputs(model, "baseRate", Array(quarters).fill(0.03)), "growth", Array(quarters).fill(0.02));
    const sheets = recalculate(await writeXlsx(changed, ExcelJS));
    const draft = applyControls(base.input, baseControls) as ModelInputDraft;
    const exact = project({...draft, baseRate: 0.03, revenue: {...draft.revenue, growth: 0.02}}, decimalArithmetic);
    expect(centDifferences(changed, sheets, exact)).toEqual([]);
    // The change bites: interest in the last quarter is not the base scenario's.
    const baseline = project(draft, decimalArithmetic);
    expect(exact.quarters.at(-1)!.ledger.interest.gt(baseline.quarters.at(-1)!.ledger.interest)).toBe(true);
  });

  it("follows every debt-schedule feature: average-balance interest, payment in kind, a swap, a prepayment, a cash sweep, leases and shut markets", async () => {
    // Capex held low, at a pace (not following growth), so that there is cash above the minimum for the sweep and the prepayment to take.
    const controls: Controls = {...baseControls, capexFollowsGrowth: 0, capex: 1000, averageBalanceInterest: 1, pikSharePct: 25, hedgedSharePct: 50, rateChangeBp: 150, cashSweepPct: 40, growthPct: 20, leasePayments: 150, marketShutAfter: 3, marketShutQuarters: 2,
      prepaymentAmount: 150, prepaymentQuarter: 10, prepaymentPremiumPct: 1.5};
    const model = workbookOf(controls);
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    const total = (line: "pikInterest" | "sweepRepayment" | "leasePayments" | "prepayment") => exact.quarters.reduce((sum, q) => sum + q.ledger[line].toNumber(), 0);
    expect(total("pikInterest")).toBeGreaterThan(0);
    expect(total("sweepRepayment")).toBeGreaterThan(0);
    expect(total("leasePayments")).toBeGreaterThan(0);
    // The prepayment is made in full, and the sweep takes from what it leaves.
    expect(total("prepayment")).toBeCloseTo(150, 9);
  });

  it("raises no equity in the quarters markets are shut when they shut equity too, as the engine does", async () => {
    // 400 a quarter for eight quarters; markets shut in quarters 3 to 5: equity comes in quarters 1, 2, 6, 7 and 8.
    const controls: Controls = {...baseControls, equityRaisedPerQuarter: 400, equityRaisedQuarters: 8, marketShutAfter: 3, marketShutQuarters: 3, marketShutIncludesEquity: 1};
    const model = workbookOf(controls);
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    const expected = exact.quarters.map((_, t) => ([0, 1, 5, 6, 7].includes(t) ? 400 : 0));
    expect(exact.quarters.map((q) => q.ledger.equityRaised.toNumber())).toEqual(expected);
    expect(rowValues(model, sheets, "Ledger", "equityRaised").map(Number)).toEqual(expected);
    // Typed into the spreadsheet: equity markets open again (the cell to 0), the shut quarters raise it too.
    const reopened = withInputs(model, "equityShut", [0]);
    const again = recalculate(await writeXlsx(reopened, ExcelJS));
    expect(rowValues(reopened, again, "Ledger", "equityRaised").map(Number)).toEqual(exact.quarters.map((_, t) => (t < 8 ? 400 : 0)));
  });

  it("computes the metrics and the Minsky regime as the engine does, n/m where a ratio is not meaningful", async () => {
    const controls: Controls = {...baseControls, growthPct: 0, ebitdaMarginPct: 20, rateChangeBp: 300};
    const model = workbookOf(controls);
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    const regimes = rowValues(model, sheets, "Metrics", "regime");
    expect(regimes).toEqual(exact.quarters.map((q) => q.regime));
    expect(regimes).toContain("ponzi");
    // The second reading, after maintenance capex: the base case's vintages retire within the horizon, and it reads worse somewhere.
    const afterMaintenance = rowValues(model, sheets, "Metrics", "regimeAfterMaintenance");
    expect(afterMaintenance).toEqual(exact.quarters.map((q) => q.regimeAfterMaintenance));
    expect(afterMaintenance.some((r, t) => r !== regimes[t])).toBe(true);
    rowValues(model, sheets, "Metrics", "interestCoverageEbitda").forEach((text, t) => {
      const engine = exact.quarters[t]!.metrics.interestCoverageEbitda;
      if (engine === null) expect(text).toBe("n/m");
      else expect(Number(text)).toBeCloseTo(engine.toNumber(), 9);
    });
  });

  it.each([
    ["a waiver (fee and step-up)", 0],
    ["an equity cure", 1],
    ["acceleration", 2]
  ])("carries covenants whose breach brings %s, and marks the quarters breached", async (_, consequence) => {
    const controls: Controls = {...baseControls, liquidityCovenant: 1500, coverageCovenant: 3, covenantConsequence: consequence};
    const model = workbookOf(controls);
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    const breached = new Set(exact.events.filter((e) => e.kind === "covenantBreach").map((e) => e.quarter));
    expect(breached.size).toBeGreaterThan(0);
    expect(rowValues(model, sheets, "Metrics", "covenantBreach")).toEqual(exact.quarters.map((q) => (breached.has(q.ledger.quarter) ? "TRUE" : "FALSE")));
  });

  it.each([
    ["non-renewal", 0],
    ["default", 1]
  ])("holds revenue from the backlog to the cent, with the largest customer stopping by %s and capex following growth", async (_, because) => {
    const controls: Controls = {...baseControls, revenueFollowsBacklog: 1, largestCustomerStopsQuarter: 6, largestCustomerStopsBecause: because, capexFollowsGrowth: 1};
    const model = workbookOf(controls);
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    const line = (key: "backlog" | "bookings" | "largestCustomerRevenue" | "badDebt") => exact.quarters.map((q) => q.ledger[key].toNumber());
    // Not trivially zero: the backlog and bookings run, the customer pays until quarter 6, and a default loses a quarter's billing then.
    expect(line("backlog").every((b) => b > 0)).toBe(true);
    expect(line("bookings").every((b) => b > 0)).toBe(true);
    expect(line("largestCustomerRevenue").map((r) => r > 0)).toEqual(exact.quarters.map((_, t) => t < 5));
    expect(line("badDebt").filter((b) => b > 0)).toHaveLength(because);
  });

  // Every engine feature the controls cannot reach: cost lines, depreciation and taxes,
  // annuities, delayed draws, floors, upfront and commitment fees, a revolver with a floor,
  // a fee and a maturity, rolls and new borrowing with shut markets, caps and swaps, and
  // leverage and DSCR covenants, equity raised, in both interest conventions.
  it.each([
    ["endOfPeriod", "capex follows growth, 2 quarters ahead"],
    ["average", "capex from its path"]
  ] as const)("holds a company with every engine feature to the cent (interest convention: %s; %s)", async (interestConvention, capex) => {
    const draft = kitchenSink(interestConvention, capex.startsWith("capex follows") ? {perAddedAnnualRevenue: 2.7, leadQuarters: 2, follows: true} : undefined);
    const model = workbookModel(draft, {name: "kitchen-sink", title: "Every feature", description: "A test fixture.", controls: {}}, {provenance: [], documents: []}, () => "a test fixture");
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(draft, decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    // The reported vintages retire within the horizon: in full where capex follows growth; at
    // the reported pace, the capex input covers the 900 of 2020Q2 in 2026Q2 and the 700 of 2021Q1 in 2027Q1, and caps the 1,500 of 2025Q4 in 2031Q4 at 600.
    const maintenance = exact.quarters.map((q) => q.ledger.maintenanceCapex.toNumber());
    if (capex.startsWith("capex follows")) expect([maintenance[1], maintenance[4], maintenance[15], maintenance[23]]).toEqual([900, 700, 1500, 1500]);
    else expect([maintenance[1], maintenance[4], maintenance[15], maintenance[23]]).toEqual([900, 700, 600, 600]);
    const kinds = new Set(exact.events.map((e) => e.kind === "covenantBreach" ? `${e.covenant}:${e.consequence}` : e.kind));
    // The fixture reaches what it is for: rolls, shut markets, breaches of each kind.
    expect([...kinds]).toEqual(expect.arrayContaining(["refinanced", "maturedWhileShut"]));
    expect([...kinds].some((k) => k.startsWith("dscr") || k.startsWith("maximumLeverage"))).toBe(true);
    expect(exact.quarters.some((q) => !q.ledger.newBorrowing.isZero())).toBe(true);
    const borrowed = exact.quarters.map((q) => q.ledger.newBorrowing.toNumber());
    if (interestConvention === "average") {
      // The cap a quarter binds (500, leaving cash below the minimum), and elsewhere covers the need or the limit left binds.
      expect(borrowed.filter((b) => b === 500).length).toBeGreaterThan(1);
      expect(borrowed.some((b) => b > 0 && b < 500)).toBe(true);
    } else {
      expect(Math.max(...borrowed)).toBeGreaterThan(500);
    }
    expect(exact.quarters.map((q) => q.ledger.equityRaised.toNumber())).toEqual(exact.quarters.map((_, t) => (t === 2 ? 250 : 0)));
    // Prepayments, both where cash covers them and where it binds (cash left on the minimum).
    const prepaying = exact.quarters.filter((q) => !q.ledger.prepayment.isZero());
    const q = prepaying.find((x) => x.ledger.quarter === "2026Q1")!.ledger;
    expect(q.revolverRepayment.toNumber()).toBeCloseTo(200, 9);
    expect(q.facilities[6]!.prepaid.toNumber()).toBeCloseTo(300, 9);
    expect(q.facilities[7]!.prepaid.toNumber()).toBeGreaterThan(0);
    expect(q.facilities[7]!.prepaid.toNumber()).toBeLessThan(1000);
    expect(q.closingCash.toNumber()).toBe(500);
  });

  // Cost lines with a default's bad debt, and revenue from the backlog with the longest lead,
  // the customer stopping within reach of the lead (capex then buys for the others' revenue).
  it("holds the backlog, a defaulting customer and cost lines to the cent", async () => {
    const sink = kitchenSink("endOfPeriod", {perAddedAnnualRevenue: 2.7, leadQuarters: 8, follows: true});
    const draft: ModelInputDraft = {...sink, revenue: {lastQuarter: 1400, growth: [0.12, 0.1, -0.05, 0.08, 0.06, 0.05],
      backlog: {opening: 30000, bookings: 2500, termQuarters: 17.5, follows: true}, largestCustomer: {share: 0.35, stopsFrom: "2027Q2", because: "default"}}};
    const model = workbookModel(draft, {name: "backlog", title: "Revenue from the backlog", description: "A test fixture.", controls: {}}, {provenance: [], documents: []}, () => "a test fixture");
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(draft, decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    expect(exact.quarters.filter((q) => !q.ledger.badDebt.isZero()).map((q) => q.ledger.quarter)).toEqual(["2027Q2"]);
  });

  // Capex that follows growth with the longest lead: the last eight quarters buy for
  // revenue past the last column (compounding at the last growth), and a quarter whose
  // revenue falls buys nothing.
  it("holds capex that follows growth to the cent, with a lead reaching beyond the horizon and a fall in revenue", async () => {
    const sink = kitchenSink("endOfPeriod", {perAddedAnnualRevenue: 2.7, leadQuarters: 8, follows: true});
    const draft: ModelInputDraft = {...sink, revenue: {lastQuarter: 1400, growth: [0.12, 0.1, -0.05, 0.08, 0.06, 0.05, 0.04, 0.03, -0.02, 0.03, 0.025]}};
    const model = workbookModel(draft, {name: "capex-follows", title: "Capex follows growth", description: "A test fixture.", controls: {}}, {provenance: [], documents: []}, () => "a test fixture");
    const sheets = recalculate(await writeXlsx(model, ExcelJS));
    const exact = project(draft, decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    const capex = exact.quarters.map((q) => q.ledger.capex.toNumber());
    // Quarter 0 buys for quarter 8's revenue (down 2 %): nothing; the last buys for revenue past the horizon.
    expect(capex[0]).toBe(0);
    expect(capex.at(-1)).toBeGreaterThan(0);
  });
});

function kitchenSink(interestConvention: "endOfPeriod" | "average", capexIntensity?: ModelInputDraft["capexIntensity"]): ModelInputDraft {
  return {
    ...benchCompanyAllFeatures,
    ...(capexIntensity ? {capexIntensity} : {}),
    // Vintages before the start (life 24): one ended before it, two in one quarter, and one
    // retiring in each of quarters 1, 4, 15 and 23.
    depreciation: {...benchCompanyAllFeatures.depreciation, vintages: [
      {quarter: "2019Q1", amount: 5000}, {quarter: "2020Q2", amount: 900}, {quarter: "2021Q1", amount: 700},
      {quarter: "2023Q4", amount: 1200}, {quarter: "2023Q4", amount: 300}, {quarter: "2025Q4", amount: 1500}
    ]},
    openingCash: 3000,
    // Equity raised at the start of the third quarter only (a path's last value holds, so it ends on 0).
    equityRaised: [0, 0, 250, 0],
    interestConvention,
    costs: {kind: "lines", lines: [
      {name: "Power", shareOfRevenue: [0.2, 0.22, 0.25], fixedPerQuarter: 50, fixedGrowth: 0.01},
      {name: "Staff", shareOfRevenue: 0.1, fixedPerQuarter: 120, fixedGrowth: 0.02}
    ]},
    facilities: benchCompanyAllFeatures.facilities.map((f, i) => ({
      ...f,
      refinanceable: i % 2 === 0,
      upfrontFeeRate: 0.01,
      commitmentFeeRate: 0.005,
      // Two prepayments in the first quarter, from the opening cash: after the revolver is
      // repaid, the first is paid in full, the second takes what is left (cash binds).
      ...(i === 6 || i === 7 ? {prepayments: [{quarter: "2026Q1", amount: i === 6 ? 300 : 1000}], prepaymentPremium: i === 6 ? 0.02 : 0.01} : {}),
      covenants: [...(f.covenants ?? []), i % 3 === 0
        ? {kind: "maximumLeverage" as const, threshold: 2.5, consequence: {type: "accelerate" as const}}
        : {kind: "dscr" as const, threshold: 1.1, consequence: {type: "waiver" as const, fee: 2, spreadStepUp: 0.005}}]
    })),
    revolver: {capacity: 3000, drawn: 200, rate: {type: "floating", spread: 0.03, floor: 0.045}, commitmentFeeRate: 0.004, maturity: "2031Q2"},
    refinancing: {shareRolled: 0.7, spread: 0.06, tenorQuarters: 12, feeRate: 0.01, marketShut: [{from: "2027Q4", to: "2028Q2"}]},
    // In one variant new borrowing is capped a quarter: the cap binds in some quarters, covers
    // the need in others, and the limit left binds in another; the other variant has no cap.
    newBorrowing: {limit: 3000, spread: 0.07, tenorQuarters: 8, feeRate: 0.02, ...(interestConvention === "average" ? {perQuarter: 500} : {})}
  };
}
