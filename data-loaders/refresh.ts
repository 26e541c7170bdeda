import {csvFormat, csvParse} from "d3-dsv";
import {chooseFacts, factsToRows, SOURCE_COLUMNS, STATEMENT_COLUMNS, type ChosenFact, type CompanyFactsOptions} from "./companyfacts.js";
import {agrees, figureKey, groupByFigure, isSettled, roundingStep, type JudgedFigure} from "./evidence.js";
import {validateCompany, toMillions, type RawFiles} from "./validate.js";

/**
 * The dataset against the SEC's XBRL facts: for each fact the SEC holds under a line item
 * of ours, whether the dataset agrees, disagrees, or lacks it. Pure over the files' text
 * and the companyfacts JSON; the command (cli/data-refresh.ts) does the I/O.
 */
export type Comparison =
  | {readonly kind: "agree"; readonly fact: ChosenFact; readonly ours: string; readonly settled: boolean}
  | {readonly kind: "disagree"; readonly fact: ChosenFact; readonly ours: string; readonly settled: boolean}
  | {readonly kind: "missing"; readonly fact: ChosenFact};

/** The company's SEC Central Index Key, for the companyfacts address. */
export const CIK: Readonly<Record<string, number>> = {coreweave: 1769628};
export const companyFactsUrl = (cik: number, base = "https://data.sec.gov/api/xbrl/companyfacts/") => `${base}CIK${String(cik).padStart(10, "0")}.json`;

export function compareWithFacts(files: RawFiles, raw: unknown): Comparison[] {
  return compareChosen(files, chooseFacts(raw).chosen);
}

function compareChosen(files: RawFiles, chosen: readonly ChosenFact[]): Comparison[] {
  const ours = groupByFigure(validateCompany(files).figures);
  return chosen.map((fact) => {
    const held = ours.get(figureKey({line_item: fact.item, period_start: fact.start, period_end: fact.end})) ?? [];
    if (held.length === 0) return {kind: "missing", fact};
    const sec = {amount: toMillions(fact.value, "USD"), step: roundingStep(fact.value, "USD")};
    const agreeing = held.find((f) => agrees(sec, f));
    const describe = (f: JudgedFigure) => `${Number(f.amount.toFixed(3))} (${f.value.source_id}, ${f.status})`;
    // Settled: the dataset holds it from a source that needs no confirming, or confirmed.
    const settled = held.some(isSettled);
    return agreeing ? {kind: "agree", fact, ours: describe(agreeing), settled} : {kind: "disagree", fact, ours: held.map(describe).join("; "), settled};
  });
}

const label = (f: ChosenFact) => `${f.item} ${f.start ? `${f.start} to ${f.end}` : `at ${f.end}`}`;

/** One line a figure, then the counts. */
export function describeComparisons(comparisons: readonly Comparison[]): string {
  const order = {disagree: 0, missing: 1, agree: 2};
  const lines = [...comparisons].sort((a, b) => order[a.kind] - order[b.kind] || label(a.fact).localeCompare(label(b.fact))).map((c) => {
    const sec = `${Number(toMillions(c.fact.value, "USD").toFixed(3))} USD m (${c.fact.form} ${c.fact.accn})`;
    if (c.kind === "agree") return `agree     ${label(c.fact)}: SEC ${sec}, dataset ${c.ours}`;
    if (c.kind === "disagree") return `DISAGREE  ${label(c.fact)}: SEC ${sec}, dataset ${c.ours}`;
    return `missing   ${label(c.fact)}: SEC ${sec}, not in the dataset`;
  });
  const count = (kind: Comparison["kind"]) => comparisons.filter((c) => c.kind === kind).length;
  lines.push(`${count("agree")} agree, ${count("disagree")} disagree, ${count("missing")} missing from the dataset`);
  return lines.join("\n");
}

/**
 * The raw files with every missing fact added (and every fact the dataset holds only from
 * unconfirmed sources, which the filing's figure then confirms or outranks): a statement row each, citing a source per
 * filing (by accession number) that is added where the dataset lacks it. Validated before
 * it is returned, so nothing is written that the loaders would refuse.
 */
export function addMissingFacts(files: RawFiles, raw: unknown, options: CompanyFactsOptions = {}): {files: RawFiles; added: number} {
  const {facts, chosen} = chooseFacts(raw);
  const missing = compareChosen(files, chosen).filter((c) => c.kind === "missing" || !c.settled).map((c) => c.fact);
  if (missing.length === 0) return {files, added: 0};
  const rows = factsToRows(facts, missing, options);
  const sources = csvParse(files["sources.csv"]);
  const held = new Set(sources.map((s) => s["source_id"]));
  const newSources = rows.sources.filter((s) => !held.has(s.source_id));
  const appendCsv = (text: string, columns: readonly string[], records: ReadonlyArray<Record<string, string>>) =>
    records.length === 0 ? text : `${text.trimEnd()}\n${csvFormat(records as Array<Record<string, string>>, [...columns]).split("\n").slice(1).join("\n")}\n`;
  const next: RawFiles = {
    ...files,
    "sources.csv": appendCsv(files["sources.csv"], SOURCE_COLUMNS, newSources),
    "statements.csv": appendCsv(files["statements.csv"], STATEMENT_COLUMNS, rows.statements)
  };
  validateCompany(next);
  return {files: next, added: missing.length};
}
