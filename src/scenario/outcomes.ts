import type Decimal from "decimal.js";
import {decimalArithmetic, project, projectionToNumbers, type ModelInputDraft, type Projection} from "../model/index.js";
import {applyControls, type Controls} from "./controls.js";
import {lowestCoverage} from "../risk/outcomes.js";

/** What a reader compares scenarios by. Ratios that are not meaningful read "n/m". */
export interface Outcome {
  readonly first_quarter_cannot_pay: string;
  readonly first_covenant_breach: string;
  readonly lowest_coverage: string;
  readonly peak_debt_usd_m: number;
  readonly cash_at_end_usd_m: number;
  readonly quarters_in_ponzi: number;
}

export {lowestCoverage};

export function projectScenario(base: ModelInputDraft, controls: Controls): {exact: Projection<Decimal>; numbers: Projection<number>; outcome: Outcome} {
  const exact = project(applyControls(base, controls), decimalArithmetic);
  const numbers = projectionToNumbers(decimalArithmetic, exact);
  const lowest = lowestCoverage(numbers);
  return {
    exact, numbers,
    outcome: {
      first_quarter_cannot_pay: numbers.firstDefaultQuarter ?? "none",
      first_covenant_breach: numbers.firstBreachQuarter ?? "none",
      lowest_coverage: lowest === null ? "n/m" : `${lowest.toFixed(2)}×`,
      peak_debt_usd_m: Number(Math.max(...numbers.quarters.map((q) => q.ledger.closingDebt)).toFixed(1)),
      cash_at_end_usd_m: Number((numbers.quarters.at(-1)?.ledger.closingCash ?? 0).toFixed(1)),
      quarters_in_ponzi: numbers.quarters.filter((q) => q.regime === "ponzi").length
    }
  };
}
