import type {Projection} from "../model/index.js";

/** The largest money figure anywhere in a projection's ledger: the scale its errors are measured against. */
export function projectionScale(projection: Projection<number>): number {
  let scale = 1;
  for (const {ledger} of projection.quarters) {
    for (const value of Object.values(ledger)) if (typeof value === "number") scale = Math.max(scale, Math.abs(value));
    for (const f of ledger.facilities) for (const value of Object.values(f)) scale = Math.max(scale, Math.abs(value));
  }
  return scale;
}

/**
 * How far the float path strays from the decimal path: the largest difference in any money
 * figure of the ledger (facility rows included), relative to the projection's scale. Rates
 * are not money and are left out. Infinity when the two do not have the same shape.
 */
export function relativeDisagreement(exact: Projection<number>, fast: Projection<number>): number {
  if (exact.quarters.length !== fast.quarters.length) return Infinity;
  let worst = 0;
  exact.quarters.forEach((e, q) => {
    const f = fast.quarters[q]!;
    for (const [key, value] of Object.entries(e.ledger)) {
      if (typeof value === "number") worst = Math.max(worst, Math.abs((f.ledger as unknown as Record<string, number>)[key]! - value));
    }
    e.ledger.facilities.forEach((ef, i) => {
      for (const [key, value] of Object.entries(ef)) {
        if (key !== "annualRate") worst = Math.max(worst, Math.abs((f.ledger.facilities[i] as unknown as Record<string, number>)[key]! - value));
      }
    });
  });
  return worst / projectionScale(exact);
}
