import {LINE_ITEMS, type LineItem} from "./schemas.js";

/**
 * What the dataset holds and what it lacks: for each line item and each quarter from
 * FY2022 to the latest quarter reported, whether a figure is there. A missing figure is
 * shown as missing, never estimated.
 */
export interface CoverageRow {
  readonly line_item: LineItem;
  readonly quarter: string;
  readonly present: boolean;
}

export function quarterRange(first: string, last: string): string[] {
  const ordinal = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(5)) - 1;
  const quarters: string[] = [];
  for (let o = ordinal(first); o <= ordinal(last); o++) quarters.push(`${Math.floor(o / 4)}Q${(o % 4) + 1}`);
  return quarters;
}

export function coverage(financials: ReadonlyArray<{period: string; line_item: string}>, first = "2022Q1"): CoverageRow[] {
  const reportedQuarters = financials.map((f) => f.period).filter((p) => /^\d{4}Q[1-4]$/.test(p)).sort();
  const last = reportedQuarters.at(-1);
  if (!last) return [];
  const held = new Set(financials.map((f) => `${f.line_item}/${f.period}`));
  return (Object.keys(LINE_ITEMS) as LineItem[]).flatMap((line_item) =>
    quarterRange(first, last).map((quarter) => ({line_item, quarter, present: held.has(`${line_item}/${quarter}`)})));
}
