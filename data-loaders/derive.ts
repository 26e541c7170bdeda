/**
 * Quarters a filing gives only inside a longer period. A 10-K prints the year, a 10-Q the
 * six or nine months to date: the quarter is what the longer period holds beyond the
 * shorter one (Q4 = year − nine months; Q2 = six months − three months). Pure over the
 * settled figures; every derived figure names the figures it came from.
 */
import {periodMonths, quartersOf} from "./periods.js";

export interface PeriodFigure {
  readonly line_item: string;
  readonly period_start: string;
  readonly period_end: string;
  /** USD millions. */
  readonly value: number;
  /** Where it came from, in words (source and locator). */
  readonly citation: string;
  readonly source: string;
}

export interface DerivedFigure extends PeriodFigure {
  /** The figures it is the difference of: the longer period first. */
  readonly from: readonly PeriodFigure[];
}


/**
 * The quarters missing from `figures` that a longer period and the rest of it give: for a
 * period of 6, 9 or 12 months from its start, the longest shorter period from the same
 * start that is held, plus the quarters after it; where exactly one quarter is missing, it
 * is the difference. Repeats until nothing more follows (a year less nine months gives Q4,
 * and nine months less six gives Q3).
 */
export function deriveQuarters(figures: readonly PeriodFigure[]): DerivedFigure[] {
  const key = (item: string, start: string, end: string) => `${item}|${start}|${end}`;
  const held = new Map(figures.map((f) => [key(f.line_item, f.period_start, f.period_end), f as PeriodFigure]));
  const derived: DerivedFigure[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const whole of [...held.values()]) {
      const months = periodMonths(whole.period_start, whole.period_end);
      if (months <= 3 || months % 3 !== 0) continue;
      const quarters = quartersOf(whole.period_start, months);
      // The longest shorter period from the same start that is held (a quarter counts).
      let head: PeriodFigure | undefined;
      let headQuarters = 0;
      for (let q = months / 3 - 1; q >= 1; q--) {
        head = held.get(key(whole.line_item, whole.period_start, quarters[q - 1]!.end));
        if (head) { headQuarters = q; break; }
      }
      if (!head) continue;
      const tail = quarters.slice(headQuarters);
      const missing = tail.filter((q) => !held.has(key(whole.line_item, q.start, q.end)));
      if (missing.length !== 1) continue;
      const known = tail.filter((q) => q !== missing[0]).map((q) => held.get(key(whole.line_item, q.start, q.end))!);
      const target = missing[0]!;
      const value = whole.value - head.value - known.reduce((s, f) => s + f.value, 0);
      const from = [whole, head, ...known];
      const figure: DerivedFigure = {
        line_item: whole.line_item, period_start: target.start, period_end: target.end,
        value: Math.round(value * 1e6) / 1e6,
        citation: `${from[0]!.citation} less ${from.slice(1).map((f) => f.citation).join(" and ")}`,
        source: "derived",
        from
      };
      held.set(key(whole.line_item, target.start, target.end), figure);
      derived.push(figure);
      changed = true;
    }
  }
  return derived;
}
