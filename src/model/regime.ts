import type {Arithmetic} from "./arithmetic.js";

/**
 * Minsky's three financing regimes (H. P. Minsky, "The Financial Instability
 * Hypothesis", Levy Economics Institute Working Paper No. 74, 1992):
 * - hedge: cash flow from operations meets every payment commitment, interest and
 *   principal due;
 * - speculative: it meets the interest but not the principal due, so debt must be rolled;
 * - ponzi: it does not meet the interest, so the unit borrows (or sells assets) to pay
 *   interest — the claim at the heart of the CoreWeave debate.
 */
export type Regime = "hedge" | "speculative" | "ponzi";

export function minskyRegime<N>(ar: Arithmetic<N>, operatingCashFlow: N, interest: N, principalDue: N): Regime {
  if (ar.lt(operatingCashFlow, interest)) return "ponzi";
  if (ar.lt(operatingCashFlow, ar.add(interest, principalDue))) return "speculative";
  return "hedge";
}
