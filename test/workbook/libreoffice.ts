import {execFileSync, execSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";

/**
 * Debian's LibreOffice Calc, headless: the tests recalculate exported workbooks in it. When
 * it is missing and we run as root (CI, a fresh machine), it is installed, as Chromium is
 * for the browser tests; otherwise the message names the package. Never skipped.
 */
export function sofficePath(): string {
  const find = () => { try { return execSync("command -v soffice", {encoding: "utf8"}).trim(); } catch { return ""; } };
  const found = find();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log("Installing Debian's libreoffice-calc-nogui package for the workbook tests…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui", {stdio: "inherit"});
    const installed = find();
    if (installed) return installed;
  }
  throw new Error("The workbook tests need Debian's libreoffice-calc-nogui package: run `apt-get install --no-install-recommends libreoffice-calc-nogui` as root, then `npm test` again.");
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
