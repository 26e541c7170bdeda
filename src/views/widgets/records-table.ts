/**
 * A plain table of records, built with DOM calls and textContent only: no figure, title
 * or address from the data can inject markup. Links are made only to http(s) addresses.
 */
export interface Column<R> {
  readonly label: string;
  readonly value: (row: R) => string;
  /** An address to link the cell to. */
  readonly href?: (row: R) => string | null | undefined;
  readonly numeric?: boolean;
}

export function safeHref(address: string | null | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A table in a box of its own that scrolls sideways inside the content column when the
 * table is wider than it (style.css: `.table-scroll`, which also keeps the first column in
 * view), so a wide table never widens the page or runs under the table of contents. The box
 * is focusable and named, so a keyboard can scroll it and a screen reader announces it.
 */
export function scrollBox(table: HTMLTableElement, name: string): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "table-scroll";
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", name);
  box.append(table);
  return box;
}

/** The name of a table's scroll box: its caption, else its first headings. */
export function tableName(headings: readonly string[], caption?: string): string {
  if (caption) return caption;
  const shown = headings.slice(0, 3).join(", ");
  return `Table: ${shown}${headings.length > 3 ? ", …" : ""}`;
}

export interface TableOptions {
  readonly caption?: string;
  /**
   * For a few rows of long text (a question and its answer): each row's first cell is its
   * row header, and on a narrow screen (style.css, `table.records-stacked`) a row is shown as
   * that header in bold with the other cells under it at the column's full width, instead of
   * columns a few words wide. A desktop still shows a table.
   */
  readonly stackWhenNarrow?: boolean;
}

/** The records as a table (`recordsTableElement`) in its scroll box. */
export function recordsTable<R>(rows: readonly R[], columns: readonly Column<R>[], options: TableOptions = {}): HTMLDivElement {
  return scrollBox(recordsTableElement(rows, columns, options), tableName(columns.map((c) => c.label), options.caption));
}

export function recordsTableElement<R>(rows: readonly R[], columns: readonly Column<R>[], options: TableOptions = {}): HTMLTableElement {
  const {caption, stackWhenNarrow = false} = options;
  const table = document.createElement("table");
  table.className = stackWhenNarrow ? "records records-stacked" : "records";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    if (column.numeric) th.className = "numeric";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const [i, column] of columns.entries()) {
      const cell = stackWhenNarrow && i === 0 ? rowHeader(tr) : tr.insertCell();
      if (column.numeric) cell.className = "numeric";
      const href = safeHref(column.href?.(row));
      if (href) {
        const link = document.createElement("a");
        link.href = href;
        link.rel = "noopener noreferrer";
        link.textContent = column.value(row);
        cell.append(link);
      } else {
        cell.textContent = column.value(row);
      }
    }
  }
  if (stackWhenNarrow) keepTableRoles(table);
  return table;
}

function rowHeader(tr: HTMLTableRowElement): HTMLTableCellElement {
  const th = document.createElement("th");
  th.scope = "row";
  tr.append(th);
  return th;
}

/**
 * A table whose parts a narrow screen shows as blocks (`display: block`) can lose its table
 * semantics in some browsers' accessibility trees; the roles, said outright, keep a screen
 * reader's row and column navigation whatever the layout.
 */
function keepTableRoles(table: HTMLTableElement): void {
  table.setAttribute("role", "table");
  for (const group of table.querySelectorAll("thead, tbody")) group.setAttribute("role", "rowgroup");
  for (const row of table.querySelectorAll("tr")) row.setAttribute("role", "row");
  for (const th of table.querySelectorAll("th")) th.setAttribute("role", th.scope === "row" ? "rowheader" : "columnheader");
  for (const td of table.querySelectorAll("td")) td.setAttribute("role", "cell");
}

/** Download links for a table, as JSON and CSV. */
export function downloadLinks(name: string, files: {json: string; csv: string}): HTMLElement {
  const paragraph = document.createElement("p");
  paragraph.className = "downloads";
  paragraph.append(`Download ${name}: `);
  for (const [label, href] of [["JSON", files.json], ["CSV", files.csv]] as const) {
    const link = document.createElement("a");
    link.href = href;
    link.download = `${name}.${label.toLowerCase()}`;
    link.textContent = label;
    paragraph.append(link, " ");
  }
  return paragraph;
}
