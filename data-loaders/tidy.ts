import * as aq from "arquero";
import type {ValidatedCompany} from "./validate.js";
import {toMillions} from "./validate.js";
import type {Unit} from "./schemas.js";

/**
 * Tidy tables, one observation a row, built with arquero from validated raw rows. Every
 * row carries its source (the document's id and address) and the locator inside it, and
 * the figure as printed beside the converted one, so any figure can be checked.
 */

/** "2025Q3", "H1 2025", "9M 2025" or "FY2025": the period a flow covers. */
export function periodLabel(start: string, end: string): string {
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const [ey, em] = end.split("-").map(Number) as [number, number];
  const months = (ey - sy) * 12 + (em - sm) + 1;
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

export type FinancialRow = ReturnType<typeof financialRows>[number];
function financialRows(company: string, data: ValidatedCompany) {
  const url = new Map(data.sources.map((s) => [s.source_id, s.url]));
  return data.statements.map(({value: s}) => ({
    company,
    period: periodLabel(s.period_start, s.period_end),
    period_start: s.period_start,
    period_end: s.period_end,
    line_item: s.line_item,
    value: toMillions(s.value, s.unit),
    unit: unitOut(s.unit),
    printed_value: s.value,
    printed_unit: s.unit,
    source: s.source_id,
    source_url: url.get(s.source_id) ?? "",
    locator: s.locator
  }));
}

export function facilitiesTable(company: string, data: ValidatedCompany) {
  return aq.from(facilityRows(company, data)).orderby(aq.desc("as_of"), aq.desc("principal"));
}

export type FacilityTidyRow = ReturnType<typeof facilityRows>[number];
function facilityRows(company: string, data: ValidatedCompany) {
  const url = new Map(data.sources.map((s) => [s.source_id, s.url]));
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
    source_url: url.get(f.source_id) ?? "",
    locator: f.locator
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
