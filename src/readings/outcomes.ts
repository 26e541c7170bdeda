import type {Projection, QuarterLabel} from "../model/index.js";
import {PONZI, type BatchRecording, type LaneProjections} from "../model/batch.js";
import {fundingGap, largestFundingGap} from "./funding-gap.js";

/**
 * The readings layer: what a projection is read as (the first quarter it cannot pay, the
 * lowest coverage, quarters in Ponzi finance, peak debt, cash at the end), declared once. It
 * sits just above the engine and below everything that shows a result (the risk tools, the
 * scenario tables, the claims, the CLI, the pages): it imports the engine only.
 */

export interface OutcomeDefinition {
  readonly key: OutcomeKey;
  readonly label: string;
  readonly unit: string;
  /** What the figure assumes or means, in a sentence a reader sees beside it. */
  readonly meaning: string;
  /** The figure, or null where it does not exist: it always pays, or no quarter has interest. */
  of(projection: Projection<number>): number | null;
  /** The same figure read off lane `lane` of a batch (src/model/batch.ts) that kept `lines`. */
  ofLane(lanes: LaneProjections, lane: number): number | null;
  readonly lines: BatchRecording;
  /** What a null reads as. */
  readonly absent: string;
  /** How two readings compare: which way is better for the company, and where a null stands. */
  readonly better: "higher" | "lower";
  readonly absentIs: "best" | "worst";
  /** The column it has in scenario tables, the CLI and the scenarios' data, its heading there, and its cell. */
  readonly column: string;
  readonly heading: string;
  cell(projection: Projection<number>): string | number;
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

/**
 * The quarters in a Minsky regime, in order: read on operating cash flow, or (`afterMaintenance`)
 * on operating cash flow less maintenance capex.
 */
export function quartersIn(p: Projection<number>, regime: "hedge" | "speculative" | "ponzi", afterMaintenance = false): QuarterLabel[] {
  return p.quarters.filter((q) => (afterMaintenance ? q.regimeAfterMaintenance : q.regime) === regime).map((q) => q.ledger.quarter);
}

export function everPonzi(p: Projection<number>): boolean {
  return p.quarters.some((q) => q.regime === "ponzi");
}

/**
 * Readings of a lane of a batch, each the projection's reading above for the lane's
 * projection (test/readings/outcomes-lanes.test.ts holds them to it).
 */
const laneLine = (lanes: LaneProjections, line: Float64Array | undefined, lane: number, q: number): number => line![q * lanes.lanes + lane]!;
const offsetPlusOne = (offset: number): number | null => (offset < 0 ? null : offset + 1);

function laneLowestCoverage(lanes: LaneProjections, lane: number): number | null {
  let lowest: number | null = null;
  for (let q = 0; q < lanes.quarters[lane]!; q++) {
    const c = laneLine(lanes, lanes.metrics.interestCoverageEbitda, lane, q);
    if (!Number.isNaN(c) && (lowest === null || c < lowest)) lowest = c;
  }
  return lowest;
}

function laneQuartersIn(lanes: LaneProjections, lane: number, regimes: Uint8Array, regime: number): number {
  let count = 0;
  for (let q = 0; q < lanes.quarters[lane]!; q++) if (regimes[q * lanes.lanes + lane] === regime) count++;
  return count;
}

function laneFold(lanes: LaneProjections, lane: number, line: Float64Array | undefined, fold: (held: number, value: number) => number, start: number): number {
  let held = start;
  for (let q = 0; q < lanes.quarters[lane]!; q++) held = fold(held, laneLine(lanes, line, lane, q));
  return held;
}

const quarterOf = (label: QuarterLabel | null, quarters: readonly {ledger: {quarter: QuarterLabel}}[]) =>
  label === null ? null : quarters.findIndex((q) => q.ledger.quarter === label) + 1;
const oneDecimal = (x: number) => Number(x.toFixed(1));

const outcomes = {
  quartersUntilCannotPay: {
    label: "Quarters until it cannot pay", unit: "quarters",
    meaning: "the first quarter in which cash ends below zero with the revolver and new borrowing exhausted or shut, counted from the first projected quarter",
    of: quartersUntilCannotPay, absent: "pays throughout", better: "higher", absentIs: "best",
    ofLane: (lanes, lane) => offsetPlusOne(lanes.firstDefault[lane]!), lines: {},
    column: "first_quarter_cannot_pay", heading: "First quarter it cannot pay", cell: (p) => p.firstDefaultQuarter ?? "none"
  },
  quartersUntilBreach: {
    label: "Quarters until a covenant is breached", unit: "quarters",
    meaning: "the first quarter a covenant of any facility is breached, whatever follows (waiver, cure or acceleration), counted from the first projected quarter",
    of: (p) => quarterOf(p.firstBreachQuarter, p.quarters), absent: "no breach", better: "higher", absentIs: "best",
    ofLane: (lanes, lane) => offsetPlusOne(lanes.firstBreach[lane]!), lines: {},
    column: "first_covenant_breach", heading: "First covenant breach", cell: (p) => p.firstBreachQuarter ?? "none"
  },
  lowestCoverage: {
    label: "Lowest interest coverage", unit: "× (EBITDA / interest)",
    meaning: "the lowest quarterly EBITDA over interest expense across the projection",
    of: lowestCoverage, absent: "no interest to cover", better: "higher", absentIs: "best",
    ofLane: laneLowestCoverage, lines: {metrics: ["interestCoverageEbitda"]},
    column: "lowest_coverage", heading: "Lowest coverage", cell: (p) => { const c = lowestCoverage(p); return c === null ? "n/m" : `${c.toFixed(2)}×`; }
  },
  peakDebt: {
    label: "Peak debt", unit: "USD millions",
    meaning: "the highest closing debt (principal, every facility and the revolver) of any projected quarter",
    of: (p) => (p.quarters.length ? Math.max(...p.quarters.map((q) => q.ledger.closingDebt)) : null), absent: "no quarter", better: "lower", absentIs: "best",
    ofLane: (lanes, lane) => (lanes.quarters[lane]! ? laneFold(lanes, lane, lanes.ledger.closingDebt, Math.max, -Infinity) : null), lines: {ledger: ["closingDebt"]},
    column: "peak_debt_usd_m", heading: "Peak debt (USD m)", cell: (p) => oneDecimal(Math.max(...p.quarters.map((q) => q.ledger.closingDebt)))
  },
  largestFundingGap: {
    label: "Largest funding gap", unit: "USD millions",
    meaning: "the most that no source (cash, the revolver, new borrowing, refinancing) covered, in all, at any quarter's end; 0 when it pays throughout",
    of: largestFundingGap, absent: "none", better: "lower", absentIs: "best",
    ofLane: (lanes, lane) => laneFold(lanes, lane, lanes.ledger.closingCash, (largest, cash) => Math.max(largest, fundingGap(cash)), 0), lines: {ledger: ["closingCash"]},
    column: "largest_funding_gap_usd_m", heading: "Largest funding gap (USD m)", cell: (p) => oneDecimal(largestFundingGap(p))
  },
  cashAtEnd: {
    label: "Cash at the end, less any funding gap", unit: "USD millions",
    meaning: "cash at the end of the projection's last quarter less the funding gap then (what no source covered): below zero, the gap is larger than the cash",
    of: (p) => p.quarters.at(-1)?.ledger.closingCash ?? null, absent: "no quarter", better: "higher", absentIs: "worst",
    ofLane: (lanes, lane) => (lanes.quarters[lane]! ? laneLine(lanes, lanes.ledger.closingCash, lane, lanes.quarters[lane]! - 1) : null), lines: {ledger: ["closingCash"]},
    column: "cash_at_end_usd_m", heading: "Cash at the end, less any gap (USD m)", cell: (p) => oneDecimal(p.quarters.at(-1)?.ledger.closingCash ?? 0)
  },
  quartersInPonzi: {
    label: "Quarters in Ponzi finance", unit: "quarters",
    meaning: "quarters in which operating cash flow falls short of interest (Minsky's Ponzi finance)",
    of: (p) => quartersIn(p, "ponzi").length, absent: "—", better: "lower", absentIs: "best",
    ofLane: (lanes, lane) => laneQuartersIn(lanes, lane, lanes.regime, PONZI), lines: {},
    column: "quarters_in_ponzi", heading: "Quarters in Ponzi finance", cell: (p) => quartersIn(p, "ponzi").length
  },
  quartersInPonziAfterMaintenance: {
    label: "Quarters in Ponzi finance after maintenance capex", unit: "quarters",
    meaning: "quarters in which operating cash flow less maintenance capex (replacing GPUs at the end of their life) falls short of interest",
    of: (p) => quartersIn(p, "ponzi", true).length, absent: "—", better: "lower", absentIs: "best",
    ofLane: (lanes, lane) => laneQuartersIn(lanes, lane, lanes.regimeAfterMaintenance, PONZI), lines: {},
    column: "quarters_in_ponzi_after_maintenance", heading: "Quarters in Ponzi after maintenance capex", cell: (p) => quartersIn(p, "ponzi", true).length
  }
} satisfies Record<string, Omit<OutcomeDefinition, "key">>;

export type OutcomeKey = keyof typeof outcomes;

/** Every outcome, in the order tables show them. */
export const OUTCOMES: Readonly<Record<OutcomeKey, OutcomeDefinition>> = Object.fromEntries(
  Object.entries(outcomes).map(([key, o]) => [key, {key, ...o}])
) as Record<OutcomeKey, OutcomeDefinition>;
export const OUTCOME_KEYS = Object.keys(outcomes) as OutcomeKey[];

/** The outcomes of a projection as one row of a scenario table, by column. */
export type OutcomeRow = Readonly<Record<string, string | number>>;
export function outcomeRow(p: Projection<number>): OutcomeRow {
  return Object.fromEntries(OUTCOME_KEYS.map((key) => [OUTCOMES[key].column, OUTCOMES[key].cell(p)]));
}

/** Which of two readings is better for the company: −1 the first, 1 the second, 0 neither. */
export function compareOutcome(key: OutcomeKey, a: number | null, b: number | null): -1 | 0 | 1 {
  const o = OUTCOMES[key];
  if (a === b) return 0;
  if (a === null || b === null) return (a === null) === (o.absentIs === "best") ? -1 : 1;
  return (a > b) === (o.better === "higher") ? -1 : 1;
}
