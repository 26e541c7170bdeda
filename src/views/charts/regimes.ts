import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {formatNumber} from "../../readings/format.js";
import {base, fields, meta, quarterAxis} from "./common.js";

/** A quarter's Minsky regime (on operating cash flow, and after maintenance capex), whether it cannot pay, and its covenant breaches. */
export interface RegimeRow {
  readonly quarter: string;
  readonly regime: "hedge" | "speculative" | "ponzi";
  readonly regimeAfterMaintenance: "hedge" | "speculative" | "ponzi";
  readonly cannotPay: boolean;
  /** The quarter's covenant breaches, worded for the tooltip; empty when there are none. */
  readonly breaches: string;
}
const F = fields<RegimeRow>({quarter: "quarter", regime: "regime", regimeAfterMaintenance: "regimeAfterMaintenance", cannotPay: "cannotPay", breaches: "breaches"});

/** The two readings, as the band's rows name them: two short lines each, which fit beside a phone's band uncut. */
const READINGS: Readonly<Record<string, readonly [string, string]>> = {[F.regime]: ["on operating", "cash flow"], [F.regimeAfterMaintenance]: ["after maintenance", "capex"]};
const lines = (key: string) => `[${READINGS[key]!.map((l) => `'${l}'`).join(", ")}]`;

export const REGIME_COLOURS = {hedge: "#2ca02c", speculative: "#ff7f0e", ponzi: "#d62728"} as const;

const COVENANT_NAMES: Readonly<Record<string, string>> = {
  minimumLiquidity: "liquidity", interestCoverage: "interest coverage", maximumLeverage: "leverage", dscr: "DSCR"
};

export function regimeRows(p: Projection<number>): RegimeRow[] {
  const names = new Map(p.facilities.map((f) => [f.id, f.name]));
  const breaches = new Map<string, string[]>();
  for (const e of p.events) {
    if (e.kind !== "covenantBreach") continue;
    const shown = (x: number) => (e.covenant === "minimumLiquidity" ? `${formatNumber(x, 0)} USD m` : `${formatNumber(x, 2, 2)}×`);
    const value = e.value === null ? "not meaningful" : shown(e.value);
    const list = breaches.get(e.quarter) ?? [];
    list.push(`${names.get(e.facilityId) ?? e.facilityId}: ${COVENANT_NAMES[e.covenant] ?? e.covenant} ${value} against ${shown(e.threshold)} (${e.consequence})`);
    breaches.set(e.quarter, list);
  }
  return p.quarters.map((q) => ({quarter: q.ledger.quarter, regime: q.regime, regimeAfterMaintenance: q.regimeAfterMaintenance, cannotPay: q.cannotPay, breaches: (breaches.get(q.ledger.quarter) ?? []).join("; ")}));
}

const BREACH = "covenant breached";

export function regimeChart(): TopLevelSpec {
  return {
    ...base(),
    height: 80,
    ...meta({terms: ["hedge", "speculative", "ponzi", "maintenanceCapex", "covenant"], table: {columns: [
      {field: F.quarter, title: "Quarter"}, {field: F.regime, title: "Regime"}, {field: F.regimeAfterMaintenance, title: "After maintenance capex"}, {field: F.cannotPay, title: "Cannot pay"}, {field: F.breaches, title: "Covenant breaches"}
    ]}}),
    title: "Minsky regime by quarter",
    description: "Each quarter's financing regime, read twice: on operating cash flow (top) and on operating cash flow less maintenance capex (bottom). Hedge when it covers interest and principal due, speculative when it covers interest only, Ponzi when it does not cover interest. A black triangle marks a quarter in which a maintenance covenant is breached.",
    layer: [
      {
        // One band a reading: each quarter's row folded into two.
        transform: [{fold: [F.regime, F.regimeAfterMaintenance], as: ["reading", "readingRegime"]}],
        mark: {type: "rect"},
        encoding: {
          x: quarterAxis,
          y: {field: "reading", type: "nominal", title: null, sort: [F.regime, F.regimeAfterMaintenance], axis: {labelExpr: `datum.value == '${F.regime}' ? ${lines(F.regime)} : ${lines(F.regimeAfterMaintenance)}`, labelLimit: 0}},
          color: {field: "readingRegime", type: "nominal", title: "Regime", scale: {domain: Object.keys(REGIME_COLOURS), range: Object.values(REGIME_COLOURS)}},
          tooltip: [{field: F.quarter, title: "Quarter"}, {field: F.regime, title: "Regime"}, {field: F.regimeAfterMaintenance, title: "After maintenance capex"}, {field: F.cannotPay, title: "Cannot pay"}, {field: F.breaches, title: "Covenant breaches"}]
        }
      },
      {
        // Covenant breaches, on the band: the first is an outcome beside the first quarter it cannot pay.
        transform: [{filter: `datum.${F.breaches} != null && datum.${F.breaches} != ''`}],
        mark: {type: "point", shape: "triangle-down", filled: true, color: "black", size: 80, yOffset: -4},
        encoding: {
          x: quarterAxis,
          // In the legend too, under the regimes, whether or not a quarter has a breach.
          shape: {datum: BREACH, type: "nominal", title: null, scale: {domain: [BREACH], range: ["triangle-down"]}, legend: {symbolFillColor: "black", symbolStrokeColor: "black"}},
          tooltip: [{field: F.quarter, title: "Quarter"}, {field: F.breaches, title: "Covenant breaches"}]
        }
      }
    ]
  };
}
