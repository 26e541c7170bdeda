import type {ValidatedCompany} from "./validate.js";
import {gradeRank, isSettled} from "./evidence.js";

/** The latest filing the dataset stands on: the latest balance-sheet date a trusted source reports, and that filing. */
export interface AsOf {
  readonly date: string;
  readonly accession: string;
  /** When the filing was filed (or the source published), as precise as the source says. */
  readonly filed: string;
  readonly title: string;
  readonly url: string;
}

export function latestFiling(data: ValidatedCompany): AsOf | null {
  const sources = new Map(data.sources.map((s) => [s.source_id, s]));
  const settledBalances = data.figures.filter((f) => f.value.line_item === "cash_and_cash_equivalents" && isSettled(f));
  const date = settledBalances.map((f) => f.value.period_end).sort().at(-1);
  if (!date) return null;
  // Of the sources that report that date, a periodic report (10-Q or 10-K) first, then the
  // best graded, then the earliest published (the filing itself, not a later comparative).
  const periodic = (s: {title: string}) => (/\b10-[QK]\b/.test(s.title) ? 0 : 1);
  const candidates = settledBalances.filter((f) => f.value.period_end === date).map((f) => sources.get(f.value.source_id)!)
    .sort((a, b) => periodic(a) - periodic(b) || gradeRank(a.grade) - gradeRank(b.grade) || a.published.localeCompare(b.published));
  const source = candidates.find((s) => s.accession) ?? candidates[0]!;
  // A copy's own date is not the filing's: the earliest full date any source of that accession gives is.
  const filed = data.sources.filter((s) => source.accession && s.accession === source.accession && /^\d{4}-\d{2}-\d{2}$/.test(s.published)).map((s) => s.published).sort()[0] ?? source.published;
  return {date, accession: source.accession ?? "", filed, title: source.title, url: source.url};
}

/** "Figures as of 2026-06-30: the 10-Q filed 2026-08-12 (accession …)", for a page's header. */
export function asOfSentence(asOf: AsOf | null): string {
  if (!asOf) return "The dataset holds no balance sheet yet.";
  const form = /\b(10-[QK])\b/.exec(asOf.title)?.[1];
  return `Reported figures as of ${asOf.date}: the latest filing in the dataset is ${form ? `the ${form}` : "a filing"}${asOf.accession ? ` filed ${asOf.filed} (SEC accession ${asOf.accession})` : ` published ${asOf.filed}`}. Later quarters are projections.`;
}
