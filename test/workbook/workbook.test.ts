import type Decimal from "decimal.js";
import {beforeAll, describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {companyTables} from "../../data-loaders/dataset.js";
import {decimalArithmetic, project, type ModelInputDraft, type Projection} from "../../src/model/index.js";
import {applyControls, type Controls} from "../../src/scenario/controls.js";
import {scenarioWorkbook} from "../../src/scenario/workbook.js";
import {FIRST_VALUE_COLUMN, writeXlsx, type WorkbookModel, type WorkbookSources} from "../../src/workbook/index.js";
import {recalculate, sofficePath} from "./libreoffice.js";

// The workbook is checked the way a reader would use it: opened in a real spreadsheet
// (LibreOffice, which recalculates every formula on load), and every ledger cell held
// against the engine's decimal ledger, to the cent (1e-8 USD millions).
const CENT = 1e-8;
const LEDGER_LINES = ["openingCash", "revenue", "operatingCosts", "ebitda", "depreciation", "ebit", "taxes", "operatingCashFlow", "capex", "interest", "pikInterest", "discountAmortisation", "capitalisedInterest", "reportedInterestExpense", "leasePayments", "leaseLiability", "sweepRepayment", "equityCure", "undrawnRevolver", "fees", "principalDue", "refinanced", "repaid", "scheduledDraws", "revolverDraw", "revolverRepayment", "newBorrowing", "closingCash", "openingDebt", "closingDebt"] as const;
const FACILITY_LINES = ["opening", "drawn", "interest", "pikInterest", "discountAmortisation", "fees", "principalDue", "refinanced", "repaid", "closing"] as const;

const {base, controls: baseControls} = baseInputs();
const documents = companyTables().sources as unknown as WorkbookSources["documents"];
const workbookOf = (controls: Controls) => scenarioWorkbook(base, {name: "test", title: "Test", description: "A scenario for the tests."}, controls, documents);

/** What LibreOffice computed for row `key` of `sheet`, one number (or text) per quarter. */
function rowValues(model: WorkbookModel, sheets: Map<string, string[][]>, sheet: string, key: string): string[] {
  const index = model.sheets.find((s) => s.name === sheet)!.rows.findIndex((r) => r.key === key);
  expect(index, `${sheet} has a row ${key}`).toBeGreaterThanOrEqual(0);
  // Row 1 of the sheet is its header, so the model's row i is the CSV's line i + 1.
  return sheets.get(sheet)![index + 1]!.slice(FIRST_VALUE_COLUMN - 1, FIRST_VALUE_COLUMN - 1 + model.quarters.length);
}

/** Every cell of the ledger and of each facility's block that differs from the engine by a cent or more. */
function centDifferences(model: WorkbookModel, sheets: Map<string, string[][]>, exact: Projection<Decimal>): string[] {
  const differences: string[] = [];
  const compare = (sheet: string, key: string, engine: (t: number) => Decimal) => {
    rowValues(model, sheets, sheet, key).forEach((text, t) => {
      const expected = engine(t).toNumber();
      if (!(Math.abs(Number(text) - expected) < CENT)) differences.push(`${sheet} ${key} ${model.quarters[t]}: ${text} ≠ ${engine(t).toFixed(8)}`);
    });
  };
  for (const line of LEDGER_LINES) compare("Ledger", line, (t) => exact.quarters[t]!.ledger[line]);
  const prefixes = facilityPrefixesOf(model);
  exact.facilities.forEach((_, i) => {
    for (const line of FACILITY_LINES) compare("Facilities", `${prefixes[i]}.${line}`, (t) => exact.quarters[t]!.ledger.facilities[i]![line]);
  });
  return differences;
}

/** The facility blocks' prefixes, in the sheet's order (the engine's). */
const facilityPrefixesOf = (model: WorkbookModel) =>
  model.sheets.find((s) => s.name === "Facilities")!.rows.filter((r) => r.key?.endsWith(".opening")).map((r) => r.key!.replace(/\.opening$/, ""));

/** The model with the cells of input row `key` replaced, as a reader would type them in. */
function withInputs(model: WorkbookModel, key: string, cells: readonly number[]): WorkbookModel {
  return {...model, sheets: model.sheets.map((s) => s.name !== "Inputs" ? s : {...s, rows: s.rows.map((r) => (r.key === key ? {...r, cells} : r))})};
}

describe("the workbook export, recalculated in LibreOffice", () => {
  beforeAll(() => { sofficePath(); });

  it("holds every ledger and facility cell of the base scenario to the cent of the engine's decimal ledger", async () => {
    const model = workbookOf(baseControls);
    const sheets = recalculate(await writeXlsx(model));
    const exact = project(applyControls(base.input, baseControls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    // Not a trivially empty comparison: 30 ledger lines and 10 per facility, each quarter.
    expect(rowValues(model, sheets, "Ledger", "closingDebt").every((v) => Number(v) > 1000)).toBe(true);
  });

  it("recomputes the model when an input is changed in the spreadsheet: the reference rate up 300 bp and growth cut to 2 %", async () => {
    const model = workbookOf(baseControls);
    const quarters = model.quarters.length;
    const changed = withInputs(withInputs(model, "baseRate", Array(quarters).fill(0.03)), "growth", Array(quarters).fill(0.02));
    const sheets = recalculate(await writeXlsx(changed));
    const draft = applyControls(base.input, baseControls) as ModelInputDraft;
    const exact = project({...draft, baseRate: 0.03, revenue: {...draft.revenue, growth: 0.02}}, decimalArithmetic);
    expect(centDifferences(changed, sheets, exact)).toEqual([]);
    // The change bites: interest in the last quarter is not the base scenario's.
    const baseline = project(draft, decimalArithmetic);
    expect(exact.quarters.at(-1)!.ledger.interest.gt(baseline.quarters.at(-1)!.ledger.interest)).toBe(true);
  });

  it("follows every debt-schedule feature: average-balance interest, payment in kind, a swap, a cash sweep, leases and shut markets", async () => {
    const controls: Controls = {...baseControls, averageBalanceInterest: 1, pikSharePct: 25, hedgedSharePct: 50, rateChangeBp: 150, cashSweepPct: 40, growthPct: 20, leasePayments: 150, marketShutAfter: 3, marketShutQuarters: 2};
    const model = workbookOf(controls);
    const sheets = recalculate(await writeXlsx(model));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    const total = (line: "pikInterest" | "sweepRepayment" | "leasePayments") => exact.quarters.reduce((sum, q) => sum + q.ledger[line].toNumber(), 0);
    expect(total("pikInterest")).toBeGreaterThan(0);
    expect(total("sweepRepayment")).toBeGreaterThan(0);
    expect(total("leasePayments")).toBeGreaterThan(0);
  });

  it("computes the metrics and the Minsky regime as the engine does, n/m where a ratio is not meaningful", async () => {
    const controls: Controls = {...baseControls, growthPct: 0, ebitdaMarginPct: 20, rateChangeBp: 300};
    const model = workbookOf(controls);
    const sheets = recalculate(await writeXlsx(model));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    const regimes = rowValues(model, sheets, "Metrics", "regime");
    expect(regimes).toEqual(exact.quarters.map((q) => q.regime));
    expect(regimes).toContain("ponzi");
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
    const sheets = recalculate(await writeXlsx(model));
    const exact = project(applyControls(base.input, controls), decimalArithmetic);
    expect(centDifferences(model, sheets, exact)).toEqual([]);
    const breached = new Set(exact.events.filter((e) => e.kind === "covenantBreach").map((e) => e.quarter));
    expect(breached.size).toBeGreaterThan(0);
    expect(rowValues(model, sheets, "Metrics", "covenantBreach")).toEqual(exact.quarters.map((q) => (breached.has(q.ledger.quarter) ? "TRUE" : "FALSE")));
  });
});
