import type {ModelInputDraft} from "../model/index.js";
import {addQuarters} from "../model/index.js";

/**
 * What a reader moves on the page, in the units the page shows (percent, basis points,
 * USD millions, quarters), and how each lands on the model's inputs. Pure: the page
 * wires sliders to `applyControls(base, controls)` and projects the result.
 */
export interface Controls {
  /** Change in the reference rate since the filings, in basis points; floating facilities move by it. */
  readonly rateChangeBp: number;
  /** Revenue growth a quarter, percent. */
  readonly growthPct: number;
  /** Revenue lost from the first projected quarter on (a customer leaving), percent. */
  readonly revenueLostPct: number;
  readonly ebitdaMarginPct: number;
  /** USD millions a quarter. */
  readonly capex: number;
  readonly shareRolledPct: number;
  /** Refinancing spread over the reference rate change, percent a year. */
  readonly refinancingSpreadPct: number;
  readonly tenorQuarters: number;
  /** Quarters from the start until debt markets shut (0: never), and for how long. */
  readonly marketShutAfter: number;
  readonly marketShutQuarters: number;
  readonly revolverCapacity: number;
  readonly minimumCash: number;
}

/**
 * Each control's range and step, in the page's units: the sliders, scenario files and URL
 * state share them, so a value that one accepts, the others accept too.
 */
export const CONTROL_BOUNDS: Readonly<Record<keyof Controls, {readonly min: number; readonly max: number; readonly step: number}>> = {
  rateChangeBp: {min: -300, max: 600, step: 25},
  growthPct: {min: -30, max: 40, step: 0.01},
  revenueLostPct: {min: 0, max: 100, step: 1},
  ebitdaMarginPct: {min: -20, max: 80, step: 0.01},
  capex: {min: 0, max: 10000, step: 100},
  shareRolledPct: {min: 0, max: 100, step: 5},
  refinancingSpreadPct: {min: 0, max: 20, step: 0.25},
  tenorQuarters: {min: 1, max: 40, step: 1},
  marketShutAfter: {min: 0, max: 12, step: 1},
  marketShutQuarters: {min: 0, max: 12, step: 1},
  revolverCapacity: {min: 0, max: 5000, step: 50},
  minimumCash: {min: 0, max: 3000, step: 50}
};

/** Each control's label, with its unit, as the sliders and the risk tools show it. */
export const CONTROL_LABELS: Readonly<Record<keyof Controls, string>> = {
  rateChangeBp: "Reference-rate change (bp)",
  growthPct: "Growth a quarter (%)",
  revenueLostPct: "Revenue lost: a customer leaves (%)",
  ebitdaMarginPct: "EBITDA margin (%)",
  capex: "Capex a quarter (USD m)",
  shareRolledPct: "Share rolled (%)",
  refinancingSpreadPct: "New spread (% a year)",
  tenorQuarters: "New tenor (quarters)",
  marketShutAfter: "Markets shut in quarter (0: never)",
  marketShutQuarters: "…for quarters",
  revolverCapacity: "Revolver capacity (USD m)",
  minimumCash: "Minimum cash (USD m)"
};

/** The controls' values that reproduce the base case. */
export function controlsOf(base: ModelInputDraft): Controls {
  const growth = typeof base.revenue.growth === "number" ? base.revenue.growth : (base.revenue.growth[0] ?? 0);
  const margin = base.costs.kind === "margin" ? (typeof base.costs.ebitdaMargin === "number" ? base.costs.ebitdaMargin : (base.costs.ebitdaMargin[0] ?? 0)) : 0;
  const rate = typeof base.baseRate === "number" ? base.baseRate : (base.baseRate[0] ?? 0);
  const capex = typeof base.capex === "number" ? base.capex : (base.capex[0] ?? 0);
  // Rid of float noise only (0.1252 × 100 = 12.520000000000001), so that the value sits on
  // its slider's grid and moving nothing still reproduces the base case.
  const clean = (x: number) => Number(x.toPrecision(12));
  return {
    rateChangeBp: clean(rate * 10000),
    growthPct: clean(growth * 100),
    revenueLostPct: 0,
    ebitdaMarginPct: clean(margin * 100),
    capex,
    shareRolledPct: clean((base.refinancing?.shareRolled ?? 0) * 100),
    refinancingSpreadPct: clean((base.refinancing?.spread ?? 0) * 100),
    tenorQuarters: base.refinancing?.tenorQuarters ?? 20,
    marketShutAfter: 0,
    marketShutQuarters: 0,
    revolverCapacity: base.revolver?.capacity ?? 0,
    minimumCash: base.minimumCash ?? 0
  };
}

export function applyControls(base: ModelInputDraft, c: Controls): ModelInputDraft {
  const shut = c.marketShutAfter > 0 && c.marketShutQuarters > 0
    ? [{from: addQuarters(base.start, c.marketShutAfter - 1), to: addQuarters(base.start, c.marketShutAfter + c.marketShutQuarters - 2)}]
    : [];
  const revolver = base.revolver
    ? {...base.revolver, capacity: Math.max(c.revolverCapacity, base.revolver.drawn ?? 0)}
    : c.revolverCapacity > 0 ? {capacity: c.revolverCapacity, rate: {type: "floating" as const, spread: 0.07}} : undefined;
  return {
    ...base,
    baseRate: c.rateChangeBp / 10000,
    revenue: {lastQuarter: base.revenue.lastQuarter * (1 - c.revenueLostPct / 100), growth: c.growthPct / 100},
    costs: {kind: "margin", ebitdaMargin: c.ebitdaMarginPct / 100},
    capex: c.capex,
    minimumCash: c.minimumCash,
    ...(revolver ? {revolver} : {}),
    refinancing: {
      shareRolled: c.shareRolledPct / 100,
      spread: c.refinancingSpreadPct / 100,
      tenorQuarters: c.tenorQuarters,
      feeRate: base.refinancing?.feeRate ?? 0,
      marketShut: shut
    }
  };
}
