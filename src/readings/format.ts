import type Decimal from "decimal.js";
import {roundToCent} from "../model/index.js";

/**
 * How figures read on screen, the same in tables, sentences and charts: USD millions with
 * one decimal and thousands separators, negatives with the minus sign "−" (U+2212, as the
 * charts' axes print it, and as wide as a digit, so columns of figures line up), and "n/m"
 * (not meaningful) for a ratio the model left null. The value is rounded to the cent first,
 * the project's one rounding (see src/model/arithmetic.ts), then to the decimal shown.
 */
export const MINUS = "\u2212";

const millions = new Intl.NumberFormat("en-US", {minimumFractionDigits: 1, maximumFractionDigits: 1});
const ratio = new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});

/** A figure's text with the minus sign for its sign: none when it shows as zero ("−0.0" is noise). */
function signed(shown: string, negative: boolean): string {
  return negative && /[1-9]/.test(shown) ? `${MINUS}${shown}` : shown;
}

/** Hyphen-minuses before a figure become minus signs: for text made elsewhere ("-0.35×" from an outcome's cell). */
export function minusSigns(text: string): string {
  return text.replace(/(^|[^\w.])-(?=\.?\d)/g, `$1${MINUS}`);
}

export function formatMillions(value: Decimal): string {
  const cents = roundToCent(value);
  return signed(millions.format(Math.abs(cents.toNumber())), cents.isNegative());
}

/** A plain number with the given decimals (at most `digits`, at least `minDigits`), thousands separated: "−1,234.5". */
export function formatNumber(value: number, digits = 1, minDigits = 0): string {
  return signed(numberFormat(digits, minDigits).format(Math.abs(value)), value < 0);
}

// One formatter per pair of decimals, made once: `toLocaleString` makes a new one on every
// call, and a live heatmap formats hundreds of cells an input.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number, minDigits: number): Intl.NumberFormat {
  const key = `${digits}/${minDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, format = new Intl.NumberFormat("en-US", {minimumFractionDigits: minDigits, maximumFractionDigits: digits}));
  return format;
}

/** A plain number of USD millions in a sentence: "USD 1,234.5 m", "USD −12 m". */
export function usdMillions(millions: number): string {
  return `USD ${formatNumber(millions, 1)} m`;
}

/** A percentage with the given decimals: "−3.21 %". */
export function formatPercent(value: number, digits: number): string {
  return `${formatNumber(value, digits, digits)} %`;
}

export function formatRatio(value: Decimal | null): string {
  if (value === null) return "n/m";
  return `${signed(ratio.format(Math.abs(value.toNumber())), value.isNegative())}×`;
}

/** How many items an error lists before it says "and N more". */
export const LISTED_ITEMS = 10;

/** The first `max` items, then "and N more": an error about two million keys names ten. */
export function cappedList(items: readonly string[], max = LISTED_ITEMS): string[] {
  return items.length > max ? [...items.slice(0, max), `and ${items.length - max} more`] : [...items];
}

/** Text a message repeats from its input: at most `max` characters, with an ellipsis when cut. */
export function shortened(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The same in double quotes, escaped as JSON (so a newline in it shows as \n). */
export const quoted = (text: string, max = 60): string => JSON.stringify(shortened(text, max));
