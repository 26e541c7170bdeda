import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {scenarioWorkbook} from "../../src/scenario/workbook.js";
import {BookBuilder, columnLetter} from "../../src/workbook/layout.js";

const {base, controls} = baseInputs();
const model = scenarioWorkbook(base, {name: "base", title: "Base case", description: "The base case."}, {...controls, liquidityCovenant: 1000, coverageCovenant: 2}, []);
const formulas = model.sheets.flatMap((s) => s.rows.flatMap((r) => r.cells.flatMap((c) => (c !== null && typeof c === "object" ? [c.formula] : []))));

describe("the workbook's layout", () => {
  it("has an inputs, a facilities, a ledger, a metrics and a sources sheet", () => {
    expect(model.sheets.map((s) => s.name)).toEqual(["Inputs", "Facilities", "Ledger", "Metrics", "Sources"]);
  });

  it("uses only functions that Excel, LibreOffice and Google Sheets all have", () => {
    const common = new Set(["IF", "AND", "OR", "NOT", "MIN", "MAX", "SUM", "SUMPRODUCT", "VALUE", "LEFT", "RIGHT", "ISNUMBER"]);
    const used = new Set(formulas.flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => !common.has(name))).toEqual([]);
  });

  it("puts every figure of the model on the inputs sheet: the other sheets hold formulas, not numbers typed in", () => {
    for (const sheet of model.sheets.filter((s) => ["Facilities", "Ledger", "Metrics"].includes(s.name))) {
      for (const row of sheet.rows.filter((r) => r.key !== "offset" && r.kind !== "heading")) {
        expect(row.cells.length, `${sheet.name} ${row.key}`).toBe(model.quarters.length);
        for (const cell of row.cells) expect(typeof cell === "object" && cell !== null, `${sheet.name} ${row.key}`).toBe(true);
      }
    }
    const inputs = model.sheets[0]!.rows.filter((r) => r.kind === "input");
    expect(inputs.map((r) => r.key)).toEqual(expect.arrayContaining(["openingCash", "minimumCash", "growth", "margin", "baseRate", "shareRolled", "f0.principal", "f0.cov0.threshold", "rev.capacity", "nbLimit"]));
    // Each input says where it comes from.
    for (const row of inputs) expect(row.note, row.label).toBeTruthy();
  });

  it("cites the base case's sources for its inputs, and names the scenario where it changes one", () => {
    const rows = model.sheets[0]!.rows;
    const revenue = base.provenance.find((p) => p.input === "Revenue of the last quarter")!;
    expect(rows.find((r) => r.key === "revenueLast")!.note).toMatch(/^reported: Revenue of the last quarter /);
    expect(rows.find((r) => r.key === "revenueLast")!.note).toContain(revenue.basis);
    const shocked = scenarioWorkbook(base, {name: "rates-up-300bp", title: "Rates up", description: "-"}, {...controls, rateChangeBp: 300}, []);
    expect(shocked.sheets[0]!.rows.find((r) => r.key === "baseRate")!.note).toMatch(/^set by the scenario "rates-up-300bp"/);
    expect(shocked.sheets[0]!.rows.find((r) => r.key === "baseRate")!.cells[0]).toBe(0.03);
  });
});

describe("the layout builder", () => {
  it("names columns as spreadsheets do", () => {
    expect([1, 4, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("refuses a formula that names a row nobody defined, and a row defined twice", () => {
    const book = new BookBuilder(["2026Q1", "2026Q2"]);
    const sheet = book.sheet("Ledger", true);
    sheet.quarters({key: "cash", label: "Cash", cell: (t) => ({formula: book.cell("Ledger", "nowhere", t, "Ledger")})});
    expect(() => book.build()).toThrow(/no row "Ledger!nowhere"/);
    expect(() => sheet.quarters({key: "cash", label: "Cash again", cell: () => 0})).toThrow(/defined twice/);
  });

  it("addresses the previous quarter's cell on the same sheet without the sheet's name, and another sheet's with it", () => {
    const book = new BookBuilder(["2026Q1", "2026Q2"]);
    const ledger = book.sheet("Ledger", true);
    ledger.quarters({key: "offset", label: "Offset", cell: (t) => t});
    ledger.quarters({key: "cash", label: "Cash", cell: (t) => ({formula: t === 0 ? book.cell("Inputs", "opening", 0, "Ledger", true) : `${book.cell("Ledger", "cash", t - 1, "Ledger")}+1`})});
    const inputs = book.sheet("Inputs", false);
    inputs.scalar({key: "opening", label: "Opening cash", value: () => 5});
    const built = book.build();
    expect(built.sheets[0]!.rows[1]!.cells).toEqual([{formula: "Inputs!$D$2"}, {formula: "D3+1"}]);
  });
});
