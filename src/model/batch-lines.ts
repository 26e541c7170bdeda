import type {LaneMemory} from "./batch-memory.js";
import type {FacilityQuarter} from "./facility-quarter.js";
import type {SolvencyMetrics} from "./metrics.js";
import type {LedgerQuarter} from "./project.js";
import type {Regime} from "./regime.js";

/**
 * What a batch of lanes records, and where: each line a Float64Array of `stride × lanes`
 * values, quarter-major (`[quarter × lanes + lane]`, so that one quarter of every lane is a
 * run, as the Monte Carlo's fans read it). Plain typed arrays in plain objects, so a Web
 * Worker can send a batch's figures back whole.
 */

/** Every money line of the quarter's ledger (the ledger's numbers but its offset). */
export const LEDGER_LINES = [
  "openingCash", "revenue", "bookings", "backlog", "largestCustomerRevenue", "badDebt", "operatingCosts", "ebitda", "depreciation", "ebit",
  "taxes", "operatingCashFlow", "capex", "maintenanceCapex", "interest", "pikInterest", "discountAmortisation", "capitalisedInterest",
  "reportedInterestExpense", "leasePayments", "leaseLiability", "sweepRepayment", "prepayment", "prepaymentPremium", "equityRaised",
  "equityCure", "undrawnRevolver", "fees", "principalDue", "refinanced", "repaid", "scheduledDraws", "revolverDraw", "revolverRepayment",
  "newBorrowing", "closingCash", "openingDebt", "closingDebt"
] as const satisfies readonly (keyof LedgerQuarter<number>)[];
export type LedgerLine = (typeof LEDGER_LINES)[number];

/** Every line of a facility's quarter. */
export const FACILITY_LINES = [
  "opening", "drawn", "annualRate", "interest", "pikInterest", "discountAmortisation", "fees", "principalDue", "refinanced", "repaid",
  "prepaid", "prepaymentPremium", "closing"
] as const satisfies readonly (keyof FacilityQuarter<number>)[];
export type FacilityLine = (typeof FACILITY_LINES)[number];

/** Every solvency ratio; a ratio that is not meaningful (null in a projection) is NaN here. */
export const METRIC_LINES = [
  "interestCoverageEbitda", "interestCoverageEbit", "netLeverage", "dscr", "runwayQuarters", "fixedChargeCoverage", "netLeverageWithLeases"
] as const satisfies readonly (keyof SolvencyMetrics<number>)[];
export type MetricLine = (typeof METRIC_LINES)[number];

/** Minsky's regimes by code, as the batch stores them. */
export const REGIMES: readonly Regime[] = ["hedge", "speculative", "ponzi"];
export const PONZI = 2;

/** Which lines a batch keeps: the fewer, the less memory a 10,000-lane batch takes. */
export interface BatchRecording {
  readonly ledger?: readonly LedgerLine[] | "all";
  readonly metrics?: readonly MetricLine[] | "all";
  /** Every facility's rows (by the facility's index in the lane's projection). */
  readonly facilities?: boolean;
}

/**
 * The figures of many projections, one lane each. Always kept: each quarter's regimes and
 * whether the company could pay, and each lane's first quarter it could not and first
 * covenant breach (offsets, −1 for none); the lines asked for.
 */
export interface LaneProjections {
  readonly lanes: number;
  /** Quarters held for each lane: the longest lane's horizon. */
  readonly stride: number;
  /** Each lane's own horizon, in quarters. */
  readonly quarters: Int32Array;
  readonly ledger: Partial<Record<LedgerLine, Float64Array>>;
  readonly metrics: Partial<Record<MetricLine, Float64Array>>;
  /** By facility index (the revolver and new borrowing after the term loans), when asked for. */
  readonly facilities: Array<Record<FacilityLine, Float64Array>> | null;
  readonly cannotPay: Uint8Array;
  /** Codes into REGIMES. */
  readonly regime: Uint8Array;
  readonly regimeAfterMaintenance: Uint8Array;
  readonly firstDefault: Int32Array;
  readonly firstBreach: Int32Array;
}

/**
 * A batch's figures, zeroed; on `memory` when given (the caller's to release once it has read
 * them, and not to post to another thread: a view would copy its whole buffer), else each
 * array its own.
 */
export function emptyLaneProjections(lanes: number, stride: number, facilityCount: number, recording: BatchRecording, memory?: LaneMemory): LaneProjections {
  const size = lanes * stride;
  const f64 = (length: number) => (memory ? memory.f64(length) : new Float64Array(length));
  const u8 = (length: number) => (memory ? memory.u8(length) : new Uint8Array(length));
  const ledgerLines = recording.ledger === "all" ? LEDGER_LINES : (recording.ledger ?? []);
  const metricLines = recording.metrics === "all" ? METRIC_LINES : (recording.metrics ?? []);
  const ledger: Partial<Record<LedgerLine, Float64Array>> = {};
  for (const line of ledgerLines) ledger[line] = f64(size);
  const metrics: Partial<Record<MetricLine, Float64Array>> = {};
  for (const line of metricLines) metrics[line] = f64(size);
  const facilities = recording.facilities
    ? Array.from({length: facilityCount}, () => Object.fromEntries(FACILITY_LINES.map((line) => [line, f64(size)])) as Record<FacilityLine, Float64Array>)
    : null;
  return {
    lanes, stride, quarters: new Int32Array(lanes), ledger, metrics, facilities,
    cannotPay: u8(size), regime: u8(size), regimeAfterMaintenance: u8(size),
    firstDefault: new Int32Array(lanes).fill(-1), firstBreach: new Int32Array(lanes).fill(-1)
  };
}
