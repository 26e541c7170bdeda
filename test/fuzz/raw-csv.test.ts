import fc from "fast-check";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {describeFailure} from "../../cli/command-line.js";
import {companyTables} from "../../data-loaders/dataset.js";
import {RawDataError} from "../../data-loaders/errors.js";
import {RAW_ROOT} from "../../data-loaders/read.js";
import {RAW_FILE_NAMES, validateCompany, type RawFiles} from "../../data-loaders/validate.js";
import {safeText} from "../../src/readings/safe-cells.js";
import {fuzzRuns, hostileText} from "./fuzz-runs.js";

/**
 * Rows added to the real raw CSVs as a person pasting from a filing might: real cells of
 * the same column mixed with hostile ones (formulas, huge or odd numbers, quotes, markup),
 * the wrong number of cells, quoted or not. The dataset then either validates, and every
 * table it publishes holds finite numbers and no formula-like text, or is refused with a
 * RawDataError naming file, row and field, which a command line tells in one line.
 */
const real = Object.fromEntries(RAW_FILE_NAMES.map((name) => [name, readFileSync(join(RAW_ROOT, "coreweave", name), "utf8")])) as unknown as RawFiles;
const parsed = Object.fromEntries(RAW_FILE_NAMES.map((name) => [name, csvParseRows(real[name])])) as Record<keyof RawFiles, string[][]>;

const ODD_NUMBERS = ["0", "-0", "1", "-1", "1364676", "-852.9", "1,364,676", "1e3", "NaN", "Infinity", "9".repeat(400), "0.0000001", "2025-02-30", "2025-13-01", "15%", "9-10%", "200%", "March 2028", "March 2028 – May 2026"] as const;

/** A cell for column `column` of `file`: a real one from that column, an odd number or date, or hostile text. */
const cell = (file: keyof RawFiles, column: number) => {
  const seen = [...new Set(parsed[file].slice(1).map((row) => row[column] ?? ""))];
  return fc.oneof(
    {weight: 6, arbitrary: seen.length ? fc.constantFrom(...seen) : fc.constant("")},
    {weight: 1, arbitrary: fc.constantFrom(...ODD_NUMBERS)},
    {weight: 1, arbitrary: hostileText}
  );
};

/** New rows at the end of a file. */
const appended = fc.constantFrom(...RAW_FILE_NAMES).chain((file) => {
  const width = parsed[file][0]!.length;
  const row = fc.oneof(
    {weight: 8, arbitrary: fc.tuple(...Array.from({length: width}, (_, i) => cell(file, i)))},
    {weight: 1, arbitrary: fc.array(hostileText, {maxLength: width + 2})}
  );
  return fc.record({file: fc.constant(file), rows: fc.array(row, {minLength: 1, maxLength: 3}), quoted: fc.boolean()})
    .map(({file, rows, quoted}) => ({...real, [file]: `${real[file].trimEnd()}\n${written(rows, quoted)}\n`}));
});

/** An existing row with a cell or two changed, as a person correcting a figure might. */
const edited = fc.constantFrom(...RAW_FILE_NAMES).filter((file) => parsed[file].length > 1).chain((file) => {
  const width = parsed[file][0]!.length;
  const change = fc.nat({max: width - 1}).chain((column) => fc.tuple(fc.constant(column), cell(file, column)));
  return fc.record({at: fc.nat({max: parsed[file].length - 2}), changes: fc.array(change, {minLength: 1, maxLength: 2}), quoted: fc.boolean()})
    .map(({at, changes, quoted}) => {
      const rows = parsed[file].map((row) => [...row]);
      for (const [column, value] of changes) rows[at + 1]![column] = value;
      return {...real, [file]: `${written(rows, quoted)}\n`};
    });
});

// Quoted as a spreadsheet saves it, or joined with commas as a person types it.
const written = (rows: string[][], quoted: boolean) => (quoted ? csvFormatRows(rows) : rows.map((row) => row.join(",")).join("\n"));

/** Every number in the value that is not finite, and every text a spreadsheet would read as a formula. */
function unsafeFigures(value: unknown, path = ""): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (typeof value === "string") return safeText(value) === value ? [] : [`${path} = ${JSON.stringify(value)}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeFigures(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => unsafeFigures(v, `${path}.${k}`));
  return [];
}

describe("raw CSV rows, fuzzed", () => {
  it("either validate into tables of finite numbers and plain text, or are refused naming file, row and field", () => {
    fc.assert(fc.property(fc.oneof(appended, edited), (files) => {
      let data;
      try {
        data = validateCompany(files);
      } catch (error) {
        expect(error).toBeInstanceOf(RawDataError);
        for (const issue of (error as RawDataError).issues) {
          expect(RAW_FILE_NAMES).toContain(issue.file);
          expect(Number.isInteger(issue.row) && issue.row >= 0).toBe(true);
          expect(issue.field.length).toBeGreaterThan(0);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        const told = describeFailure(error);
        expect(told).toMatchObject({code: 1, expected: true});
        expect(told.line).toMatch(/^bad raw data \(\d+ problems?\): /);
        expect(told.line).not.toMatch(/[\n\r]/);
        return;
      }
      expect(unsafeFigures(companyTables("coreweave", data))).toEqual([]);
    }), fuzzRuns(40));
  });
});
