import type {ModelInput, Path} from "./inputs.js";
import {quarterOffset} from "./quarter.js";

/**
 * The operating side of a batch (src/model/operations.ts and revenue.ts, in float64): revenue,
 * costs, depreciation and capex do not depend on financing, so each distinct operating input
 * is run once, through all its quarters, and lanes that share it read the same figures. Each
 * step is the generic engine's, operation for operation in the same order, so that the
 * figures are the float projection's to the last bit.
 */

export const OPERATING_LINES = [
  "revenue", "bookings", "backlog", "largestCustomerRevenue", "badDebt", "operatingCosts", "ebitda", "depreciation", "ebit", "capex", "maintenanceCapex"
] as const;
export type OperatingLine = (typeof OPERATING_LINES)[number];

/** Each line quarter-major: `[quarter × count + operating lane]`. */
export type OperatingLanes = {readonly count: number} & Readonly<Record<OperatingLine, Float64Array>>;

/** A path's values as a list whose last value holds (`arithmeticPath` in float). */
export function pathValues(path: Path): ArrayLike<number> {
  return typeof path === "number" ? [path] : path;
}

/** `values` at quarter `offset`: past its end, its last value holds (`atQuarter`). */
export function valueAt(values: ArrayLike<number>, offset: number): number {
  return values[offset < values.length ? offset : values.length - 1] as number;
}

/**
 * The operating figures of each input over `quarters` quarters; `growthOf(o)` is the growth
 * path the o-th runs on (its own input's, or a simulated path's).
 */
export function operatingLanes(inputs: readonly ModelInput[], quarters: number, growthOf: (o: number) => ArrayLike<number>, f64: (length: number) => Float64Array): OperatingLanes {
  const count = inputs.length;
  const lines = Object.fromEntries(OPERATING_LINES.map((line) => [line, f64(quarters * count)])) as Record<OperatingLine, Float64Array>;
  const out: OperatingLanes = {count, ...lines};
  // One scratch for every lane: the revenue added (capex's lead reaches up to 8 quarters past the horizon) and capex spent.
  const added = new Float64Array(quarters + 8);
  const capexHistory = new Float64Array(quarters);
  // Lanes on one input (a simulation's paths, which differ in growth only) share its terms.
  const termsOf = new Map<ModelInput, OperatingTerms>();
  for (let o = 0; o < count; o++) {
    const input = inputs[o]!;
    let terms = termsOf.get(input);
    if (!terms) termsOf.set(input, terms = operatingTerms(input));
    operateLane(input, terms, growthOf(o), quarters, out, o, added, capexHistory);
  }
  return out;
}

/** What an operating input holds that its quarters read: its paths, the reported vintages, and what its capex and depreciation start from. */
interface OperatingTerms {
  readonly follows: boolean;
  readonly lead: number;
  readonly margin: ArrayLike<number>;
  readonly fixedPerQuarter: readonly number[];
  readonly shares: readonly ArrayLike<number>[];
  readonly fixedGrowthFactors: readonly number[];
  readonly perQuarter: number;
  readonly capexPath: ArrayLike<number>;
  readonly reported: readonly (number | undefined)[];
  /** The reported vintages still being depreciated at the start, summed in order. */
  readonly depreciableAtStart: number;
}

function operatingTerms(input: ModelInput): OperatingTerms {
  const costs = input.costs;
  const follows = input.capexIntensity?.follows === true;
  const reported = reportedVintages(input);
  const life = input.depreciation.capexLifeQuarters;
  let depreciableAtStart = 0;
  for (let k = 0; k < Math.min(life, reported.length); k++) if (reported[k] !== undefined) depreciableAtStart = depreciableAtStart + reported[k]!;
  return {
    follows,
    lead: follows ? input.capexIntensity!.leadQuarters : 0,
    margin: costs.kind === "margin" ? pathValues(costs.ebitdaMargin) : [],
    fixedPerQuarter: costs.kind === "lines" ? costs.lines.map((line) => line.fixedPerQuarter) : [],
    shares: costs.kind === "lines" ? costs.lines.map((line) => pathValues(line.shareOfRevenue)) : [],
    fixedGrowthFactors: costs.kind === "lines" ? costs.lines.map((line) => 1 + line.fixedGrowth) : [],
    perQuarter: follows ? input.capexIntensity!.perAddedAnnualRevenue * 4 : 0,
    capexPath: pathValues(input.capex),
    reported,
    depreciableAtStart
  };
}

function operateLane(input: ModelInput, terms: OperatingTerms, growth: ArrayLike<number>, horizon: number, out: OperatingLanes, o: number, added: Float64Array, capexHistory: Float64Array): void {
  const count = out.count;
  const {follows, lead, margin, shares, fixedGrowthFactors, perQuarter, capexPath, reported} = terms;
  revenueLane(input, growth, horizon, lead, out, o, added);
  const costs = input.costs;
  const fixedCosts = terms.fixedPerQuarter.slice();
  const life = input.depreciation.capexLifeQuarters;
  const openingDepreciation = input.depreciation.openingPerQuarter;
  const openingRemaining = input.depreciation.openingRemainingQuarters;
  // A vintage absent and one of zero are the same figures: x − 0 and x + 0 are x.
  const spentAt = (s: number): number => (s >= 0 ? capexHistory[s]! : (reported[-s - 1] ?? 0));
  let depreciableCapex = terms.depreciableAtStart;

  const {revenue: revenueOut, badDebt: badDebtOut, operatingCosts: costsOut, ebitda: ebitdaOut, depreciation: depreciationOut, ebit: ebitOut, capex: capexOut, maintenanceCapex: maintenanceOut} = out;
  for (let offset = 0; offset < horizon; offset++) {
    const i = offset * count + o;
    const revenue = revenueOut[i]!, badDebt = badDebtOut[i]!;
    let operatingCosts: number, ebitda: number;
    if (costs.kind === "margin") {
      ebitda = revenue * valueAt(margin, offset) - badDebt;
      operatingCosts = revenue - ebitda;
    } else {
      operatingCosts = badDebt;
      for (let k = 0; k < fixedCosts.length; k++) {
        const fixed = fixedCosts[k]! * fixedGrowthFactors[k]!;
        fixedCosts[k] = fixed;
        operatingCosts = operatingCosts + (fixed + revenue * valueAt(shares[k]!, offset));
      }
      ebitda = revenue - operatingCosts;
    }
    if (offset >= 1) depreciableCapex = depreciableCapex - spentAt(offset - life - 1);
    let depreciation = depreciableCapex / life;
    if (offset < openingRemaining) depreciation = depreciation + openingDepreciation;
    const retiring = spentAt(offset - life);
    let capex: number;
    let maintenanceCapex: number;
    if (follows) {
      const increase = added[offset + lead]!;
      capex = perQuarter * (0 >= increase ? 0 : increase) + retiring;
      maintenanceCapex = retiring;
    } else {
      capex = valueAt(capexPath, offset);
      maintenanceCapex = capex <= retiring ? capex : retiring;
    }
    capexHistory[offset] = capex;
    depreciableCapex = depreciableCapex + capex;
    costsOut[i] = operatingCosts;
    ebitdaOut[i] = ebitda;
    depreciationOut[i] = depreciation;
    ebitOut[i] = ebitda - depreciation;
    capexOut[i] = capex;
    maintenanceOut[i] = maintenanceCapex;
  }
}

/**
 * Revenue and its readings (`revenueStreams`) into the lane's lines, and the revenue added
 * each quarter up to `beyond` quarters past the horizon into `added`.
 */
function revenueLane(input: ModelInput, growth: ArrayLike<number>, horizon: number, beyond: number, out: OperatingLanes, o: number, added: Float64Array): void {
  const count = out.count;
  const backlogDriver = input.revenue.backlog?.follows ? input.revenue.backlog : undefined;
  const customer = input.revenue.largestCustomer;
  const share = customer?.share ?? 0;
  const rest = 1 - share;
  const stop = customer?.stopsFrom === undefined ? Infinity : quarterOffset(input.start, customer.stopsFrom);
  const defaults = customer?.because === "default";
  const term = backlogDriver ? backlogDriver.termQuarters : 1;
  let backlog = backlogDriver ? backlogDriver.opening : 0;
  let bookings = backlogDriver ? backlogDriver.bookings : 0;
  let previous = input.revenue.lastQuarter;
  for (let m = 0; m < horizon + beyond; m++) {
    const factor = 1 + valueAt(growth, m < horizon ? m : horizon - 1);
    let driven: number;
    let closingBacklog = 0;
    if (backlogDriver && m < horizon) {
      driven = backlog / term;
      bookings = bookings * factor;
      closingBacklog = (backlog - driven) + bookings;
    } else {
      driven = previous * factor;
    }
    const paying = m < stop;
    const increase = driven - previous;
    added[m] = paying ? increase : increase * rest;
    if (m < horizon) {
      const i = m * count + o;
      out.revenue[i] = paying ? driven : driven * rest;
      out.bookings[i] = backlogDriver ? (paying ? bookings : bookings * rest) : 0;
      out.backlog[i] = backlogDriver ? (paying ? closingBacklog : closingBacklog * rest) : 0;
      out.largestCustomerRevenue[i] = paying ? driven * share : 0;
      out.badDebt[i] = defaults && m === stop ? previous * share : 0;
      backlog = closingBacklog;
    }
    previous = driven;
  }
}

/** The reported vintages by age (index k: spent k + 1 quarters before the start), summed within a quarter. */
function reportedVintages(input: ModelInput): (number | undefined)[] {
  const byAge: (number | undefined)[] = [];
  for (const v of input.depreciation.vintages) {
    const k = -quarterOffset(input.start, v.quarter) - 1;
    const held = byAge[k];
    byAge[k] = held === undefined ? v.amount : held + v.amount;
  }
  return byAge;
}
