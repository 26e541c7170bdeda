import {csvParseRows} from "d3-dsv";
import type {z} from "zod";
import {cappedList, type RawDataIssue} from "./errors.js";

export interface ParsedRow<T> {
  /** Data row, from 1. */
  readonly row: number;
  readonly value: T;
}

/**
 * Parses one raw CSV file through a zod schema of its row, collecting every problem
 * (unknown or missing columns, and each bad field of each row) instead of stopping at
 * the first, so a person can correct a file in one pass. Rows refused go to `refused` as
 * their cells, for rules across files that should not repeat the row's own problem.
 */
export function parseCsv<S extends z.ZodObject>(file: string, text: string, schema: S, issues: RawDataIssue[], refused: Array<Readonly<Record<string, string | undefined>>> = []): ParsedRow<z.output<S>>[] {
  const [header, ...lines] = csvParseRows(text.replace(/^\uFEFF/, ""));
  const expected = Object.keys(schema.shape);
  if (!header) {
    issues.push({file, row: 0, field: "(file)", message: "is empty"});
    return [];
  }
  // A header of two million strangers is one problem, not two million (the first few named).
  const unknown = header.filter((column) => !expected.includes(column));
  if (unknown.length) {
    const others = unknown.slice(1).map((c) => JSON.stringify(shorten(c)));
    issues.push({file, row: 0, field: shorten(unknown[0]!), message: `is not a known column${others.length ? `, nor ${others.length === 1 ? "is" : "are"} ${cappedList(others, 9).join(", ")}` : ""} (expected ${expected.join(", ")})`});
  }
  const twice = expected.filter((column) => header.indexOf(column) !== header.lastIndexOf(column));
  for (const column of twice) issues.push({file, row: 0, field: column, message: "is a column twice"});
  for (const column of expected) {
    if (!header.includes(column) && !schema.shape[column]!.safeParse(undefined).success) {
      issues.push({file, row: 0, field: column, message: "is a required column and is missing"});
    }
  }
  const rows: ParsedRow<z.output<S>>[] = [];
  lines.forEach((cells, index) => {
    const row = index + 1;
    if (cells.length === 1 && cells[0] === "") return; // a blank line
    if (cells.length !== header.length) {
      issues.push({file, row, field: "(row)", message: `has ${cells.length} cells, the header ${header.length}`});
      return;
    }
    // No prototype: a column named __proto__ is refused above, and never reaches Object's.
    const record: Record<string, string | undefined> = Object.create(null);
    header.forEach((column, i) => {
      const cell = cells[i]!.trim();
      record[column] = cell === "" ? undefined : cell;
    });
    const result = schema.safeParse(record);
    if (result.success) rows.push({row, value: result.data});
    else {
      for (const issue of result.error.issues) issues.push({file, row, field: String(issue.path[0] ?? "(row)"), message: issue.message});
      refused.push(record);
    }
  });
  return rows;
}

/** A cell or column name as an error quotes it: at most 60 characters. */
export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
