import type {ParsedRow} from "./csv.js";
import {periodMonths, quartersOf} from "./periods.js";
import type {RawDataIssue} from "./errors.js";
import {isInstant, TRUSTED_GRADES, type LineItem, type SourceGrade, type SourceRow, type StatementRow, type Unit} from "./schemas.js";

/**
 * How sure the dataset is of each statement figure, and where two sources or an identity
 * contradict each other.
 *
 * - A figure from a filing, a press release or a verbatim copy is **accepted**.
 * - An extraction's or an article's figure is **confirmed** when another source agrees with
 *   it within rounding, or when it closes an identity whose other terms are settled (the
 *   quarters add up to the year; assets = liabilities + equity; revenue less operating
 *   expenses is operating income); otherwise it stays **unconfirmed**, out of the base case.
 * - A source whose own figures break an identity (total assets below PP&E plus cash, say) has
 *   those figures **contradicted**: shown, never used; so has a figure that disagrees with a
 *   settled one.
 * - Accepted or confirmed figures that disagree with each other, or break an identity
 *   together, stop the build, naming both sources.
 */
export type FigureStatus = "accepted" | "confirmed" | "unconfirmed" | "contradicted";

export interface JudgedFigure {
  readonly row: number;
  readonly value: StatementRow;
  readonly grade: SourceGrade;
  /** USD millions, or a percent. */
  readonly amount: number;
  /** What the figure's printed precision leaves open, in the same unit as `amount`. */
  readonly step: number;
  status: FigureStatus;
  /** Why it has its status, in words. */
  reason: string;
}

export const figureKey = (s: {line_item: string; period_start?: string | undefined; period_end: string}) => `${s.line_item}|${s.period_start ?? ""}|${s.period_end}`;

/**
 * The rounding a printed figure leaves open: a unit of its last printed digit (1 for
 * 61168 thousands, 0.1 for 61.2 millions, 1 million for 61,000,000 USD). A round figure in
 * USD or thousands is read to the million at most (filings print to the thousand or the
 * million); in USD millions, to 100 million at most ("$98.8 billion" entered as 98800).
 */
export function roundingStep(value: number, unit: Unit): number {
  if (unit === "percent") {
    const decimals = (String(value).split(".")[1] ?? "").length;
    return decimals > 0 ? 10 ** -decimals : 1;
  }
  const text = String(Math.abs(value));
  const decimals = (text.split(".")[1] ?? "").length;
  let printed = 10 ** -decimals;
  if (decimals === 0) {
    const zeros = /0*$/.exec(text)![0].length;
    printed = 10 ** Math.min(zeros, 15);
  }
  const inMillions = unit === "USD" ? printed / 1e6 : unit === "USD thousands" ? printed / 1e3 : printed;
  return Math.min(inMillions, unit === "USD millions" ? 100 : 1);
}

/**
 * Where a source was read, as far as independence goes: one repository, one web page or one
 * stored text. Two source ids read off the same one are not a cross-check of each other.
 */
export function origin(url: string): string {
  if (url.startsWith("stored:")) return url;
  try {
    const u = new URL(url);
    if (u.hostname === "github.com") return `github.com/${u.pathname.split("/").slice(1, 3).join("/").toLowerCase()}`;
    return `${u.hostname.replace(/^www\./, "")}${u.pathname.replace(/\/$/, "")}`;
  } catch {
    return url;
  }
}

/** Two figures agree when they differ by no more than the coarser one's rounding. */
export const agrees = (a: {amount: number; step: number}, b: {amount: number; step: number}) => Math.abs(a.amount - b.amount) <= Math.max(a.step, b.step) + 1e-9;
/** Accepted or confirmed: a figure the tables may publish and the model may use. */
export const isSettled = (f: {readonly status: string}) => f.status === "accepted" || f.status === "confirmed";

/** The figures by line and period (figureKey), each group in the order given. */
export function groupByFigure(figures: readonly JudgedFigure[]): Map<string, JudgedFigure[]> {
  const groups = new Map<string, JudgedFigure[]>();
  for (const f of figures) {
    const key = figureKey(f.value);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return groups;
}
const money = (x: number) => `${Number(x.toFixed(3))}`;

/** A relation among figures: Σ sign × figure is zero (or, for "≥", not negative). */
export interface Identity {
  readonly name: string;
  /** Periods adding up: a later filing may restate an earlier period's figure, so a sum across filings of different dates is not held to it. */
  readonly periods?: boolean;
  /** An optional term counts as zero where no source gives it (temporary equity after the IPO). */
  readonly terms: ReadonlyArray<{readonly key: string; readonly sign: 1 | -1; readonly optional?: boolean}>;
  readonly relation: "=" | ">=";
}


/** Every identity the figures held take part in. */
export function identitiesOf(figures: readonly JudgedFigure[]): Identity[] {
  const keys = new Set(figures.map((f) => figureKey(f.value)));
  const identities: Identity[] = [];
  const at = (item: LineItem, end: string, start?: string) => figureKey({line_item: item, period_start: start, period_end: end});
  const dates = new Set(figures.filter((f) => isInstant(f.value.line_item)).map((f) => f.value.period_end));
  for (const d of dates) {
    identities.push(
      {name: `total assets = total liabilities + equity at ${d}`, relation: "=", terms: [{key: at("total_assets", d), sign: 1}, {key: at("total_liabilities", d), sign: -1}, {key: at("temporary_equity", d), sign: -1, optional: true}, {key: at("total_equity", d), sign: -1}]},
      {name: `total assets = total liabilities and equity at ${d}`, relation: "=", terms: [{key: at("total_assets", d), sign: 1}, {key: at("total_liabilities_and_equity", d), sign: -1}]},
      {name: `total assets ≥ PP&E + cash at ${d}`, relation: ">=", terms: [{key: at("total_assets", d), sign: 1}, {key: at("property_and_equipment_net", d), sign: -1}, {key: at("cash_and_cash_equivalents", d), sign: -1}]},
      {name: `debt current + non-current = total debt (carrying) at ${d}`, relation: "=", terms: [{key: at("total_debt_carrying", d), sign: 1}, {key: at("debt_current", d), sign: -1}, {key: at("debt_non_current", d), sign: -1}]}
    );
  }
  const periods = new Map<string, {start: string; end: string}>();
  for (const f of figures) if (f.value.period_start) periods.set(`${f.value.period_start}|${f.value.period_end}`, {start: f.value.period_start, end: f.value.period_end});
  for (const {start, end} of periods.values()) {
    identities.push(
      {name: `revenue − operating expenses = operating income, ${start} to ${end}`, relation: "=", terms: [{key: at("revenue", end, start), sign: 1}, {key: at("operating_expenses", end, start), sign: -1}, {key: at("operating_income", end, start), sign: -1}]},
      {name: `revenue − cost lines = operating income, ${start} to ${end}`, relation: "=", terms: [
        {key: at("revenue", end, start), sign: 1}, {key: at("cost_of_revenue", end, start), sign: -1}, {key: at("technology_and_infrastructure", end, start), sign: -1},
        {key: at("sales_and_marketing", end, start), sign: -1}, {key: at("general_and_administrative", end, start), sign: -1}, {key: at("operating_income", end, start), sign: -1}
      ]}
    );
  }
  // Longer periods are the sum of their quarters; nine months is a half and a quarter, a year nine months and a quarter.
  const flowItems = new Set(figures.filter((f) => f.value.period_start && f.value.unit !== "percent").map((f) => f.value.line_item));
  for (const {start, end} of periods.values()) {
    const months = periodMonths(start, end);
    if (months <= 3) continue;
    for (const item of flowItems) {
      const whole = at(item, end, start);
      if (!keys.has(whole)) continue;
      const parts = quartersOf(start, months);
      const quarters = parts.map((q) => at(item, q.end, q.start));
      identities.push({name: `${item}: the quarters add up to ${start} to ${end}`, periods: true, relation: "=", terms: [{key: whole, sign: 1}, ...quarters.map((key) => ({key, sign: -1 as const}))]});
      if (months >= 9) {
        const rest = at(item, parts.at(-2)!.end, start);
        identities.push({name: `${item}: ${months - 3} months and a quarter make ${start} to ${end}`, periods: true, relation: "=", terms: [{key: whole, sign: 1}, {key: rest, sign: -1}, {key: at(item, end, parts.at(-1)!.start), sign: -1}]});
      }
    }
  }
  return identities;
}

/** Grades from best to worst, for choosing among sources of one figure. */
const GRADE_ORDER: readonly SourceGrade[] = ["filing", "press-release", "copy", "extraction", "article"];
export const gradeRank = (g: SourceGrade) => GRADE_ORDER.indexOf(g);

/**
 * Judges every statement figure (see the module's comment). Problems that stop the build
 * are pushed onto `issues`; the figures come back with their status and its reason.
 */
export function judgeFigures(statements: readonly ParsedRow<StatementRow>[], sources: ReadonlyMap<string, SourceRow>, issues: RawDataIssue[], toAmount: (value: number, unit: Unit) => number): JudgedFigure[] {
  const file = "statements.csv";
  const figures: JudgedFigure[] = statements.map(({row, value}) => {
    const grade = sources.get(value.source_id)?.grade ?? "article";
    const trusted = TRUSTED_GRADES.includes(grade);
    return {row, value, grade, amount: toAmount(value.value, value.unit), step: roundingStep(value.value, value.unit), status: trusted ? "accepted" : "unconfirmed", reason: trusted ? `graded ${grade}` : "no second source or identity confirms it yet"};
  });
  const byKey = groupByFigure(figures);
  const identities = identitiesOf(figures);
  const originOf = (f: JudgedFigure) => origin(sources.get(f.value.source_id)?.url ?? f.value.source_id);
  const independent = (a: JudgedFigure, b: JudgedFigure) => a.value.source_id !== b.value.source_id && originOf(a) !== originOf(b);
  const describe = (f: JudgedFigure) => `${f.value.source_id} (row ${f.row}: ${money(f.amount)})`;

  // 1. A source's own figures that break an identity: an error for a trusted source, a
  //    contradicted column for any other.
  for (const identity of identities) {
    const sourceIds = new Set(identity.terms.flatMap((t) => (byKey.get(t.key) ?? []).map((f) => f.value.source_id)));
    for (const sourceId of sourceIds) {
      const terms = identity.terms.map((t) => ({...t, figure: byKey.get(t.key)?.find((f) => f.value.source_id === sourceId)})).filter((t) => t.figure || !t.optional);
      if (terms.some((t) => !t.figure)) continue;
      if (holds(identity, terms.map((t) => ({sign: t.sign, figure: t.figure!})))) continue;
      const own = terms.map((t) => t.figure!);
      if (own.every((f) => f.status === "accepted")) {
        issues.push({file, row: own[0]!.row, field: "value", message: `${sourceId}'s figures break "${identity.name}": ${own.map(describe).join(", ")}`});
        continue;
      }
      for (const f of own) if (f.status !== "accepted") {
        f.status = "contradicted";
        f.reason = `its source's figures break "${identity.name}" (${own.map((o) => `${o.value.line_item} ${money(o.amount)}`).join(", ")})`;
      }
    }
  }

  // 2. Confirmation, until nothing more is confirmed: by a second source, or by an identity
  //    whose other terms are settled.
  for (let changed = true; changed;) {
    changed = false;
    // A figure a settled source contradicts is out before it can confirm anything.
    for (const group of byKey.values()) {
      for (const f of group) {
        if (f.status !== "unconfirmed") continue;
        const against = group.find((g) => g.value.source_id !== f.value.source_id && isSettled(g) && !agrees(f, g));
        if (!against) continue;
        f.status = "contradicted";
        f.reason = `disagrees with ${against.value.source_id} (${against.grade}, ${money(against.amount)})`;
      }
    }
    for (const group of byKey.values()) {
      for (const f of group) {
        if (f.status !== "unconfirmed") continue;
        const witness = group.find((g) => g !== f && independent(f, g) && g.status !== "contradicted" && agrees(f, g));
        if (!witness) continue;
        f.status = "confirmed";
        f.reason = `agrees with ${witness.value.source_id} (${witness.grade}, ${money(witness.amount)})`;
        if (witness.status === "unconfirmed") {
          witness.status = "confirmed";
          witness.reason = `agrees with ${f.value.source_id} (${f.grade}, ${money(f.amount)})`;
        }
        changed = true;
      }
    }
    for (const identity of identities) {
      const candidates = identity.terms.map((t) => ({...t, group: byKey.get(t.key) ?? []})).filter((t) => t.group.length > 0 || !t.optional);
      if (candidates.some((t) => t.group.length === 0)) continue;
      const open = candidates.filter((t) => !t.group.some(isSettled));
      if (open.length === 0) continue;
      for (const sourceId of new Set(open.flatMap((t) => t.group.filter((f) => f.status === "unconfirmed").map((f) => f.value.source_id)))) {
        const chosen = candidates.map((t) => ({sign: t.sign, figure: t.group.find(isSettled) ?? t.group.find((f) => f.status === "unconfirmed" && f.value.source_id === sourceId)}));
        if (chosen.some((c) => !c.figure) || !holds(identity, chosen as Array<{sign: 1 | -1; figure: JudgedFigure}>)) continue;
        for (const c of chosen) if (c.figure!.status === "unconfirmed") {
          c.figure!.status = "confirmed";
          c.figure!.reason = `closes "${identity.name}" with settled figures`;
        }
        changed = true;
      }
    }
  }

  // 3. Settled figures of one line must agree, and settled figures must keep every identity.
  for (const group of byKey.values()) {
    const held = group.filter(isSettled);
    for (let i = 0; i < held.length; i++) for (let j = i + 1; j < held.length; j++) {
      const a = held[i]!, b = held[j]!;
      if (!agrees(a, b)) issues.push({file, row: b.row, field: "value", message: `two sources disagree on ${b.value.line_item} for ${b.value.period_start ?? "at"} ${b.value.period_end}: ${describe(a)} and ${describe(b)}`});
    }
  }
  for (const identity of identities) {
    const chosen = identity.terms.filter((t) => !t.optional || byKey.has(t.key)).map((t) => ({sign: t.sign, figure: best(byKey.get(t.key) ?? [])}));
    if (chosen.some((c) => !c.figure)) continue;
    if (new Set(chosen.map((c) => c.figure!.value.source_id)).size === 1) continue; // judged in step 1
    if (identity.periods && new Set(chosen.map((c) => sources.get(c.figure!.value.source_id)?.published)).size > 1) continue; // a restatement is not an error
    if (!holds(identity, chosen as Array<{sign: 1 | -1; figure: JudgedFigure}>)) {
      issues.push({file, row: chosen[0]!.figure!.row, field: "value", message: `the settled figures break "${identity.name}": ${chosen.map((c) => describe(c.figure!)).join(", ")}`});
    }
  }
  return figures;
}

function holds(identity: Identity, terms: ReadonlyArray<{sign: 1 | -1; figure: JudgedFigure}>): boolean {
  const sum = terms.reduce((s, t) => s + t.sign * t.figure.amount, 0);
  const slack = terms.reduce((s, t) => s + t.figure.step, 0) + 1e-9;
  return identity.relation === "=" ? Math.abs(sum) <= slack : sum >= -slack;
}

/** Of one figure's settled rows, the best: the best grade, then the most precise. */
export function best(group: readonly JudgedFigure[]): JudgedFigure | undefined {
  return group.filter(isSettled).sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade) || a.step - b.step)[0];
}
