import type {TopLevelSpec} from "vega-lite";
import type {Projection} from "../../model/index.js";
import {formatNumber} from "../../readings/format.js";
import {base, fields, meta, quarterAxis} from "./common.js";

/**
 * One of a quarter's two readings of its Minsky regime (on operating cash flow, and after
 * maintenance capex), with the quarter's figures for the tooltip: both regimes, whether it
 * cannot pay, and its covenant breaches. Two rows a quarter, one a band, given as the band
 * draws them: vega's fold transform would make them anew on every update (it regenerates
 * every tuple it derives), and the band's every rectangle with them, where rows given as
 * drawn are changed in place.
 */
export interface RegimeRow {
  readonly quarter: string;
  /** Which band: the reading on operating cash flow ("regime") or after maintenance capex. */
  readonly reading: "regime" | "regimeAfterMaintenance";
  /** The regime this band reads for the quarter. */
  readonly readingRegime: "hedge" | "speculative" | "ponzi";
  readonly regime: "hedge" | "speculative" | "ponzi";
  readonly regimeAfterMaintenance: "hedge" | "speculative" | "ponzi";
  readonly cannotPay: boolean;
  /** The quarter's covenant breaches, worded for the tooltip; empty when there are none. */
  readonly breaches: string;
}
const F = fields<RegimeRow>({quarter: "quarter", reading: "reading", readingRegime: "readingRegime", regime: "regime", regimeAfterMaintenance: "regimeAfterMaintenance", cannotPay: "cannotPay", breaches: "breaches"});

/** The two readings, as the band's rows name them: two short lines each, which fit beside a phone's band uncut. */
const READINGS: Readonly<Record<string, readonly [string, string]>> = {[F.regime]: ["on operating", "cash flow"], [F.regimeAfterMaintenance]: ["after maintenance", "capex"]};
const lines = (key: string) => `[${READINGS[key]!.map((l) => `'${l}'`).join(", ")}]`;

export const REGIME_COLOURS = {hedge: "#2ca02c", speculative: "#ff7f0e", ponzi: "#d62728"} as const;

const COVENANT_NAMES: Readonly<Record<string, string>> = {
  minimumLiquidity: "liquidity", interestCoverage: "interest coverage", maximumLeverage: "leverage", dscr: "DSCR"
};

/**
 * Each quarter's rows. Its breaches read one per covenant, value, threshold and
 * consequence, with the facilities that share them named together ("Loan A, Loan B:
 * liquidity 120 USD m against 500 USD m (waiver)"), the first three by name and the rest
 * counted: a company-wide covenant set on every facility breaches on each of them alike, and
 * a line a facility made the tooltip as long as the list of loans (and formatted the same
 * figures once a facility, on every move).
 */
export function regimeRows(p: Projection<number>): RegimeRow[] {
  const names = new Map(p.facilities.map((f) => [f.id, f.name]));
  // By quarter, what was breached and the facilities breaching it, in the events' order. A
  // quarter has a few of them: found by comparing, with no key to build from the figures.
  const breaches = new Map<string, Breach[]>();
  for (const e of p.events) {
    if (e.kind !== "covenantBreach") continue;
    let quarter = breaches.get(e.quarter);
    if (!quarter) breaches.set(e.quarter, (quarter = []));
    let alike = quarter.find((b) => b.covenant === e.covenant && b.value === e.value && b.threshold === e.threshold && b.consequence === e.consequence);
    if (!alike) quarter.push(alike = {covenant: e.covenant, value: e.value, threshold: e.threshold, consequence: e.consequence, facilities: []});
    alike.facilities.push(names.get(e.facilityId) ?? e.facilityId);
  }
  const worded = ({covenant, value, threshold, consequence, facilities}: Breach) => {
    const shown = (x: number) => (covenant === "minimumLiquidity" ? `${formatNumber(x, 0)} USD m` : `${formatNumber(x, 2, 2)}×`);
    return `${namedUpTo(facilities, 3)}: ${COVENANT_NAMES[covenant] ?? covenant} ${value === null ? "not meaningful" : shown(value)} against ${shown(threshold)} (${consequence})`;
  };
  const breachesIn = (quarter: string) => (breaches.get(quarter) ?? []).map(worded).join("; ");
  return p.quarters.flatMap((q) => {
    const quarter = {quarter: q.ledger.quarter, regime: q.regime, regimeAfterMaintenance: q.regimeAfterMaintenance, cannotPay: q.cannotPay, breaches: breachesIn(q.ledger.quarter)};
    return [{...quarter, reading: "regime", readingRegime: q.regime}, {...quarter, reading: "regimeAfterMaintenance", readingRegime: q.regimeAfterMaintenance}] as const;
  });
}

/** One breach of a quarter, and the facilities that breach it alike. */
interface Breach {
  readonly covenant: string;
  readonly value: number | null;
  readonly threshold: number;
  readonly consequence: string;
  readonly facilities: string[];
}

/** The first `most` names, and how many more. */
function namedUpTo(names: readonly string[], most: number): string {
  return names.length <= most ? names.join(", ") : `${names.slice(0, most).join(", ")} and ${names.length - most} more`;
}

const BREACH = "covenant breached";

export function regimeChart(): TopLevelSpec {
  return {
    ...base(),
    height: 80,
    // The table has a row a quarter: the band's rows of the first reading, which carry both.
    ...meta({terms: ["hedge", "speculative", "ponzi", "maintenanceCapex", "covenant"], table: {where: {field: F.reading, equals: F.regime}, columns: [
      {field: F.quarter, title: "Quarter"}, {field: F.regime, title: "Regime"}, {field: F.regimeAfterMaintenance, title: "After maintenance capex"}, {field: F.cannotPay, title: "Cannot pay"}, {field: F.breaches, title: "Covenant breaches"}
    ]}}),
    title: "Minsky regime by quarter",
    description: "Each quarter's financing regime, read twice: on operating cash flow (top) and on operating cash flow less maintenance capex (bottom). Hedge when it covers interest and principal due, speculative when it covers interest only, Ponzi when it does not cover interest. A black triangle marks a quarter in which a maintenance covenant is breached.",
    layer: [
      {
        // One band a reading: a quarter's two rows.
        mark: {type: "rect"},
        encoding: {
          x: quarterAxis,
          y: {field: F.reading, type: "nominal", title: null, sort: [F.regime, F.regimeAfterMaintenance], axis: {labelExpr: `datum.value == '${F.regime}' ? ${lines(F.regime)} : ${lines(F.regimeAfterMaintenance)}`, labelLimit: 0}},
          color: {field: F.readingRegime, type: "nominal", title: "Regime", scale: {domain: Object.keys(REGIME_COLOURS), range: Object.values(REGIME_COLOURS)}},
          tooltip: [{field: F.quarter, title: "Quarter"}, {field: F.regime, title: "Regime"}, {field: F.regimeAfterMaintenance, title: "After maintenance capex"}, {field: F.cannotPay, title: "Cannot pay"}, {field: F.breaches, title: "Covenant breaches"}]
        }
      },
      {
        // Covenant breaches, on the band: the first is an outcome beside the first quarter it cannot pay.
        // One mark a quarter: on the first reading's row, which carries the quarter's breaches.
        transform: [{filter: `datum.${F.reading} == '${F.regime}' && datum.${F.breaches} != null && datum.${F.breaches} != ''`}],
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
