/**
 * Calendar quarters. Inputs name quarters as labels ("2026Q1"); the engine works with
 * the quarter's offset from the first projected quarter (0, 1, 2, …).
 */
export type QuarterLabel = `${number}Q${1 | 2 | 3 | 4}`;

const LABEL = /^(\d{4})Q([1-4])$/;

export function isQuarterLabel(text: string): text is QuarterLabel {
  return LABEL.test(text);
}

/** Quarters since year 0, Q1: a total order on labels. */
export function quarterOrdinal(label: string): number {
  let ordinal = ordinals.get(label);
  if (ordinal === undefined) {
    const match = LABEL.exec(label);
    if (!match) throw new RangeError(`"${label}" is not a quarter label like 2026Q1`);
    ordinal = Number(match[1]) * 4 + Number(match[2]) - 1;
    // A simulation reads the same few labels hundreds of thousands of times.
    if (ordinals.size < 10_000) ordinals.set(label, ordinal);
  }
  return ordinal;
}

const ordinals = new Map<string, number>();

export function quarterLabel(ordinal: number): QuarterLabel {
  // Every projection labels its quarters: reuse the strings rather than build them again.
  let label = labels.get(ordinal);
  if (label === undefined) {
    const year = Math.floor(ordinal / 4);
    const quarter = (ordinal % 4) + 1;
    label = `${year}Q${quarter}` as QuarterLabel;
    if (labels.size < 10_000) labels.set(ordinal, label);
  }
  return label;
}

const labels = new Map<number, QuarterLabel>();

/** The offset of `label` from `start`: 0 for the start itself, negative before it. */
export function quarterOffset(start: string, label: string): number {
  return quarterOrdinal(label) - quarterOrdinal(start);
}

export function addQuarters(label: string, count: number): QuarterLabel {
  return quarterLabel(quarterOrdinal(label) + count);
}

/** The quarter a month ("2028-03") or a date ("2028-03-31") falls in: "2028Q1". */
export function quarterOfMonth(monthOrDate: string): QuarterLabel {
  const match = /^(\d{4})-(\d{2})/.exec(monthOrDate);
  if (!match) throw new RangeError(`"${monthOrDate}" is not a month like 2028-03`);
  return `${match[1]}Q${Math.floor((Number(match[2]) - 1) / 3) + 1}` as QuarterLabel;
}
