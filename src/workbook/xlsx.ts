import type ExcelJS from "exceljs";
import {FIRST_VALUE_COLUMN, type RowFormat, type WorkbookModel} from "./layout.js";

/** One number format per kind of row; negatives in parentheses, as on the ledger page. */
const NUMBER_FORMATS: Record<RowFormat, string | undefined> = {
  money: "#,##0.00;(#,##0.00)",
  rate: "0.00%",
  ratio: "0.00\"×\"",
  count: "0",
  text: undefined
};

// Inputs in blue on pale yellow, the spreadsheet modeller's convention for "change me".
const INPUT_FONT = {color: {argb: "FF0000CC"}};
const INPUT_FILL = {type: "pattern", pattern: "solid", fgColor: {argb: "FFFFF8DC"}} as const;
const HEADING_FILL = {type: "pattern", pattern: "solid", fgColor: {argb: "FFE8E8E8"}} as const;

/** exceljs, as Node imports it ("exceljs") or as a page does (its browser build). */
export type ExcelLibrary = Pick<typeof ExcelJS, "Workbook">;

/**
 * Writes a workbook model as .xlsx bytes with exceljs. Formulas are written without cached
 * results and the file asks to be recalculated on load, so whatever opens it computes the
 * model itself.
 */
export async function writeXlsx(model: WorkbookModel, excel: ExcelLibrary): Promise<Uint8Array> {
  const workbook = new excel.Workbook();
  workbook.creator = "Solvency Notebook";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {views: [{state: "frozen", xSplit: sheet.quarterly ? 3 : 1, ySplit: 1}]});
    // Label, unit, note; then a column per quarter, or one wide column of values.
    ws.columns = [{width: 52}, {width: 16}, {width: 60}, ...(sheet.quarterly ? model.quarters.map(() => ({width: 15})) : [{width: 40}])];
    const header = ws.getRow(1);
    sheet.header.forEach((title, i) => { header.getCell(i + 1).value = title; });
    header.font = {bold: true};
    sheet.rows.forEach((row, i) => {
      const r = ws.getRow(i + 2);
      r.getCell(1).value = row.label;
      if (row.unit) r.getCell(2).value = row.unit;
      if (row.note) r.getCell(3).value = row.note;
      row.cells.forEach((value, j) => {
        if (value === null) return;
        const cell = r.getCell(FIRST_VALUE_COLUMN + j);
        cell.value = typeof value === "object" ? {formula: value.formula} as ExcelJS.CellFormulaValue : value;
        const format = row.format && NUMBER_FORMATS[row.format];
        if (format) cell.numFmt = format;
        if (row.kind === "input") { cell.font = INPUT_FONT; cell.fill = INPUT_FILL; }
      });
      if (row.kind === "heading") {
        r.font = {bold: true};
        for (let c = 1; c <= 3; c++) r.getCell(c).fill = HEADING_FILL;
      }
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
