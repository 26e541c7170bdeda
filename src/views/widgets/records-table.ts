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

/** An element that scrolls sideways (a table wider than the column) can then be reached and scrolled from the keyboard. */
export function reachableWhenScrolling(element: HTMLElement): void {
  new ResizeObserver(() => {
    if (element.scrollWidth > element.clientWidth) element.tabIndex = 0;
    else element.removeAttribute("tabindex");
  }).observe(element);
}

export function recordsTable<R>(rows: readonly R[], columns: readonly Column<R>[], caption?: string): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "records";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    if (column.numeric) th.className = "numeric";
    head.append(th);
  }
  reachableWhenScrolling(table);
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const cell = tr.insertCell();
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
  return table;
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
