import type Decimal from "decimal.js";
import type {ModelInputDraft, Projection} from "../model/index.js";
import {readProjection} from "../readings/projection.js";
import {applyControls, prepaymentTarget, type Controls} from "./controls.js";
import {lowestCoverage} from "../readings/outcomes.js";
import {usdMillions} from "../readings/format.js";

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
  const {exact, numbers} = readProjection(applyControls(base, controls));
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

/**
 * What the prepayment control did, in a sentence: which loan, in which quarter, how much of
 * what was asked, and why less. Null when no prepayment is asked.
 */
export function prepaymentOutcome(base: ModelInputDraft, controls: Controls, p: Projection<number>): string | null {
  if (!(controls.prepaymentAmount > 0)) return null;
  const target = prepaymentTarget(base, controls);
  const asked = `${usdMillions(controls.prepaymentAmount)} asked`;
  if (!target) return `Optional prepayment: none made (${asked}): no term loan is outstanding after quarter ${controls.prepaymentQuarter}.`;
  const quarter = p.quarters.find((q) => q.ledger.quarter === target.quarter);
  if (!quarter) return `Optional prepayment of the ${target.name}: none made (${asked}): ${target.quarter} is beyond the projection.`;
  const row = quarter.ledger.facilities[target.index]!;
  const made = row.prepaid;
  const premium = row.prepaymentPremium > 0 ? `, with a premium of ${usdMillions(row.prepaymentPremium)}` : "";
  // Whichever bound it: less than asked is either the loan's balance or the cash above the minimum.
  const why = made >= controls.prepaymentAmount - 0.005 ? ""
    : row.closing <= 0.005 && made > 0 ? ": the whole balance left"
    : ": all the cash above minimum cash";
  return made > 0
    ? `Optional prepayment of the ${target.name}, the dearest term loan, in ${target.quarter}: ${usdMillions(made)} of ${asked}${why}${premium}.`
    : `Optional prepayment of the ${target.name} in ${target.quarter}: none made (${asked}): ${row.opening + row.drawn <= 0.005 ? "the loan is repaid by then" : "the company holds no cash above its minimum then, and a prepayment is never borrowed for"}.`;
}
