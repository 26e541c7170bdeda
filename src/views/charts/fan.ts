import type {TopLevelSpec} from "vega-lite";
import type {MonteCarloSummary} from "../../risk/monte-carlo.js";
import {cashHeld} from "../../readings/funding-gap.js";
import {fields, frame, meta, quarterAxis} from "./common.js";

/** A quarter's percentiles across the simulated paths, USD millions. */
export interface FanRow {
  readonly quarter: string;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}
const F = fields<FanRow>({quarter: "quarter", p5: "p5", p25: "p25", p50: "p50", p75: "p75", p95: "p95"});

/** Cash is held, never below zero (what no source covers is a funding gap: see the probability chart); a quantile of cash held is the quantile of cash, floored. */
export function fanRows(s: MonteCarloSummary, which: "cash" | "debt"): FanRow[] {
  const shown = which === "cash" ? cashHeld : (x: number) => x;
  return s[which].map(({quarter, p5, p25, p50, p75, p95}) => ({quarter, p5: shown(p5), p25: shown(p25), p50: shown(p50), p75: shown(p75), p95: shown(p95)}));
}

/** What the fan's bands and line mean, as its legend says it. */
export const FAN_KEY = {
  outer: "90 % of paths (5th to 95th percentile)",
  inner: "Half of paths (25th to 75th percentile)",
  median: "Median path"
} as const;

// The bands are drawn opaque in the colours the former translucent blue made over white
// (25 % and, where both overlap, 59 %), so that the legend's swatches match them.
const fanKey = (which: keyof typeof FAN_KEY) => ({
  datum: FAN_KEY[which],
  scale: {domain: [FAN_KEY.outer, FAN_KEY.inner, FAN_KEY.median], range: ["#d2dde9", "#96b0cc", "#1f3b5a"]},
  legend: {title: null, orient: "bottom", direction: "vertical", labelLimit: 0}
});

export function fanChart(what: string): TopLevelSpec {
  const y = (field: keyof FanRow) => ({field, type: "quantitative", title: "USD millions", axis: {format: ",.0f"}}) as const;
  return {
    ...frame(260),
    ...meta({table: {columns: [
      {field: F.quarter, title: "Quarter"}, {field: F.p5, title: "5th pct"}, {field: F.p25, title: "25th pct"}, {field: F.p50, title: "Median"}, {field: F.p75, title: "75th pct"}, {field: F.p95, title: "95th pct"}
    ]}}),
    title: `${what}: the spread of paths`,
    description: `${what} each quarter across the simulated paths, in USD millions: the light band holds 90 % of paths (5th to 95th percentile), the dark band half (25th to 75th), the line is the median.`,
    layer: [
      {mark: {type: "area"}, encoding: {x: quarterAxis, y: y(F.p5), y2: {field: F.p95}, color: fanKey("outer")}},
      {mark: {type: "area"}, encoding: {x: quarterAxis, y: y(F.p25), y2: {field: F.p75}, color: fanKey("inner")}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis, y: y(F.p50), color: fanKey("median"),
          tooltip: [{field: F.quarter, title: "Quarter"}, {field: F.p5, title: "5th pct", format: ",.0f"}, {field: F.p50, title: "Median", format: ",.0f"}, {field: F.p95, title: "95th pct", format: ",.0f"}]
        }
      }
    ]
  } as TopLevelSpec;
}
