import {CENT_IN_MILLIONS} from "../model/metrics.js";
import {columnLetter, FIRST_VALUE_COLUMN, type SheetBuilder} from "./layout.js";

/**
 * What every quarterly sheet shares: the sheets' names, the cent below which an amount is
 * dust, and row 2's quarter offsets. In a file of their own, so that the sheets that refer to
 * each other (the facilities and the metrics) import them from here, not from each other.
 */
export const FACILITIES = "Facilities";
export const LEDGER = "Ledger";
export const METRICS = "Metrics";

/** Below this (one cent, in USD millions) an amount is dust, as in the engine: "1E-8". */
export const CENT = CENT_IN_MILLIONS.toExponential().toUpperCase();

/** Row 2 of every quarterly sheet: the quarter's offset, which formulas compare with maturities. */
export function offsetRow(sheet: SheetBuilder): void {
  sheet.quarters({key: "offset", label: "Quarter offset (0 = the first projected quarter)", unit: "quarters", format: "count", kind: "heading", cell: (t) => t});
}

/** The offset of quarter t as a reference to row 2 of the same sheet. */
export const offsetOf = (t: number) => `${columnLetter(FIRST_VALUE_COLUMN + t)}$2`;
