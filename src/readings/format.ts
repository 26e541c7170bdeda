import type Decimal from "decimal.js";
import {roundToCent} from "../model/index.js";

/**
 * How figures read on screen: USD millions with one decimal and thousands separators,
 * negatives in parentheses as in a filing, and "n/m" (not meaningful) for a ratio the
 * model left null. The value is rounded to the cent first, the project's one rounding
 * (see src/model/arithmetic.ts), then to the decimal shown.
 */
const millions = new Intl.NumberFormat("en-US", {minimumFractionDigits: 1, maximumFractionDigits: 1});
const ratio = new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});

function parenthesise(text: string, negative: boolean): string {
  return negative ? `(${text})` : text;
}

export function formatMillions(value: Decimal): string {
  const cents = roundToCent(value);
  const shown = millions.format(Math.abs(cents.toNumber()));
  return parenthesise(shown, cents.isNegative() && shown !== "0.0");
}

/** A plain number of USD millions in a sentence: "USD 1,234.5 m". */
export function usdMillions(millions: number): string {
  return `USD ${millions.toLocaleString("en-US", {maximumFractionDigits: 1})} m`;
}

export function formatRatio(value: Decimal | null): string {
  if (value === null) return "n/m";
  const shown = `${ratio.format(Math.abs(value.toNumber()))}×`;
  return parenthesise(shown, value.isNegative() && shown !== "0.00×");
}
