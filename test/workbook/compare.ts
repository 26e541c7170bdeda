import type Decimal from "decimal.js";
import {expect} from "vitest";
import type {Projection} from "../../src/model/index.js";
import {FIRST_VALUE_COLUMN, type WorkbookModel} from "../../src/workbook/index.js";
import {FACILITY_LINES, LEDGER_LINES} from "../../src/readings/ledger-export.js";

// The workbook is checked the way a reader would use it: opened in a real spreadsheet
// (LibreOffice, which recalculates every formula on load), and every ledger cell held
// against the engine's decimal ledger, to the cent (1e-8 USD millions).
const CENT = 1e-8;
// Every line the downloads carry: the ledger's and each facility's.

/** What LibreOffice computed for row `key` of `sheet`, one number (or text) per quarter. */
export function rowValues(model: WorkbookModel, sheets: Map<string, string[][]>, sheet: string, key: string): string[] {
  const index = model.sheets.find((s) => s.name === sheet)!.rows.findIndex((r) => r.key === key);
  expect(index, `${sheet} has a row ${key}`).toBeGreaterThanOrEqual(0);
  // Row 1 of the sheet is its header, so the model's row i is the CSV's line i + 1.
  return sheets.get(sheet)![index + 1]!.slice(FIRST_VALUE_COLUMN - 1, FIRST_VALUE_COLUMN - 1 + model.quarters.length);
}

/** Every cell of the ledger and of each facility's block that differs from the engine by a cent or more. */
export function centDifferences(model: WorkbookModel, sheets: Map<string, string[][]>, exact: Projection<Decimal>): string[] {
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

