import {csvFormat} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {companyTables} from "../../data-loaders/dataset.js";
import {isFormulaLike, safeCell, safeCsv, safeJson, safeRecord, safeText} from "../../src/readings/safe-cells.js";
import {ledgerCsv, ledgerJson, type LedgerRecord} from "../../src/readings/ledger-export.js";

describe("a download's cells are never formulas", () => {
  it("prefixes text that starts with =, +, -, @, a tab or a carriage return with a single quote", () => {
    expect(safeText('=HYPERLINK("http://x","x")')).toBe(`'=HYPERLINK("http://x","x")`);
    expect(safeText("+1+2")).toBe("'+1+2");
    expect(safeText("-1+2")).toBe("'-1+2");
    expect(safeText("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(safeText("\t=1+1")).toBe("'\t=1+1");
    expect(safeText("\r=1+1")).toBe("'\r=1+1");
  });

  it("leaves numbers as numbers: a number value, and text that is a plain decimal", () => {
    expect(safeCell(-852.9)).toBe(-852.9);
    expect(safeText("-852.9")).toBe("-852.9");
    // A ledger figure as the downloads write it, to the cent in 8 decimals.
    expect(safeText("-852.90000000")).toBe("-852.90000000");
    expect(isFormulaLike("-852.9")).toBe(false);
    // Not plain decimals, so text: a sign followed by anything else.
    expect(isFormulaLike("-852.9+1")).toBe(true);
    expect(isFormulaLike("-1e3")).toBe(true);
  });

  it("leaves ordinary text, empty text, null and booleans alone", () => {
    for (const text of ["DDTL 1.0 Facility", "2025Q3", "", "a = b", "x-y", "−852.9 (a minus sign, not a hyphen)"]) expect(safeText(text)).toBe(text);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(true)).toBe(true);
  });

  it("makes each text field of a record safe, keeping its keys and numbers", () => {
    expect(safeRecord({title: "=1+1", value: -3, note: null})).toEqual({title: "'=1+1", value: -3, note: null});
  });

  it("writes CSV whose formula-like cells are quoted text and whose numbers are bare", () => {
    // d3's CSV quotes a cell holding a quote or a comma and doubles its quotes.
    expect(safeCsv([{title: '=HYPERLINK("http://x","x")', value: -852.9}])).toBe(`title,value\n"'=HYPERLINK(""http://x"",""x"")",-852.9`);
    expect(safeCsv([{a: "@x", b: "ok", c: 1}], ["c", "a"])).toBe("c,a\n1,'@x");
  });

  it("writes JSON whose strings are safe at any depth, numbers untouched", () => {
    expect(JSON.parse(safeJson({rows: [{title: "=1+1", value: -2}, ["+x", "-4.5"]], n: -1}))).toEqual({rows: [{title: "'=1+1", value: -2}, ["'+x", "-4.5"]], n: -1});
  });

  it("makes the ledger's CSV and JSON downloads safe: a facility named like a formula is text, its figures numbers", () => {
    const records: LedgerRecord[] = [
      {quarter: "2026Q3", line: "opening", facility: "=HYPERLINK(\"http://x\",\"x\")", usd_millions: "-852.90000000"},
      {quarter: "2026Q3", line: "closing", facility: "DDTL 1.0", usd_millions: "10.00000000"}
    ];
    expect(ledgerCsv(records).split("\n")).toEqual([
      "quarter,line,facility,usd_millions",
      `2026Q3,opening,"'=HYPERLINK(""http://x"",""x"")",-852.90000000`,
      "2026Q3,closing,DDTL 1.0,10.00000000"
    ]);
    expect(JSON.parse(ledgerJson(records))[0]).toEqual({quarter: "2026Q3", line: "opening", facility: `'=HYPERLINK("http://x","x")`, usd_millions: "-852.90000000"});
  });

  it("changes nothing in the Data page's real downloads: the raw schema lets no formula-like text in", () => {
    const tables = companyTables();
    for (const name of ["financials", "facilities", "maturities", "sources"] as const) {
      expect(safeJson(tables[name])).toBe(JSON.stringify(tables[name]));
      expect(safeCsv(tables[name] as object[])).toBe(csvFormat(tables[name] as object[]));
    }
  });
});
