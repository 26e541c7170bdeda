/**
 * A workbook as data: sheets of labelled rows whose cells are values or formulas, before
 * any spreadsheet library sees it. Rows are registered by key first and their cells made
 * afterwards, so that a formula can name a row further down (an opening balance names the
 * previous quarter's closing one) without anyone counting rows by hand.
 *
 * Every quarter row has the same columns on every sheet: A the label, B the unit, C how it
 * is computed or where it comes from, then one column per quarter from D. A scalar input
 * sits in column D too.
 */

export interface Formula {
  readonly formula: string;
}

export type CellValue = number | string | boolean | Formula | null;

/** How a row's numbers are shown: money in USD millions, a rate or share, a ratio, a count, or as written. */
export type RowFormat = "money" | "rate" | "ratio" | "count" | "text";

/** An input (the reader may change it), a formula, a heading or a blank line. */
export type RowKind = "input" | "formula" | "heading" | "blank";

export interface SheetRow {
  readonly key?: string;
  readonly kind: RowKind;
  readonly label: string;
  readonly unit?: string;
  readonly note?: string;
  readonly format?: RowFormat;
  /** Column D onwards. */
  readonly cells: readonly CellValue[];
}

export interface WorkbookSheet {
  readonly name: string;
  /** Whether columns D onwards are quarters (the header row then names them). */
  readonly quarterly: boolean;
  /** Row 1: column titles (a quarterly sheet's name its quarters from D). */
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
}

export interface WorkbookModel {
  readonly sheets: readonly WorkbookSheet[];
  readonly quarters: readonly string[];
}

/** The first column of values: D. */
export const FIRST_VALUE_COLUMN = 4;

export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const formula = (text: string): Formula => ({formula: text});

type RowSpec = Omit<SheetRow, "cells"> & {readonly cells: () => readonly CellValue[]};

/** Rows are numbered as they are added: row 1 is the sheet's header, so the first added row is 2. */
export class SheetBuilder {
  readonly specs: RowSpec[] = [];
  constructor(readonly name: string, readonly quarterly: boolean, private readonly book: BookBuilder, readonly header: readonly string[]) {}

  private add(spec: RowSpec): void {
    this.specs.push(spec);
    if (spec.key !== undefined) this.book.register(this.name, spec.key, this.specs.length + 1);
  }

  /** A heading, with optional cells from column D (e.g. the quarters over a block of paths). */
  heading(label: string, cells: readonly CellValue[] = []): void {
    this.add({kind: "heading", label, cells: () => cells});
  }

  blank(): void {
    this.add({kind: "blank", label: "", cells: () => []});
  }

  /** One value in column D. */
  scalar(row: Omit<SheetRow, "cells" | "kind"> & {kind?: RowKind; value: () => CellValue}): void {
    const {value, kind = "input", ...rest} = row;
    this.add({...rest, kind, cells: () => [value()]});
  }

  /** One cell per quarter, made by `cell(t)` for quarter offset t. */
  quarters(row: Omit<SheetRow, "cells" | "kind"> & {kind?: RowKind; cell: (t: number) => CellValue}): void {
    const {cell, kind = "formula", ...rest} = row;
    this.add({...rest, kind, cells: () => Array.from({length: this.book.quarterCount}, (_, t) => cell(t))});
  }

  build(): WorkbookSheet {
    return {name: this.name, quarterly: this.quarterly, header: this.header, rows: this.specs.map(({cells, ...row}) => ({...row, cells: cells()}))};
  }
}

export class BookBuilder {
  private readonly rowOf = new Map<string, number>();
  private readonly sheets: SheetBuilder[] = [];
  constructor(readonly quarters: readonly string[]) {}

  get quarterCount(): number {
    return this.quarters.length;
  }

  sheet(name: string, quarterly: boolean, header: readonly string[] = quarterly ? ["USD millions unless stated", "Unit", "How it is computed", ...this.quarters] : ["Input", "Unit", "Source", "Value"]): SheetBuilder {
    const sheet = new SheetBuilder(name, quarterly, this, header);
    this.sheets.push(sheet);
    return sheet;
  }

  register(sheet: string, key: string, row: number): void {
    const id = `${sheet}!${key}`;
    if (this.rowOf.has(id)) throw new Error(`workbook layout: row "${id}" is defined twice`);
    this.rowOf.set(id, row);
  }

  /** The rows of `sheet` whose keys match `pattern`, where `*` stands for any run of characters. */
  rowsMatching(sheet: string, pattern: string): number[] {
    const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    const match = new RegExp(`^${escaped}$`);
    return [...this.rowOf].filter(([id]) => id.startsWith(`${sheet}!`) && match.test(id.slice(sheet.length + 1))).map(([, row]) => row).sort((a, b) => a - b);
  }

  /** The address of row `key`'s cell in quarter t (or its scalar, t = 0), as seen from sheet `from`. */
  cell(sheet: string, key: string, t: number, from: string, absolute = false): string {
    const row = this.rowOf.get(`${sheet}!${key}`);
    if (row === undefined) throw new Error(`workbook layout: no row "${sheet}!${key}"`);
    const column = columnLetter(FIRST_VALUE_COLUMN + t);
    const address = absolute ? `$${column}$${row}` : `${column}${row}`;
    return sheet === from ? address : `${sheet}!${address}`;
  }

  /** A whole quarter row as a range, e.g. for SUMPRODUCT. */
  range(sheet: string, key: string, from: string): string {
    const first = this.cell(sheet, key, 0, from, true);
    const last = this.cell(sheet, key, this.quarterCount - 1, sheet, true);
    return `${first}:${last}`;
  }

  build(): WorkbookModel {
    return {sheets: this.sheets.map((s) => s.build()), quarters: this.quarters};
  }
}
