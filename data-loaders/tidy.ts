import * as aq from "arquero";
import type {ValidatedCompany} from "./validate.js";
import {toMillions} from "./validate.js";
import {deriveQuarters} from "./derive.js";
import {periodMonths} from "./periods.js";
import {gradeRank} from "./evidence.js";
import {isInstant, TRUSTED_GRADES, type LineItem, type SourceGrade, type Unit} from "./schemas.js";

/**
 * Tidy tables, one observation a row, built with arquero from validated raw rows. Every
 * row carries its source (the document's id and address) and the locator inside it, and
 * the figure as printed beside the converted one, so any figure can be checked.
 */

/** "2025Q3", "H1 2025", "9M 2025" or "FY2025": the period a flow covers. */
export function periodLabel(start: string, end: string): string {
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const months = periodMonths(start, end);
  if (months === 3) return `${sy}Q${Math.floor((sm - 1) / 3) + 1}`;
  if (months === 12 && sm === 1) return `FY${sy}`;
  if (months === 6 && sm === 1) return `H1 ${sy}`;
  if (months === 9 && sm === 1) return `9M ${sy}`;
  return `${start} to ${end}`;
}

const unitOut = (unit: Unit) => (unit === "percent" ? "percent" : "USD millions");

export function financialsTable(company: string, data: ValidatedCompany) {
  return aq.from(financialRows(company, data)).orderby("line_item", "period_end", "period_start");
}

/** The period a figure covers, or for a balance the quarter it closes ("2026Q2") or its date. */
export function figurePeriod(start: string | undefined, end: string): string {
  if (start) return periodLabel(start, end);
  return /-(03-31|06-30|09-30|12-31)$/.test(end) ? periodLabel(`${end.slice(0, 5)}${String(Number(end.slice(5, 7)) - 2).padStart(2, "0")}-01`, end) : end;
}

export interface FinancialRow {
  readonly company: string;
  /** "2026Q2", "FY2025"…; for a balance, the quarter it closes. */
  readonly period: string;
  /** For a balance, its date (period_start = period_end). */
  readonly period_start: string;
  readonly period_end: string;
  /** "flow" over a period, or "balance" at a date. */
  readonly measure: "flow" | "balance";
  readonly line_item: LineItem;
  /** USD millions, or a percent. */
  readonly value: number;
  readonly unit: string;
  readonly printed_value: number | null;
  readonly printed_unit: string | null;
  /** The source's id, or "derived" for a quarter computed from longer periods. */
  readonly source: string;
  readonly source_url: string;
  readonly locator: string;
  /** The trust grade of the source (for a derived quarter, the weakest of its parts). */
  readonly grade: SourceGrade;
  /** The filing's SEC accession number(s), where known. */
  readonly accession: string;
  /** "reported" as printed; "confirmed" (an extraction confirmed by a second source or an identity); "derived" from longer periods. */
  readonly status: "reported" | "confirmed" | "derived";
  /** Why the figure is trusted, in words. */
  readonly basis: string;
}

function financialRows(company: string, data: ValidatedCompany): FinancialRow[] {
  const sources = new Map(data.sources.map((s) => [s.source_id, s]));
  const judged = new Map(data.figures.map((f) => [f.row, f]));
  const rows: FinancialRow[] = data.statements.map(({row, value: s}) => {
    const source = sources.get(s.source_id)!;
    const figure = judged.get(row)!;
    return {
      company,
      period: figurePeriod(s.period_start, s.period_end),
      period_start: s.period_start ?? s.period_end,
      period_end: s.period_end,
      measure: isInstant(s.line_item) ? "balance" : "flow",
      line_item: s.line_item,
      value: toMillions(s.value, s.unit),
      unit: unitOut(s.unit),
      printed_value: s.value,
      printed_unit: s.unit,
      source: s.source_id,
      source_url: source.url,
      locator: s.locator,
      grade: source.grade,
      accession: source.accession ?? "",
      status: figure.status === "confirmed" ? "confirmed" : "reported",
      basis: figure.reason
    };
  });
  // Quarters derived from longer periods: where no source gives the quarter, and where only
  // an extraction or an article gives it (a difference of filings' figures is the better
  // source; the extraction is confirmed by it, or would have been contradicted).
  const trusted = (r: FinancialRow) => TRUSTED_GRADES.includes(r.grade);
  const flows = rows.filter((r) => r.measure === "flow" && r.unit !== "percent");
  const keyOf = (d: {line_item: string; period_start: string; period_end: string}) => `${d.line_item}|${d.period_start}|${d.period_end}`;
  const byPeriod = new Map(flows.map((r) => [keyOf(r), r]));
  const asPeriod = (r: FinancialRow) => ({line_item: r.line_item, period_start: r.period_start, period_end: r.period_end, value: r.value, source: r.source, citation: `${r.period} (${r.source})`});
  const fromTrusted = new Map(deriveQuarters(flows.filter(trusted).map(asPeriod)).map((d) => [keyOf(d), d]));
  const derived = [
    ...[...fromTrusted.values()].filter((d) => !byPeriod.has(keyOf(d)) || !trusted(byPeriod.get(keyOf(d))!)),
    // Then from every settled figure, for the quarters still missing.
    ...deriveQuarters(flows.map(asPeriod)).filter((d) => !byPeriod.has(keyOf(d)) && !fromTrusted.has(keyOf(d)))
  ];
  for (const d of derived) {
    const held = byPeriod.get(keyOf(d));
    if (held) rows.splice(rows.indexOf(held), 1);
    const parts = d.from.map((f) => byPeriod.get(keyOf(f))).filter((r): r is FinancialRow => r !== undefined);
    const row: FinancialRow = {
      company, period: periodLabel(d.period_start, d.period_end), period_start: d.period_start, period_end: d.period_end, measure: "flow",
      line_item: d.line_item as LineItem, value: d.value, unit: "USD millions", printed_value: null, printed_unit: null,
      source: "derived", source_url: "", locator: d.citation,
      grade: parts.map((p) => p.grade).sort((a, b) => gradeRank(b) - gradeRank(a))[0] ?? "article",
      accession: [...new Set(parts.map((p) => p.accession).filter(Boolean))].join("; "),
      status: "derived", basis: `derived: ${d.citation}${held ? `; ${held.source} (${held.grade}) gives ${held.value}` : ""}`
    };
    byPeriod.set(keyOf(row), row);
    rows.push(row);
  }
  return rows;
}

/** Figures shown but kept out of the tables the model reads: unconfirmed or contradicted. */
export function doubtfulFigures(company: string, data: ValidatedCompany) {
  const sources = new Map(data.sources.map((s) => [s.source_id, s]));
  return data.figures.filter((f) => f.status === "unconfirmed" || f.status === "contradicted").map((f) => ({
    company, period: figurePeriod(f.value.period_start, f.value.period_end), line_item: f.value.line_item, value: f.amount, unit: unitOut(f.value.unit),
    source: f.value.source_id, source_url: sources.get(f.value.source_id)?.url ?? "", locator: f.value.locator,
    grade: f.grade, accession: sources.get(f.value.source_id)?.accession ?? "", status: f.status, basis: f.reason
  }));
}

export function facilitiesTable(company: string, data: ValidatedCompany) {
  return aq.from(facilityRows(company, data)).orderby(aq.desc("as_of"), aq.desc("principal"));
}

export type FacilityTidyRow = ReturnType<typeof facilityRows>[number];
function facilityRows(company: string, data: ValidatedCompany) {
  const sources = new Map(data.sources.map((s) => [s.source_id, s]));
  const tables = new Map(data.debtTables.map((t) => [`${t.as_of}|${t.source_id}`, t]));
  return data.facilities.map(({value: f}) => ({
    company,
    as_of: f.as_of,
    facility: f.facility,
    maturity_from: f.maturity.from,
    maturity_to: f.maturity.to,
    effective_rate_low: f.effective_interest_rate?.low ?? null,
    effective_rate_high: f.effective_interest_rate?.high ?? null,
    rate_type: f.rate_type ?? null,
    base_rate: f.base_rate ?? null,
    spread_low: f.spread?.low ?? null,
    spread_high: f.spread?.high ?? null,
    amortisation: f.amortisation ?? null,
    principal: toMillions(f.principal, f.unit),
    undrawn: f.undrawn === undefined ? null : toMillions(f.undrawn, f.unit),
    security: f.security ?? null,
    unit: "USD millions",
    source: f.source_id,
    source_url: sources.get(f.source_id)?.url ?? "",
    locator: f.locator,
    grade: sources.get(f.source_id)?.grade ?? "article",
    accession: sources.get(f.source_id)?.accession ?? "",
    /** How sure the dataset is of the table this row is part of (see judgeDebtTables). */
    status: tables.get(`${f.as_of}|${f.source_id}`)?.status ?? "unconfirmed",
    basis: tables.get(`${f.as_of}|${f.source_id}`)?.reason ?? ""
  }));
}

export function maturityScheduleTable(company: string, data: ValidatedCompany) {
  const cite = citation(data);
  return aq.from(data.principalPayments.map(({value: p}) => ({
    company, as_of: p.as_of, year: p.year, amount: toMillions(p.amount, p.unit), unit: "USD millions", ...cite(p)
  }))).orderby("as_of");
}

/** Debt issued after a debt table, as its 8-K states it: principal in USD millions, coupon as a decimal. */
export function issuancesTable(company: string, data: ValidatedCompany) {
  const cite = citation(data);
  return aq.from(data.issuances.map(({value: d}) => ({
    company, issued: d.issued, facility: d.facility, principal: toMillions(d.principal, d.unit), coupon: d.coupon.low, maturity: d.maturity,
    unit: "USD millions", ...cite(d)
  }))).orderby("issued");
}

/** Committed facilities' terms at a debt table's date, as judged (see judgeCommitments): commitment in USD millions. */
export function commitmentsTable(company: string, data: ValidatedCompany) {
  const cite = citation(data);
  return aq.from(data.commitments.map((c) => ({
    company, as_of: c.as_of, facility: c.facility, commitment: c.commitment, draws_until: c.draws_until, unit: "USD millions",
    ...cite(c), status: c.status, basis: c.reason
  }))).orderby("as_of", "facility");
}

export function debtDiscountsTable(company: string, data: ValidatedCompany) {
  const cite = citation(data);
  return aq.from(data.debtDiscounts.map(({value: d}) => ({
    company, as_of: d.as_of, amount: toMillions(d.amount, d.unit), unit: "USD millions", ...cite(d)
  }))).orderby("as_of");
}

/** A row's citation as the tidy tables carry it: the source's id, its address, where in it. */
function citation(data: ValidatedCompany): (row: {source_id: string; locator: string}) => {source: string; source_url: string; locator: string} {
  const url = new Map(data.sources.map((s) => [s.source_id, s.url]));
  return (row) => ({source: row.source_id, source_url: url.get(row.source_id) ?? "", locator: row.locator});
}

export function sourcesTable(data: ValidatedCompany) {
  return aq.from(data.sources.map((s) => ({...s}))).orderby(aq.desc("published"));
}
