import type Decimal from "decimal.js";
import {roundToCent, type Projection} from "../model/index.js";
import {safeCsv, safeJson} from "./safe-cells.js";

/**
 * The ledger as records, one per quarter and line, for the CSV and JSON downloads.
 * Figures are USD millions rounded to the cent (8 decimals), written as decimal text so
 * that no float rounding creeps in on the way out.
 */
export interface LedgerRecord {
  readonly quarter: string;
  readonly line: string;
  readonly facility: string;
  readonly usd_millions: string;
}

/** The ledger's lines and each facility's, in the order the downloads (and the workbook tests) list them. */
export const LEDGER_LINES = ["openingCash", "revenue", "bookings", "backlog", "largestCustomerRevenue", "badDebt", "operatingCosts", "ebitda", "depreciation", "ebit", "taxes", "operatingCashFlow", "capex", "maintenanceCapex", "interest", "pikInterest", "discountAmortisation", "capitalisedInterest", "reportedInterestExpense", "leasePayments", "leaseLiability", "sweepRepayment", "prepayment", "prepaymentPremium", "equityRaised", "equityCure", "undrawnRevolver", "fees", "principalDue", "refinanced", "repaid", "scheduledDraws", "revolverDraw", "revolverRepayment", "newBorrowing", "closingCash", "openingDebt", "closingDebt"] as const;
export const FACILITY_LINES = ["opening", "drawn", "interest", "pikInterest", "discountAmortisation", "fees", "principalDue", "refinanced", "repaid", "prepaid", "prepaymentPremium", "closing"] as const;

export function ledgerRecords(projection: Projection<Decimal>): LedgerRecord[] {
  const cents = (value: Decimal) => roundToCent(value).toFixed(8);
  return projection.quarters.flatMap(({ledger}) => [
    ...LEDGER_LINES.map((line) => ({quarter: ledger.quarter, line, facility: "", usd_millions: cents(ledger[line])})),
    ...ledger.facilities.flatMap((f, i) => FACILITY_LINES.map((line) => ({quarter: ledger.quarter, line, facility: projection.facilities[i]!.name, usd_millions: cents(f[line])})))
  ]);
}

/** The ledger as CSV, formula-like text made safe (see safe-cells.ts). */
export function ledgerCsv(records: readonly LedgerRecord[]): string {
  return safeCsv(records, ["quarter", "line", "facility", "usd_millions"]);
}

/** The ledger as JSON, formula-like text made safe the same way. */
export function ledgerJson(records: readonly LedgerRecord[]): string {
  return safeJson(records, 1);
}
