import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {base, fields, quarterAxis, type ChartOptions} from "./common.js";

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

/** The two readings, as the band's rows name them. */
const READINGS: Readonly<Record<string, string>> = {[F.regime]: "on operating cash flow", [F.regimeAfterMaintenance]: "after maintenance capex"};

export const REGIME_COLOURS = {hedge: "#2ca02c", speculative: "#ff7f0e", ponzi: "#d62728"} as const;

const COVENANT_NAMES: Readonly<Record<string, string>> = {
  minimumLiquidity: "liquidity", interestCoverage: "interest coverage", maximumLeverage: "leverage", dscr: "DSCR"
};

export function regimeRows(p: Projection<number>): RegimeRow[] {
  const names = new Map(p.facilities.map((f) => [f.id, f.name]));
  const breaches = new Map<string, string[]>();
  for (const e of p.events) {
    if (e.kind !== "covenantBreach") continue;
    const value = e.value === null ? "not meaningful" : e.covenant === "minimumLiquidity" ? `${e.value.toFixed(0)} USD m` : `${e.value.toFixed(2)}×`;
    const list = breaches.get(e.quarter) ?? [];
    list.push(`${names.get(e.facilityId) ?? e.facilityId}: ${COVENANT_NAMES[e.covenant] ?? e.covenant} ${value} against ${e.threshold} (${e.consequence})`);
    breaches.set(e.quarter, list);
  }
  return p.quarters.map((q) => ({quarter: q.ledger.quarter, regime: q.regime, regimeAfterMaintenance: q.regimeAfterMaintenance, cannotPay: q.cannotPay, breaches: (breaches.get(q.ledger.quarter) ?? []).join("; ")}));
}

export function regimeChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    height: 80,
    title: "Minsky regime by quarter",
    description: "Each quarter's financing regime, read twice: on operating cash flow (top) and on operating cash flow less maintenance capex (bottom). Hedge when it covers interest and principal due, speculative when it covers interest only, Ponzi when it does not cover interest. A black triangle marks a quarter in which a maintenance covenant is breached.",
    layer: [
      {
        // One band a reading: each quarter's row folded into two.
        transform: [{fold: [F.regime, F.regimeAfterMaintenance], as: ["reading", "readingRegime"]}],
        mark: {type: "rect"},
        encoding: {
          x: quarterAxis,
          y: {field: "reading", type: "nominal", title: null, sort: [F.regime, F.regimeAfterMaintenance], axis: {labelExpr: `datum.value == '${F.regime}' ? '${READINGS[F.regime]}' : '${READINGS[F.regimeAfterMaintenance]}'`}},
          color: {field: "readingRegime", type: "nominal", title: "Regime", scale: {domain: Object.keys(REGIME_COLOURS), range: Object.values(REGIME_COLOURS)}},
          tooltip: [{field: F.quarter, title: "Quarter"}, {field: F.regime, title: "Regime"}, {field: F.regimeAfterMaintenance, title: "After maintenance capex"}, {field: F.cannotPay, title: "Cannot pay"}, {field: F.breaches, title: "Covenant breaches"}]
        }
      },
      {
        // Covenant breaches, on the band: the first is an outcome beside the first quarter it cannot pay.
        transform: [{filter: `datum.${F.breaches} != null && datum.${F.breaches} != ''`}],
        mark: {type: "point", shape: "triangle-down", filled: true, color: "black", size: 80, yOffset: -4},
        encoding: {x: quarterAxis, tooltip: [{field: F.quarter, title: "Quarter"}, {field: F.breaches, title: "Covenant breaches"}]}
      }
    ]
  };
}
