import {addQuarters, isQuarterLabel, type Projection} from "../model/index.js";
import {fundingGap} from "./funding-gap.js";
import {usdMillions} from "./format.js";
import {quartersIn} from "./outcomes.js";

/**
 * The answer first: does CoreWeave have to borrow to pay its interest? Read from the latest
 * reported quarters (the tidy financials) and from a projection, as a few plain sentences and
 * a row of figure cards. Every figure in them is computed here from the rows and the
 * projection; a figure the dataset lacks is named as missing, never guessed.
 */

/** A row of the tidy financials (USD millions), as src/data/financials.json.ts emits it. */
export interface StatementRow {
  readonly period: string;
  readonly period_end: string;
  readonly line_item: string;
  readonly value: number;
}

/** A cash-flow line summed over the window, or null with the quarters it lacks. */
export interface WindowSum {
  readonly total: number | null;
  readonly missing: readonly string[];
}

/** The latest reported quarters, read for the question. */
export interface ReportedWindow {
  /** The quarters, oldest first: the latest ones the dataset reports revenue for. */
  readonly quarters: readonly string[];
  /** "2025Q3–2026Q2". */
  readonly span: string;
  /** Net cash from operating activities: under US GAAP after the interest paid in cash. */
  readonly operatingCashFlow: WindowSum;
  /** Interest on debt, as the debt note gives it. */
  readonly interest: WindowSum;
  readonly capex: WindowSum;
  readonly debtProceeds: WindowSum;
  readonly equityProceeds: WindowSum;
  /** Quarters whose operating cash flow (after interest) was below zero. */
  readonly shortQuarters: readonly string[];
  /** Debt principal at the quarter end before the window and at its last quarter end, where both are held. */
  readonly debtPrincipal: {readonly from: {readonly date: string; readonly value: number}; readonly to: {readonly date: string; readonly value: number}} | null;
}

const LINES = {
  operatingCashFlow: "operating_cash_flow",
  interest: "interest_expense_on_debt",
  capex: "purchases_of_property_and_equipment",
  debtProceeds: "proceeds_from_debt",
  equityProceeds: "proceeds_from_equity"
} as const;

/** The latest `count` quarters with reported revenue, and what the question needs of them; null when there is none. */
export function reportedWindow(rows: readonly StatementRow[], count = 4): ReportedWindow | null {
  const quarters = [...new Set(rows.filter((r) => r.line_item === "revenue" && isQuarterLabel(r.period)).map((r) => r.period))].sort().slice(-count);
  if (quarters.length === 0) return null;
  const value = (line: string, period: string) => rows.find((r) => r.line_item === line && r.period === period)?.value;
  const sum = (line: string): WindowSum => {
    const values = quarters.map((q) => value(line, q));
    const missing = quarters.filter((_, i) => values[i] === undefined);
    return {total: missing.length ? null : values.reduce((a: number, v) => a + v!, 0), missing};
  };
  const before = addQuarters(quarters[0]!, -1), last = quarters.at(-1)!;
  const principal = (period: string) => rows.find((r) => r.line_item === "total_debt_principal" && r.period === period);
  const from = principal(before), to = principal(last);
  return {
    quarters,
    span: quarters.length > 1 ? `${quarters[0]}–${last}` : last,
    operatingCashFlow: sum(LINES.operatingCashFlow),
    interest: sum(LINES.interest),
    capex: sum(LINES.capex),
    debtProceeds: sum(LINES.debtProceeds),
    equityProceeds: sum(LINES.equityProceeds),
    shortQuarters: quarters.filter((q) => (value(LINES.operatingCashFlow, q) ?? 0) < 0),
    debtPrincipal: from && to ? {from: {date: from.period_end, value: from.value}, to: {date: to.period_end, value: to.value}} : null
  };
}

/** The first quarter of a projection with a funding gap, and what that quarter paid and raised. */
export interface FirstGap {
  readonly quarter: string;
  readonly gap: number;
  readonly operatingCashFlow: number;
  readonly capex: number;
  /** Interest paid in cash (interest less what is paid in kind). */
  readonly interestPaid: number;
  readonly principalRepaid: number;
  /** New borrowing drawn in all, to the end of that quarter (gross of its fee). */
  readonly newBorrowingToDate: number;
  /** The biggest of the quarter's uses: what the gap is mostly made of. */
  readonly driver: "capex" | "interest" | "principal";
}

export interface ProjectedAnswer {
  readonly first: string;
  readonly last: string;
  readonly ponziQuarters: readonly string[];
  readonly firstGap: FirstGap | null;
  /** The most new borrowing the inputs allow, in all, where known. */
  readonly newBorrowingLimit: number | null;
}

export function projectedAnswer(p: Projection<number>, newBorrowingLimit: number | null = null): ProjectedAnswer | null {
  if (p.quarters.length === 0) return null;
  const index = p.quarters.findIndex((q) => fundingGap(q.ledger.closingCash) > 0);
  let firstGap: FirstGap | null = null;
  if (index >= 0) {
    const l = p.quarters[index]!.ledger;
    const uses = {capex: l.capex, interest: l.interest - l.pikInterest, principal: l.repaid - l.prepayment - l.sweepRepayment};
    const driver = (Object.keys(uses) as Array<keyof typeof uses>).reduce((a, b) => (uses[b] > uses[a] ? b : a));
    firstGap = {
      quarter: l.quarter, gap: fundingGap(l.closingCash), operatingCashFlow: l.operatingCashFlow, capex: l.capex,
      interestPaid: uses.interest, principalRepaid: uses.principal,
      newBorrowingToDate: p.quarters.slice(0, index + 1).reduce((sum, q) => sum + q.ledger.newBorrowing, 0),
      driver
    };
  }
  return {first: p.quarters[0]!.ledger.quarter, last: p.quarters.at(-1)!.ledger.quarter, ponziQuarters: quartersIn(p, "ponzi"), firstGap, newBorrowingLimit};
}

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"];
const count = (n: number) => WORDS[n] ?? String(n);
const times = (x: number) => `${x.toFixed(1)}×`;
const percent = (x: number) => `${Math.round(x * 100)} %`;
const list = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const missingIn = (what: string, sum: WindowSum) => `${what} for ${list(sum.missing)}`;

/** The reported half of the answer: did operations pay the interest over the window? */
export function interestSentence(w: ReportedWindow | null): string {
  if (w === null) return "The dataset holds no reported quarter yet, so the reported half of the answer is missing.";
  const {operatingCashFlow: ocf, interest} = w;
  if (ocf.total === null || interest.total === null) {
    const gaps = [ocf.total === null ? missingIn("operating cash flow", ocf) : "", interest.total === null ? missingIn("interest on debt", interest) : ""].filter(Boolean);
    return `The figures here do not say for the last ${count(w.quarters.length)} reported quarters (${w.span}): the dataset lacks ${list(gaps)}.`;
  }
  const scale = interest.total > 0 ? `, ${(ocf.total / interest.total).toFixed(1)} times the ${usdMillions(interest.total)} of interest on debt` : "";
  const over = `over the last ${count(w.quarters.length)} reported quarters (${w.span})`;
  if (ocf.total < 0) {
    return `Yes: ${over} operating cash flow after interest came to ${usdMillions(ocf.total)}, so operations did not cover the interest, which was paid from other money such as borrowing.`;
  }
  if (w.shortQuarters.length > 0) {
    return `In part: ${over} operating cash flow, after the interest paid, came to ${usdMillions(ocf.total)}${scale}, but it was below zero in ${list(w.shortQuarters)}, when the interest was paid from other money.`;
  }
  return `Not so far: ${over} operating cash flow, after the interest paid, came to ${usdMillions(ocf.total)}${scale}; operations paid the interest in every one of those quarters.`;
}

/** How the window's capex was paid for: operations, new debt, equity, as far as the figures go. */
export function capexSentence(w: ReportedWindow | null): string | null {
  if (w === null) return null;
  const {capex, operatingCashFlow: ocf} = w;
  if (capex.total === null) return `How capex was paid for is not known here: the dataset lacks ${missingIn("capex", capex)}.`;
  const parts: string[] = [];
  if (ocf.total !== null && capex.total > 0) {
    const share = Math.max(0, ocf.total) / capex.total;
    parts.push(share >= 1 ? `operating cash flow (${usdMillions(ocf.total)}) covered all of it` : `operating cash flow (${usdMillions(ocf.total)}) could pay ${percent(share)} of it`);
  }
  if (w.debtProceeds.total !== null) parts.push(`new debt brought in ${usdMillions(w.debtProceeds.total)}`);
  if (w.equityProceeds.total !== null) parts.push(`new equity ${usdMillions(w.equityProceeds.total)}`);
  const d = w.debtPrincipal;
  if (d) parts.push(`debt principal ${d.to.value >= d.from.value ? "rose" : "fell"} by ${usdMillions(Math.abs(d.to.value - d.from.value))}, from ${usdMillions(d.from.value)} at ${d.from.date} to ${usdMillions(d.to.value)} at ${d.to.date}`);
  return `Capex over the same quarters was ${usdMillions(capex.total)}${parts.length ? `: ${list(parts)}` : ""}.`;
}

/** The window's cash-flow lines the dataset lacks, in a sentence, or null when it holds them all. */
export function missingNote(w: ReportedWindow | null): string | null {
  if (w === null) return null;
  const lines: Array<[string, WindowSum]> = [["operating cash flow", w.operatingCashFlow], ["interest on debt", w.interest], ["capex", w.capex], ["proceeds from debt", w.debtProceeds], ["proceeds from equity", w.equityProceeds]];
  const lacking = lines.filter(([, sum]) => sum.total === null).map(([what, sum]) => missingIn(what, sum));
  return lacking.length ? `Not in the dataset: ${list(lacking)}${w.debtPrincipal ? "" : "; debt principal at one of the window's two ends"}.` : w.debtPrincipal ? null : "Not in the dataset: debt principal at one of the window's two ends.";
}

const DRIVER_WORDS = {capex: "capex", interest: "interest", principal: "debt falling due"} as const;

/** The projection's half of the answer. `caseName` says whose projection it is ("the base case"). */
export function projectionSentence(a: ProjectedAnswer | null, caseName: string): string {
  if (a === null) return `There is no projection for ${caseName}.`;
  const ponzi = a.ponziQuarters.length === 0
    ? "operating cash flow covers the interest in every projected quarter"
    : `operating cash flow falls short of interest in ${a.ponziQuarters.length} projected quarter${a.ponziQuarters.length > 1 ? "s" : ""} (the first ${a.ponziQuarters[0]}): there it borrows to pay interest`;
  const g = a.firstGap;
  const lead = `In ${caseName}, ${ponzi}`;
  if (g === null) return `${lead}, and no quarter from ${a.first} to ${a.last} has a funding gap.`;
  const uses = {capex: g.capex, interest: g.interestPaid, principal: g.principalRepaid}[g.driver];
  const borrowing = a.newBorrowingLimit !== null && a.newBorrowingLimit > 0 && g.newBorrowingToDate >= a.newBorrowingLimit - 0.5
    ? `, with the ${usdMillions(a.newBorrowingLimit)} of new borrowing it allows used up`
    : g.newBorrowingToDate > 0 ? `, after ${usdMillions(g.newBorrowingToDate)} of new borrowing` : ", with no new borrowing drawn";
  return `${lead}${a.ponziQuarters.length ? "" : ","} ${a.ponziQuarters.length ? "and" : "but"} the first funding gap comes in ${g.quarter} (${usdMillions(g.gap)}), driven by ${DRIVER_WORDS[g.driver]}: ${usdMillions(uses)} that quarter against ${usdMillions(g.operatingCashFlow)} of operating cash flow${borrowing}.`;
}

/** A figure card: its value, what it is, which quarters it covers, and where it comes from. */
export interface FigureCard {
  readonly key: "interestCover" | "capexFromOperations" | "debtAdded" | "firstGap";
  readonly title: string;
  readonly value: string;
  readonly covers: string;
  readonly note: string;
  readonly href: string;
  readonly linkText: string;
}

/**
 * Where the cards link: the reported figures with their documents, and the definitions of
 * these figures. With the extension: the report's links end in .html (see the config).
 */
export const CARD_LINKS = {reported: "./data.html#reported-figures", model: "./docs.html#the-answer-on-the-story-page"} as const;

export function verdictCards(w: ReportedWindow | null, a: ProjectedAnswer | null, caseName: string): FigureCard[] {
  const reported = {href: CARD_LINKS.reported, linkText: "Reported figures and their documents"};
  const covers = w ? `${w.span}, reported` : "no reported quarter";
  const ocf = w?.operatingCashFlow, interest = w?.interest, capex = w?.capex;
  const lacks = (...sums: Array<[string, WindowSum | undefined]>) => {
    const gaps = sums.filter(([, s]) => s && s.total === null).map(([what, s]) => missingIn(what, s!));
    return gaps.length ? `Missing: ${list(gaps)}` : "Missing: no reported quarter";
  };
  const cover = ocf?.total != null && interest?.total != null && interest.total > 0
    ? {value: times(ocf.total / interest.total), note: `Operating cash flow after interest ${usdMillions(ocf.total)}, over interest on debt ${usdMillions(interest.total)}`}
    : {value: "—", note: lacks(["operating cash flow", ocf], ["interest on debt", interest])};
  const fromOperations = ocf?.total != null && capex?.total != null && capex.total > 0
    ? {value: percent(Math.min(1, Math.max(0, ocf.total) / capex.total)), note: `Operating cash flow ${usdMillions(ocf.total)}, against capex ${usdMillions(capex.total)}`}
    : {value: "—", note: lacks(["operating cash flow", ocf], ["capex", capex])};
  const d = w?.debtPrincipal ?? null;
  const gap = a?.firstGap ?? null;
  return [
    {key: "interestCover", title: "Operating cash flow over interest", ...cover, covers, ...reported},
    {key: "capexFromOperations", title: "Capex operations could pay", ...fromOperations, covers, ...reported},
    {
      key: "debtAdded", title: "Debt principal added (USD m)",
      value: d ? `${d.to.value >= d.from.value ? "+" : "−"}${Math.abs(d.to.value - d.from.value).toLocaleString("en-US", {maximumFractionDigits: 1})}` : "—",
      covers: d ? `${d.from.date} to ${d.to.date}, reported` : covers,
      note: d ? `${usdMillions(d.from.value)} to ${usdMillions(d.to.value)}` : "Missing: debt principal at one of the two quarter ends",
      ...reported
    },
    {
      key: "firstGap", title: "First projected funding gap",
      value: a === null ? "—" : gap ? gap.quarter : "none",
      covers: a ? `${a.first}–${a.last}, projected (${caseName})` : `no projection (${caseName})`,
      note: gap ? `${usdMillions(gap.gap)} that no source covers, mostly ${DRIVER_WORDS[gap.driver]}` : a ? "Every quarter paid" : "No projection",
      href: CARD_LINKS.model, linkText: "How the model works"
    }
  ];
}

/** The answer: its sentences, lead first, and its cards. */
export interface VerdictReading {
  readonly sentences: readonly string[];
  /** What the dataset lacks for the window, if anything: said beside the answer. */
  readonly missing: string | null;
  readonly cards: readonly FigureCard[];
}

export function verdict(rows: readonly StatementRow[], p: Projection<number> | null, options: {caseName: string; newBorrowingLimit?: number | null}): VerdictReading {
  const w = reportedWindow(rows);
  const a = p ? projectedAnswer(p, options.newBorrowingLimit ?? null) : null;
  const capex = capexSentence(w);
  return {
    sentences: [interestSentence(w), ...(capex ? [capex] : []), projectionSentence(a, options.caseName)],
    missing: missingNote(w),
    cards: verdictCards(w, a, options.caseName)
  };
}
