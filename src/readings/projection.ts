import type Decimal from "decimal.js";
import {decimalArithmetic, project, projectionToNumbers, type ModelInputDraft, type Projection} from "../model/index.js";

/** A projection as every reader takes it: exact (the ledger's decimal) and as numbers (charts, outcomes, risk). */
export interface ReadProjection {
  readonly exact: Projection<Decimal>;
  readonly numbers: Projection<number>;
}

/**
 * The one "project, then convert": in exact decimal, then the same projection as numbers.
 * Throws ModelInputError on inputs the engine refuses, as project() does.
 */
export function readProjection(draft: ModelInputDraft): ReadProjection {
  const exact = project(draft, decimalArithmetic);
  return {exact, numbers: projectionToNumbers(decimalArithmetic, exact)};
}
