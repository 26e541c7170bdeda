import {csvFormat} from "d3-dsv";
import type ExcelJS from "exceljs";
import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {companyTables} from "../../data-loaders/dataset.js";
import {ledgerCsv, ledgerRecords} from "../../src/readings/ledger-export.js";
import {readProjection} from "../../src/readings/projection.js";
import {safeCsv} from "../../src/readings/safe-cells.js";
import {openCsv} from "../workbook/libreoffice.js";

/**
 * The attack: a title such as =HYPERLINK("http://…","x") reaches a CSV download, and a
 * spreadsheet opening the file makes it a live link. Here the downloads are written with
 * such titles (the raw schema would refuse them, so they are put in after it), opened in
 * LibreOffice with formula evaluation on, and read back cell by cell.
 */
const HOSTILE = [
  '=HYPERLINK("http://example.com/steal","click me")',
  "=1+1",
  "+1+2",
  "-1+2",
  "@SUM(1,2)",
  "\t=1+1",
  "=cmd|' /C calc'!A0"
];

const formulaCells = (sheet: ExcelJS.Worksheet) => {
  const found: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (cell.formula !== undefined || (typeof cell.value === "object" && cell.value !== null && "formula" in cell.value)) found.push(cell.address);
  }));
  return found;
};

/** The Data page's sources download (src/data/sources.csv.ts) with each title replaced by a hostile one. */
const hostileSources = () => companyTables().sources.slice(0, HOSTILE.length).map((source, i) => ({...source, title: HOSTILE[i]!}));

describe("a download opened in a spreadsheet", () => {
  it("would carry live formulas if written plainly: the check below can fail", async () => {
    const sheet = await openCsv(csvFormat(hostileSources()));
    // "=1+1" in the second row's title column (the header is row 1), computed.
    expect(formulaCells(sheet).length).toBeGreaterThanOrEqual(3);
  });

  it("holds no formula in the Data page's CSV, each hostile title kept as text after a quote", async () => {
    const rows = hostileSources();
    const sheet = await openCsv(safeCsv(rows));
    expect(formulaCells(sheet)).toEqual([]);
    const titleColumn = (sheet.getRow(1).values as unknown[]).indexOf("title");
    HOSTILE.forEach((title, i) => {
      expect(sheet.getRow(i + 2).getCell(titleColumn).value).toBe(`'${title}`);
    });
    // The dates and ids beside them are as written.
    expect(sheet.getRow(2).getCell((sheet.getRow(1).values as unknown[]).indexOf("source_id")).value).toBe(rows[0]!.source_id);
  });

  it("holds no formula in the ledger's CSV, and its figures, negatives included, are numbers", async () => {
    const {base} = baseInputs();
    // The base case's facilities renamed as an attacker would name them.
    const draft = {...base.input, facilities: base.input.facilities.map((f, i) => ({...f, name: HOSTILE[i % HOSTILE.length]!}))};
    const records = ledgerRecords(readProjection(draft).exact).slice(0, 400);
    const sheet = await openCsv(ledgerCsv(records));
    expect(formulaCells(sheet)).toEqual([]);
    const negative = records.findIndex((r) => r.usd_millions.startsWith("-"));
    expect(negative).toBeGreaterThanOrEqual(0);
    // The engine's own facilities (the revolver, new borrowing) keep their plain names.
    expect(records.filter((r) => HOSTILE.includes(r.facility)).length).toBeGreaterThan(HOSTILE.length);
    records.forEach((record, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(4).value).toBe(Number(record.usd_millions));
      expect(row.getCell(3).value ?? "").toBe(HOSTILE.includes(record.facility) ? `'${record.facility}` : record.facility);
    });
  });
});
