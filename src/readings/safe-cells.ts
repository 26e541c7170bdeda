import {csvFormat} from "d3-dsv";

/**
 * Cells a spreadsheet will not run. A spreadsheet that opens a CSV (or imports a JSON file)
 * reads a cell starting with `=`, `+`, `-` or `@` as a formula, and one starting with a tab or
 * a carriage return can hide one; `=HYPERLINK("http://…","x")` in a title becomes a live link.
 * Every CSV and JSON download goes through here: such text gets the usual prefix, a single
 * quote, which makes the cell text. Numbers stay numbers: a value of type number is never
 * touched, and neither is text that is a plain decimal ("-852.90000000", a ledger figure).
 */

/** The characters that make a cell a formula when they lead it. */
const FORMULA_LEAD = /^[=+\-@\t\r]/;
/** A plain decimal, the way the ledger and the raw files write numbers. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Whether a spreadsheet could take this text for a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_LEAD.test(text) && !PLAIN_DECIMAL.test(text);
}

/** Text a spreadsheet keeps as text: `=1+1` → `'=1+1`; anything else as it is. */
export function safeText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** A cell's value with its text made safe; numbers, booleans, null as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === "string" ? safeText(value) : value;
}

/** A record with each text field made safe (the keys are the program's, not the data's). */
export function safeRecord<R extends object>(record: R): {[K in keyof R]: R[K] | string} {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, safeCell(value)])) as {[K in keyof R]: R[K] | string};
}

/** Rows as CSV, every text cell made safe; `columns` picks and orders them. */
export function safeCsv<R extends object>(rows: readonly R[], columns?: ReadonlyArray<keyof R & string>): string {
  const safe = rows.map((row) => safeRecord(row));
  return columns ? csvFormat(safe, [...columns]) : csvFormat(safe);
}

/** A value as JSON, every string in it (at any depth) made safe. */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "string" ? safeText(inner) : inner), space);
}
