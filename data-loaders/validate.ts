import {parseCsv, type ParsedRow} from "./csv.js";
import {RawDataError, type RawDataIssue} from "./errors.js";
import {isMonthEnd, isMonthStart, periodMonths} from "./periods.js";
import {agrees, best, figureKey, gradeRank, groupByFigure, isSettled, judgeFigures, origin, roundingStep, type JudgedFigure} from "./evidence.js";
import {debtDiscountRow, debtIssuanceRow, facilityCommitmentRow, facilityRow, factRow, isInstant, LINE_ITEMS, principalPaymentRow, sourceRow, statementRow, TRUSTED_GRADES, type DebtDiscountRow, type DebtIssuanceRow, type FacilityCommitmentRow, type FacilityRow, type FactRow, type PrincipalPaymentRow, type SourceRow, type StatementRow, type Unit} from "./schemas.js";

/** The raw files of one company, by name, as text. */
export interface RawFiles {
  readonly "sources.csv": string;
  readonly "statements.csv": string;
  readonly "debt_facilities.csv": string;
  readonly "principal_payments.csv": string;
  readonly "debt_discounts.csv": string;
  readonly "debt_issuances.csv": string;
  readonly "facility_commitments.csv": string;
  readonly "facts.csv": string;
}
export const RAW_FILE_NAMES = ["sources.csv", "statements.csv", "debt_facilities.csv", "principal_payments.csv", "debt_discounts.csv", "debt_issuances.csv", "facility_commitments.csv", "facts.csv"] as const;
/** The header of each raw file that may be empty of rows, for a company that holds none. */
export const EMPTY_COMMITMENTS = "as_of,facility,commitment,unit,draws_until,source_id,locator\n";

/** A company's raw data after every check: rows as printed, with their row numbers. */
export interface ValidatedCompany {
  readonly sources: readonly SourceRow[];
  /** One row a figure: the best of its accepted or confirmed sources. */
  readonly statements: readonly ParsedRow<StatementRow>[];
  /** Every statement row with how sure the dataset is of it (see evidence.ts). */
  readonly figures: readonly JudgedFigure[];
  /** Each debt table (the facilities one source lists at a date) and how sure the dataset is of it. */
  readonly debtTables: readonly DebtTable[];
  readonly facilities: readonly ParsedRow<FacilityRow>[];
  readonly principalPayments: readonly ParsedRow<PrincipalPaymentRow>[];
  readonly debtDiscounts: readonly ParsedRow<DebtDiscountRow>[];
  readonly issuances: readonly ParsedRow<DebtIssuanceRow>[];
  /** Each committed facility's terms at a date, with how sure the dataset is of them. */
  readonly commitments: readonly JudgedCommitment[];
  readonly facts: readonly FactRow[];
}

const UNIT_SCALE: Record<Unit, number> = {"USD": 1e-6, "USD thousands": 1e-3, "USD millions": 1, "percent": 1};

/** A printed money figure in USD millions (the engine's unit). */
export function toMillions(value: number, unit: Unit): number {
  return unit === "USD thousands" ? value / 1000 : value * UNIT_SCALE[unit];
}

/**
 * Every rule of the raw data, pure over the files' text. Throws one RawDataError
 * listing every problem, so nothing is emitted from a dataset with any bad row.
 */
export function validateCompany(files: RawFiles): ValidatedCompany {
  const issues: RawDataIssue[] = [];
  const refusedSources: Array<Readonly<Record<string, string | undefined>>> = [];
  const sources = parseCsv("sources.csv", files["sources.csv"], sourceRow, issues, refusedSources);
  const statements = parseCsv("statements.csv", files["statements.csv"], statementRow, issues);
  const facilities = parseCsv("debt_facilities.csv", files["debt_facilities.csv"], facilityRow, issues);
  const principalPayments = parseCsv("principal_payments.csv", files["principal_payments.csv"], principalPaymentRow, issues);
  const debtDiscounts = parseCsv("debt_discounts.csv", files["debt_discounts.csv"], debtDiscountRow, issues);
  const issuances = parseCsv("debt_issuances.csv", files["debt_issuances.csv"], debtIssuanceRow, issues);
  const commitments = parseCsv("facility_commitments.csv", files["facility_commitments.csv"], facilityCommitmentRow, issues);
  const facts = parseCsv("facts.csv", files["facts.csv"], factRow, issues);

  // Sources: unique ids; every cited id exists.
  const sourceIds = new Map<string, SourceRow>();
  for (const {row, value} of sources) {
    if (sourceIds.has(value.source_id)) issues.push({file: "sources.csv", row, field: "source_id", message: `"${value.source_id}" is listed twice`});
    sourceIds.set(value.source_id, value);
  }
  const citing: Array<[string, readonly ParsedRow<{source_id: string}>[]]> = [["statements.csv", statements], ["debt_facilities.csv", facilities], ["principal_payments.csv", principalPayments], ["debt_discounts.csv", debtDiscounts], ["debt_issuances.csv", issuances], ["facility_commitments.csv", commitments], ["facts.csv", facts]];
  // A source refused for its own fields (a bad title) is reported once, not again by every row citing it.
  const refusedIds = new Set(refusedSources.map((s) => s["source_id"]));
  for (const [file, rows] of citing) {
    for (const {row, value} of rows) {
      if (!sourceIds.has(value.source_id) && !refusedIds.has(value.source_id)) issues.push({file, row, field: "source_id", message: `"${value.source_id}" is not in sources.csv`});
    }
  }

  const factIds = new Map<string, number>();
  for (const {row, value} of facts) {
    const first = factIds.get(value.fact_id);
    if (first !== undefined) issues.push({file: "facts.csv", row, field: "fact_id", message: `"${value.fact_id}" is used by row ${first} already`});
    factIds.set(value.fact_id, row);
  }

  checkStatements(statements, issues);
  const figures = judgeFigures(statements.filter((s) => sourceIds.has(s.value.source_id)), sourceIds, issues, toMillions);
  checkFacilities(facilities, principalPayments, issues);
  checkDebtDiscounts(debtDiscounts, facilities, issues);
  checkIssuances(issuances, issues);
  checkCommitments(commitments, facilities, issues);

  if (issues.length > 0) throw new RawDataError(issues);
  return {sources: sources.map((s) => s.value), statements: bestOfEach(figures), figures, debtTables: judgeDebtTables(facilities, figures, sourceIds), facilities, principalPayments, debtDiscounts, issuances, commitments: judgeCommitments(commitments, sourceIds), facts: facts.map((f) => f.value)};
}

export interface DebtTable {
  readonly as_of: string;
  readonly source_id: string;
  /** USD millions. */
  readonly total: number;
  readonly status: "accepted" | "confirmed" | "unconfirmed";
  readonly reason: string;
}

/**
 * A debt table from a filing, a release or a copy stands; one from an extraction or an
 * article is confirmed when its facilities add up to the total principal an independent,
 * settled source gives for that date (to a USD million), and is otherwise kept out of the
 * base case.
 */
function judgeDebtTables(facilities: readonly ParsedRow<FacilityRow>[], figures: readonly JudgedFigure[], sources: ReadonlyMap<string, SourceRow>): DebtTable[] {
  const tables = new Map<string, {as_of: string; source_id: string; total: number}>();
  for (const {value: f} of facilities) {
    const key = `${f.as_of}|${f.source_id}`;
    const table = tables.get(key) ?? {as_of: f.as_of, source_id: f.source_id, total: 0};
    table.total += toMillions(f.principal, f.unit);
    tables.set(key, table);
  }
  return [...tables.values()].map((t) => {
    const grade = sources.get(t.source_id)?.grade ?? "article";
    if (TRUSTED_GRADES.includes(grade)) return {...t, status: "accepted" as const, reason: `graded ${grade}`};
    const from = origin(sources.get(t.source_id)?.url ?? "");
    const witness = figures.find((f) => f.value.line_item === "total_debt_principal" && f.value.period_end === t.as_of && isSettled(f)
      && f.value.source_id !== t.source_id && origin(sources.get(f.value.source_id)?.url ?? "") !== from && Math.abs(f.amount - t.total) <= Math.max(1, f.step));
    return witness
      ? {...t, status: "confirmed" as const, reason: `its facilities add up to ${Number(t.total.toFixed(3))} USD m, the total principal ${witness.value.source_id} (${witness.grade}) gives`}
      : {...t, status: "unconfirmed" as const, reason: "no independent, settled total principal at its date agrees with its facilities' sum"};
  });
}

/** Each issuance once, in money, maturing after it is issued. */
function checkIssuances(issuances: readonly ParsedRow<DebtIssuanceRow>[], issues: RawDataIssue[]): void {
  const file = "debt_issuances.csv";
  const seen = new Map<string, number>();
  for (const {row, value: d} of issuances) {
    const key = `${d.issued}/${d.facility}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({file, row, field: "facility", message: `duplicates row ${first} (${d.facility} issued ${d.issued})`});
    seen.set(key, row);
    if (!d.unit.startsWith("USD")) issues.push({file, row, field: "unit", message: `"${d.unit}" does not measure a principal (money)`});
    if (d.maturity <= d.issued) issues.push({file, row, field: "maturity", message: `${d.facility} matures (${d.maturity}) before it is issued (${d.issued})`});
  }
}

/**
 * Each commitment names a facility the debt tables list at its date, once a source, is in
 * money, is at least the principal listed for it, and its draw window ends after that date.
 */
function checkCommitments(commitments: readonly ParsedRow<FacilityCommitmentRow>[], facilities: readonly ParsedRow<FacilityRow>[], issues: RawDataIssue[]): void {
  const file = "facility_commitments.csv";
  const seen = new Map<string, number>();
  for (const {row, value: c} of commitments) {
    const key = `${c.as_of}/${c.facility}/${c.source_id}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({file, row, field: "facility", message: `duplicates row ${first} (${c.facility} at ${c.as_of} from ${c.source_id})`});
    seen.set(key, row);
    if (!c.unit.startsWith("USD")) issues.push({file, row, field: "unit", message: `"${c.unit}" does not measure a commitment (money)`});
    const listed = facilities.filter((f) => f.value.as_of === c.as_of && f.value.facility === c.facility);
    if (listed.length === 0) {
      issues.push({file, row, field: "facility", message: `"${c.facility}" is not listed at ${c.as_of} in debt_facilities.csv`});
      continue;
    }
    const commitment = toMillions(c.commitment, c.unit);
    const principal = Math.max(...listed.map((f) => toMillions(f.value.principal, f.value.unit)));
    if (commitment + 1e-9 < principal) issues.push({file, row, field: "commitment", message: `${Number(commitment.toFixed(6))} USD millions is less than the ${Number(principal.toFixed(6))} drawn at ${c.as_of}`});
    if (c.draws_until !== undefined && c.draws_until <= c.as_of.slice(0, 7)) issues.push({file, row, field: "draws_until", message: `the draw window (to ${c.draws_until}) has closed by ${c.as_of}`});
  }
}

/** A committed facility's terms at a date, as the dataset settles them (USD millions). */
export interface JudgedCommitment {
  readonly as_of: string;
  readonly facility: string;
  readonly commitment: number;
  /** The last month draws can be made in, or null where no source that states the commitment gives it. */
  readonly draws_until: string | null;
  readonly source_id: string;
  readonly locator: string;
  /** Accepted (a trusted grade), confirmed (a source of another origin agrees) or unconfirmed: then out of the base case. */
  readonly status: "accepted" | "confirmed" | "unconfirmed";
  readonly reason: string;
}

/**
 * One row a facility and date: the best-graded statement of its terms, accepted when its
 * grade is trusted, confirmed when a source of another origin states the same commitment (to
 * the coarser one's rounding) and no draw window that disagrees, and the window confirmed the
 * same way where it is given (else it is left out: null). Otherwise unconfirmed.
 */
function judgeCommitments(commitments: readonly ParsedRow<FacilityCommitmentRow>[], sources: ReadonlyMap<string, SourceRow>): JudgedCommitment[] {
  const groups = new Map<string, FacilityCommitmentRow[]>();
  for (const {value: c} of commitments) groups.set(`${c.as_of}|${c.facility}`, [...(groups.get(`${c.as_of}|${c.facility}`) ?? []), c]);
  const gradeOf = (c: FacilityCommitmentRow) => sources.get(c.source_id)?.grade ?? "article";
  const originOf = (c: FacilityCommitmentRow) => origin(sources.get(c.source_id)?.url ?? "");
  const amount = (c: FacilityCommitmentRow) => ({amount: toMillions(c.commitment, c.unit), step: roundingStep(c.commitment, c.unit)});
  return [...groups.values()].map((group) => {
    const ranked = [...group].sort((a, b) => gradeRank(gradeOf(a)) - gradeRank(gradeOf(b)));
    const head = ranked[0]!;
    const base = {as_of: head.as_of, facility: head.facility, commitment: amount(head).amount, source_id: head.source_id, locator: head.locator};
    if (TRUSTED_GRADES.includes(gradeOf(head))) return {...base, draws_until: head.draws_until ?? null, status: "accepted" as const, reason: `graded ${gradeOf(head)}`};
    const witnesses = group.filter((c) => c !== head && originOf(c) !== originOf(head) && agrees(amount(c), amount(head)));
    const windows = new Set(group.map((c) => c.draws_until).filter((w): w is string => w !== undefined));
    if (witnesses.length === 0 || windows.size > 1) {
      return {...base, draws_until: head.draws_until ?? null, status: "unconfirmed" as const, reason: windows.size > 1 ? `its sources give different draw windows (${[...windows].join(", ")})` : "no source of another origin states the same commitment"};
    }
    const windowSources = group.filter((c) => c.draws_until !== undefined);
    const windowConfirmed = new Set(windowSources.map(originOf)).size >= 2;
    const window = windowConfirmed ? windowSources[0]!.draws_until! : null;
    return {
      ...base, draws_until: window, status: "confirmed" as const,
      reason: `${witnesses.map((w) => w.source_id).join(", ")} state${witnesses.length === 1 ? "s" : ""} the same commitment${window ? `; ${windowSources.map((c) => c.source_id).join(" and ")} the same draw window` : windowSources.length ? "; the draw window only one source gives is left out" : ""}`
    };
  });
}

/** One discount a date, at a date the facilities are listed for, and less than their principal. */
function checkDebtDiscounts(discounts: readonly ParsedRow<DebtDiscountRow>[], facilities: readonly ParsedRow<FacilityRow>[], issues: RawDataIssue[]): void {
  const seen = new Map<string, number>();
  for (const {row, value: d} of discounts) {
    const first = seen.get(d.as_of);
    if (first !== undefined) issues.push({file: "debt_discounts.csv", row, field: "as_of", message: `duplicates row ${first} (${d.as_of})`});
    seen.set(d.as_of, row);
    const listed = facilities.filter((f) => f.value.as_of === d.as_of);
    if (listed.length === 0) {
      issues.push({file: "debt_discounts.csv", row, field: "as_of", message: `no facilities are listed at ${d.as_of} in debt_facilities.csv`});
      continue;
    }
    const principal = listed.reduce((sum, f) => sum + toMillions(f.value.principal, f.value.unit), 0);
    if (toMillions(d.amount, d.unit) >= principal) {
      issues.push({file: "debt_discounts.csv", row, field: "amount", message: `${toMillions(d.amount, d.unit)} USD millions is not less than the facilities' principal (${Number(principal.toFixed(6))})`});
    }
  }
}

function checkStatements(statements: readonly ParsedRow<StatementRow>[], issues: RawDataIssue[]): void {
  const file = "statements.csv";
  const seen = new Map<string, number>();
  for (const {row, value: s} of statements) {
    if (isInstant(s.line_item)) {
      if (s.period_start) issues.push({file, row, field: "period_start", message: `${s.line_item} is a balance at a date: leave period_start empty and put the date in period_end`});
      if (!isMonthEnd(s.period_end)) issues.push({file, row, field: "period_end", message: `${s.period_end} is not the last day of a month`});
    } else if (!s.period_start) {
      issues.push({file, row, field: "period_start", message: `${s.line_item} covers a period: period_start is missing`});
      continue;
    } else {
      if (s.period_end < s.period_start) {
        issues.push({file, row, field: "period_end", message: `${s.period_end} is before the period starts (${s.period_start})`});
        continue;
      }
      if (!isMonthStart(s.period_start)) issues.push({file, row, field: "period_start", message: `${s.period_start} is not the first day of a month`});
      if (!isMonthEnd(s.period_end)) issues.push({file, row, field: "period_end", message: `${s.period_end} is not the last day of a month`});
      if (![3, 6, 9, 12].includes(periodMonths(s.period_start, s.period_end))) {
        issues.push({file, row, field: "period_end", message: `${s.period_start} to ${s.period_end} is not a quarter, half year, nine months or year`});
      }
    }
    const measures = LINE_ITEMS[s.line_item];
    if ((measures === "money") !== s.unit.startsWith("USD")) {
      issues.push({file, row, field: "unit", message: `"${s.unit}" does not measure ${s.line_item}, which is ${measures === "money" ? "money (USD, USD thousands or USD millions)" : "a percent"}`});
    }
    // One source gives a figure once; several sources may each give it (that is a cross-check).
    const key = `${figureKey(s)}|${s.source_id}`;
    const other = seen.get(key);
    if (other !== undefined) issues.push({file, row, field: "line_item", message: `duplicates row ${other} (${s.line_item} for ${s.period_start ?? "at"} ${s.period_end}, ${s.source_id})`});
    seen.set(key, row);
  }
}

function checkFacilities(facilities: readonly ParsedRow<FacilityRow>[], payments: readonly ParsedRow<PrincipalPaymentRow>[], issues: RawDataIssue[]): void {
  const file = "debt_facilities.csv";
  const seen = new Map<string, number>();
  for (const {row, value: f} of facilities) {
    const key = `${f.as_of}/${f.facility}`;
    if (seen.has(key)) issues.push({file, row, field: "facility", message: `duplicates row ${seen.get(key)} (${f.facility} as of ${f.as_of})`});
    seen.set(key, row);
    if (!f.unit.startsWith("USD")) issues.push({file, row, field: "unit", message: `"${f.unit}" does not measure a principal (money)`});
    if (f.issued && f.maturity.to < f.issued.slice(0, 7)) {
      issues.push({file, row, field: "maturity", message: `${f.facility} matures (${f.maturity.to}) before it starts (${f.issued})`});
    }
    if (f.principal > 0 && f.maturity.to < f.as_of.slice(0, 7)) {
      issues.push({file, row, field: "maturity", message: `${f.facility} has matured (${f.maturity.to}) but is reported outstanding at ${f.as_of}`});
    }
  }
  // The maturity schedule must account for every facility's principal at its date.
  const scheduleByDate = new Map<string, {total: number; firstRow: number}>();
  const paymentsSeen = new Map<string, number>();
  for (const {row, value: p} of payments) {
    const key = `${p.as_of}/${p.year}`;
    if (paymentsSeen.has(key)) issues.push({file: "principal_payments.csv", row, field: "year", message: `duplicates row ${paymentsSeen.get(key)} (${p.year} as of ${p.as_of})`});
    paymentsSeen.set(key, row);
    const entry = scheduleByDate.get(p.as_of) ?? {total: 0, firstRow: row};
    entry.total += toMillions(p.amount, p.unit);
    scheduleByDate.set(p.as_of, entry);
  }
  for (const [asOf, {total, firstRow}] of scheduleByDate) {
    const rows = facilities.filter((f) => f.value.as_of === asOf);
    if (rows.length === 0) continue;
    const principal = rows.reduce((sum, f) => sum + toMillions(f.value.principal, f.value.unit), 0);
    if (Math.abs(principal - total) > 0.001 * rows.length) {
      issues.push({file: "principal_payments.csv", row: firstRow, field: "amount", message: `the schedule at ${asOf} adds up to ${Number(total.toFixed(6))} USD millions, but the facilities' principal is ${Number(principal.toFixed(6))}`});
    }
  }
}

/** Of each figure, the row the tables publish: the best of its settled sources (see evidence.ts). */
function bestOfEach(figures: readonly JudgedFigure[]): ParsedRow<StatementRow>[] {
  return [...groupByFigure(figures).values()].map(best).filter((f): f is JudgedFigure => f !== undefined).map((f) => ({row: f.row, value: f.value}));
}
