import type {Arithmetic} from "./arithmetic.js";
import type {ModelInput} from "./inputs.js";
import {quarterOffset} from "./quarter.js";
import {arithmeticPath, atQuarter} from "./rates.js";
import {revenueStreams} from "./revenue.js";

/** One quarter of the operating business, before any financing. */
export interface OperatingQuarter<N> {
  readonly revenue: N;
  /** Bookings, the backlog left, the largest customer's revenue and bad debt (src/model/revenue.ts). */
  readonly bookings: N;
  readonly backlog: N;
  readonly largestCustomerRevenue: N;
  /** Billing a defaulting customer never pays: an operating cost of the quarter it stops. */
  readonly badDebt: N;
  /** Cash operating costs (everything above EBITDA). */
  readonly operatingCosts: N;
  readonly ebitda: N;
  readonly depreciation: N;
  readonly ebit: N;
  readonly capex: N;
  /** The part of capex that replaces vintages (reported or projected) at the end of their life. */
  readonly maintenanceCapex: N;
}

/**
 * The operating side as a stepper: revenue follows growth that fades or the backlog, with
 * the largest customer as a stream that may stop (`revenueStreams`); costs follow a
 * margin or cost lines (a share of revenue plus a fixed amount that grows at its own
 * rate); depreciation is the opening assets' charge while their life lasts plus each
 * vintage of capex (reported before the start, or projected), straight line over its
 * life, from the quarter after it is spent. A vintage spent in quarter s is depreciated
 * in s+1..s+life and replaced in quarter s+life, so the replacement starts depreciating
 * as the old one stops: that replacement is maintenance capex. Capex is the `capex`
 * path, of which maintenance is what replaces retiring vintages (at most all of it); or,
 * when `capexIntensity.follows`, the capex that follows the revenue added `leadQuarters`
 * ahead (`capexFollowingGrowth`) plus the retiring vintages' cost.
 */
export function operatingModel<N>(ar: Arithmetic<N>, input: ModelInput): (offset: number) => OperatingQuarter<N> {
  const costs = input.costs;
  const fixedCosts = costs.kind === "lines" ? costs.lines.map((line) => ar.of(line.fixedPerQuarter)) : [];
  const life = input.depreciation.capexLifeQuarters;
  const lifeN = ar.of(life);
  const openingDepreciation = ar.of(input.depreciation.openingPerQuarter);
  const capexHistory: N[] = [];
  const growth = arithmeticPath(ar, input.revenue.growth);
  const margin = costs.kind === "margin" ? arithmeticPath(ar, costs.ebitdaMargin) : [];
  const shares = costs.kind === "lines" ? costs.lines.map((line) => arithmeticPath(ar, line.shareOfRevenue)) : [];
  const fixedGrowthFactors = costs.kind === "lines" ? costs.lines.map((line) => ar.add(ar.one, ar.of(line.fixedGrowth))) : [];
  const streams = revenueStreams(ar, input, growth, input.capexIntensity?.follows ? input.capexIntensity.leadQuarters : 0);
  const growthCapex = capexFollowingGrowth(ar, input, streams.added);
  const capexPath = growthCapex ?? arithmeticPath(ar, input.capex);
  const reported = reportedVintages(ar, input);
  // Capex spent in quarter s (before the start: a reported vintage), or undefined for none.
  const spentAt = (s: number): N | undefined => (s >= 0 ? capexHistory[s] : reported[-s - 1]);
  // Capex of the vintages still being depreciated: at the start, the reported ones spent in the last `life` quarters.
  let depreciableCapex = ar.zero;
  for (let k = 0; k < Math.min(life, reported.length); k++) if (reported[k] !== undefined) depreciableCapex = ar.add(depreciableCapex, reported[k] as N);

  return (offset) => {
    const stream = streams.quarters[offset]!;
    const {revenue, badDebt} = stream;
    let operatingCosts: N;
    let ebitda: N;
    if (costs.kind === "margin") {
      // Bad debt is written off below the margin: the margin is earned on what is billed.
      ebitda = ar.sub(ar.mul(revenue, atQuarter(margin, offset)), badDebt);
      operatingCosts = ar.sub(revenue, ebitda);
    } else {
      operatingCosts = badDebt;
      costs.lines.forEach((_, i) => {
        const fixed = ar.mul(fixedCosts[i] as N, fixedGrowthFactors[i] as N);
        fixedCosts[i] = fixed;
        operatingCosts = ar.add(operatingCosts, ar.add(fixed, ar.mul(revenue, atQuarter(shares[i] as readonly N[], offset))));
      });
      ebitda = ar.sub(revenue, operatingCosts);
    }

    // The vintage spent `life` + 1 quarters ago has finished depreciating (those spent
    // earlier than `life` quarters before the start never entered the sum).
    if (offset >= 1) {
      const ended = spentAt(offset - life - 1);
      if (ended !== undefined) depreciableCapex = ar.sub(depreciableCapex, ended);
    }
    let depreciation = ar.div(depreciableCapex, lifeN);
    if (offset < input.depreciation.openingRemainingQuarters) depreciation = ar.add(depreciation, openingDepreciation);

    // The vintage whose last charge falls in this quarter is replaced now, at its cost.
    const retiring = spentAt(offset - life);
    let capex = atQuarter(capexPath, offset);
    let maintenanceCapex = ar.zero;
    if (retiring !== undefined) {
      if (growthCapex) {
        maintenanceCapex = retiring;
        capex = ar.add(capex, retiring);
      } else {
        maintenanceCapex = ar.min(capex, retiring);
      }
    }
    capexHistory.push(capex);
    depreciableCapex = ar.add(depreciableCapex, capex);

    // Field by field: a spread of the revenue quarter here cost as much as all the quarter's arithmetic.
    return {
      revenue, bookings: stream.bookings, backlog: stream.backlog, largestCustomerRevenue: stream.largestCustomerRevenue, badDebt,
      operatingCosts, ebitda, depreciation, ebit: ar.sub(ebitda, depreciation), capex, maintenanceCapex
    };
  };
}

/**
 * Capex that follows growth, one value a quarter, worked out once: intensity × 4 × the
 * revenue added `lead` quarters ahead (`added[t + lead]`, never below zero), with the last
 * reported quarter's revenue before the first and revenue past the horizon compounding at
 * the last projected quarter's growth (`revenueStreams`, whose quarters are the ledger's).
 * Undefined when capex does not follow growth (the `capex` path then applies).
 */
function capexFollowingGrowth<N>(ar: Arithmetic<N>, input: ModelInput, added: readonly N[]): readonly N[] | undefined {
  const intensity = input.capexIntensity;
  if (!intensity?.follows) return undefined;
  const lead = intensity.leadQuarters;
  const perQuarter = ar.mul(ar.of(intensity.perAddedAnnualRevenue), ar.of(4));
  const capex: N[] = new Array(input.quarters);
  for (let t = 0; t < input.quarters; t++) capex[t] = ar.mul(perQuarter, ar.max(ar.zero, added[t + lead] as N));
  return capex;
}

/**
 * The reported vintages by how many quarters before the start they were spent: index k is
 * quarter start − k − 1, holding the sum of the vintages of that quarter, or undefined.
 */
function reportedVintages<N>(ar: Arithmetic<N>, input: ModelInput): (N | undefined)[] {
  const byAge: (N | undefined)[] = [];
  for (const v of input.depreciation.vintages) {
    const k = -quarterOffset(input.start, v.quarter) - 1;
    const held = byAge[k];
    byAge[k] = held === undefined ? ar.of(v.amount) : ar.add(held, ar.of(v.amount));
  }
  return byAge;
}
