import type {Projection} from "../model/index.js";

/**
 * The readings layer: what a projection is read as (the first quarter it cannot pay, the
 * lowest coverage, quarters in Ponzi finance, cash at the end), declared once. It sits just
 * above the engine and below everything that shows a result (the risk tools, the scenario
 * outcomes, the pages): it imports the engine only.
 */

/** What the risk tools measure a projection by. */
export type OutcomeKey = "quartersUntilCannotPay" | "lowestCoverage" | "cashAtEnd" | "quartersInPonzi";

export interface OutcomeDefinition {
  readonly key: OutcomeKey;
  readonly label: string;
  readonly unit: string;
  /** What the figure assumes or means, in a sentence a reader sees beside it. */
  readonly meaning: string;
  /** Null where the outcome does not exist: it always pays, or no quarter has interest. */
  of(projection: Projection<number>): number | null;
  /** What a null reads as. */
  readonly absent: string;
}

/** The lowest EBITDA interest coverage of a projection, or null when no quarter has interest to cover. */
export function lowestCoverage(p: Projection<number>): number | null {
  let lowest: number | null = null;
  for (const q of p.quarters) {
    const c = q.metrics.interestCoverageEbitda;
    if (c !== null && (lowest === null || c < lowest)) lowest = c;
  }
  return lowest;
}

/** Quarters from the start to the end of the first quarter the company cannot pay (1 = the first quarter), or null. */
export function quartersUntilCannotPay(p: Projection<number>): number | null {
  const index = p.quarters.findIndex((q) => q.cannotPay);
  return index < 0 ? null : index + 1;
}

export function everPonzi(p: Projection<number>): boolean {
  return p.quarters.some((q) => q.regime === "ponzi");
}

export const OUTCOMES: Readonly<Record<OutcomeKey, OutcomeDefinition>> = {
  quartersUntilCannotPay: {
    key: "quartersUntilCannotPay", label: "Quarters until it cannot pay", unit: "quarters",
    meaning: "the first quarter in which cash ends below zero with the revolver and new borrowing exhausted or shut, counted from the first projected quarter",
    of: quartersUntilCannotPay, absent: "pays throughout"
  },
  lowestCoverage: {
    key: "lowestCoverage", label: "Lowest interest coverage", unit: "× (EBITDA / interest)",
    meaning: "the lowest quarterly EBITDA over interest expense across the projection",
    of: lowestCoverage, absent: "no interest to cover"
  },
  cashAtEnd: {
    key: "cashAtEnd", label: "Cash at the end", unit: "USD millions",
    meaning: "closing cash in the projection's last quarter; below zero means it could not pay",
    of: (p) => p.quarters.at(-1)?.ledger.closingCash ?? null, absent: "no quarter"
  },
  quartersInPonzi: {
    key: "quartersInPonzi", label: "Quarters in Ponzi finance", unit: "quarters",
    meaning: "quarters in which operating cash flow falls short of interest (Minsky's Ponzi finance)",
    of: (p) => p.quarters.filter((q) => q.regime === "ponzi").length, absent: "—"
  }
};
