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

/** The fan's bands and line, as its legend names them. */
export const FAN_KEYS = ["90 % of paths (5th–95th pct)", "Half of paths (25th–75th pct)", "Median path"] as const;
const FAN_COLOURS = ["#c6d7ea", "#8cb0d8", "#1f3b5a"] as const;

export function fanChart(what: string): TopLevelSpec {
  const y = (field: keyof FanRow) => ({field, type: "quantitative", title: "USD millions", axis: {format: ",.0f"}}) as const;
  // Each layer is one key of a shared colour scale: the bands and the line in one legend.
  const key = (i: 0 | 1 | 2) => ({datum: FAN_KEYS[i], type: "nominal", title: null, scale: {domain: [...FAN_KEYS], range: [...FAN_COLOURS]}}) as const;
  return {
    ...frame(260),
    ...meta({table: {columns: [
      {field: F.quarter, title: "Quarter"}, {field: F.p5, title: "5th pct"}, {field: F.p25, title: "25th pct"}, {field: F.p50, title: "Median"}, {field: F.p75, title: "75th pct"}, {field: F.p95, title: "95th pct"}
    ]}}),
    title: `${what}: the spread of paths`,
    description: `${what} each quarter across the simulated paths, in USD millions: the light band holds 90 % of paths (5th to 95th percentile), the dark band half (25th to 75th), the line is the median.`,
    layer: [
      {mark: {type: "area"}, encoding: {x: quarterAxis, y: y(F.p5), y2: {field: F.p95}, color: key(0)}},
      {mark: {type: "area"}, encoding: {x: quarterAxis, y: y(F.p25), y2: {field: F.p75}, color: key(1)}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis, y: y(F.p50), color: key(2),
          tooltip: [{field: F.quarter, title: "Quarter"}, {field: F.p5, title: "5th pct", format: ",.0f"}, {field: F.p50, title: "Median", format: ",.0f"}, {field: F.p95, title: "95th pct", format: ",.0f"}]
        }
      }
    ]
  } as TopLevelSpec;
}
