import {formatNumber} from "../../readings/format.js";
import {BASE_CASE} from "../charts/base-line.js";
import type {ChartTable} from "../charts/common.js";
import {recordsTable, type Column} from "./records-table.js";

type Row = Record<string, unknown>;

/** A figure in a chart's table: as the tables elsewhere write it, to two decimals below 100 and one above. */
export function cellText(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value, Math.abs(value) >= 100 ? 1 : 2, Math.abs(value) >= 100 ? 1 : 2) : "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

/**
 * The rows a chart draws as a table: a chart's text alternative. Rows of one figure a
 * quarter and series (the quarter, the series, the value) read as a quarter a line and a
 * series a column; other rows in the columns the chart names, or in their own fields.
 */
export function tableOf(given: readonly Row[], spec?: ChartTable): {rows: Row[]; columns: Array<Column<Row>>} {
  // The base case's faint lines are for comparison on the chart: the table is the inputs' own figures.
  const rows = given.filter((r) => r.scenario !== BASE_CASE).map(({scenario: _, ...r}) => r);
  const shown = spec?.where ? rows.filter((r) => r[spec.where!.field] === spec.where!.equals) : rows;
  if (spec) return {rows: shown, columns: spec.columns.map(({field, title}) => ({label: title, value: (r) => cellText(r[field]), numeric: typeof shown[0]?.[field] === "number"}))};
  const keys = Object.keys(shown[0] ?? {});
  if (keys.length === 3 && ["quarter", "series", "value"].every((k) => keys.includes(k))) {
    const series = [...new Set(shown.map((r) => String(r.series)))];
    const byQuarter = new Map<string, Row>();
    for (const r of shown) {
      const q = String(r.quarter);
      byQuarter.set(q, {...byQuarter.get(q), quarter: q, [`series:${String(r.series)}`]: r.value});
    }
    return {rows: [...byQuarter.values()], columns: [
      {label: "Quarter", value: (r) => String(r.quarter)},
      ...series.map((s) => ({label: s, value: (r: Row) => cellText(r[`series:${s}`]), numeric: true}))
    ]};
  }
  return {rows: shown, columns: keys.map((k) => ({label: k, value: (r) => cellText(r[k]), numeric: typeof shown[0]?.[k] === "number"}))};
}

/** A "Table" disclosure under a chart, whose table is built from the latest rows when opened. */
export function chartTable(spec?: ChartTable): {element: HTMLDetailsElement; show(rows: readonly Row[]): void} {
  const details = document.createElement("details");
  details.className = "chart-table";
  details.append(Object.assign(document.createElement("summary"), {textContent: "Table"}));
  let rows: readonly Row[] = [];
  const render = () => {
    const {rows: shown, columns} = tableOf(rows, spec);
    details.querySelector("table")?.remove();
    details.append(recordsTable(shown, columns));
  };
  details.addEventListener("toggle", () => { if (details.open) render(); });
  return {element: details, show(next) { rows = next; if (details.open) render(); }};
}
