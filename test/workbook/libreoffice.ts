import {execFileSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";
import ExcelJS from "exceljs";
import {debianCommand} from "../../scripts/debian-package.js";

/** Debian's LibreOffice Calc, headless: the tests recalculate exported workbooks in it. */
export function sofficePath(): string {
  return debianCommand("soffice", "libreoffice-calc-nogui", "the workbook tests", "--no-install-recommends");
}

/**
 * Opens the workbook in LibreOffice, which recalculates every formula (exceljs writes no
 * cached results), and reads each sheet back as rows of text at full precision.
 */
export function recalculate(bytes: Uint8Array): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "workbook-"));
  try {
    const file = join(dir, "book.xlsx");
    writeFileSync(file, bytes);
    // Its own profile directory, so parallel runs do not share (and lock) one.
    execFileSync(sofficePath(), [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--calc", "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, file], {stdio: "ignore", timeout: 120_000});
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(dir)) {
      const match = /^book-(.+)\.csv$/.exec(name);
      if (match) sheets.set(match[1]!, csvParseRows(readFileSync(join(dir, name), "utf8")));
    }
    return sheets;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * Opens a CSV file in LibreOffice as a hostile reader would, with "Evaluate formulas" on
 * (the CSV filter's 13th option: a cell starting with = becomes a live formula), saves it
 * as a workbook and reads that back: the cells as the spreadsheet holds them.
 */
export async function openCsv(csv: string): Promise<ExcelJS.Worksheet> {
  const dir = mkdtempSync(join(tmpdir(), "csv-"));
  try {
    const file = join(dir, "download.csv");
    writeFileSync(file, csv);
    // Comma, double quote, UTF-8, from line 1, standard columns, en-US, quoted text not forced
    // to text, special numbers detected, -, -, -, every sheet, formulas evaluated.
    execFileSync(sofficePath(), [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true",
      "--convert-to", "xlsx", "--outdir", dir, file], {stdio: "ignore", timeout: 120_000});
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(join(dir, "download.xlsx"));
    return workbook.worksheets[0]!;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
