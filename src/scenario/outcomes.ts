import type Decimal from "decimal.js";
import type {ModelInputDraft, Projection} from "../model/index.js";
import {readProjection} from "../readings/projection.js";
import {applyControls, prepaymentTarget, type Controls} from "./controls.js";
import {outcomeRow, type OutcomeRow} from "../readings/outcomes.js";
import {usdMillions} from "../readings/format.js";

/** What a reader compares scenarios by: a row of the outcomes table's cells. Ratios that are not meaningful read "n/m". */
export type Outcome = OutcomeRow;

export function projectScenario(base: ModelInputDraft, controls: Controls): {exact: Projection<Decimal>; numbers: Projection<number>; outcome: Outcome} {
  const {exact, numbers} = readProjection(applyControls(base, controls));
  return {exact, numbers, outcome: outcomeRow(numbers)};
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
