import type Decimal from "decimal.js";
import {OUTCOMES, quartersIn} from "../../readings/outcomes.js";
import {formatNumber, usdMillions} from "../../readings/format.js";
import {ModelInputError, type ModelInputDraft, type Projection} from "../../model/index.js";
import {readProjection} from "../../readings/projection.js";
import {projectFast, riskSubject} from "../../risk/subject.js";
import type {Controls} from "../../scenario/controls.js";

/**
 * A projection for the page, or the reason there is none. Bad input never reaches a
 * chart: the page shows the message and keeps the inputs as they are.
 */
export type PageProjection =
  | {readonly ok: true; readonly exact: Projection<Decimal>; readonly numbers: Projection<number>}
  | {readonly ok: false; readonly message: string};

export function pageProjection(draft: ModelInputDraft): PageProjection {
  return projected(() => readProjection(draft));
}

/** What a page paints first: the projection as numbers, or the reason there is none. */
export type PaintedProjection =
  | {readonly ok: true; readonly numbers: Projection<number>}
  | {readonly ok: false; readonly message: string};

/**
 * The paint path: the same model on the float path, from a base validated once
 * (`riskSubject` keeps its parse), so that a moved input is projected and drawn within one
 * frame. The exact decimal projection takes longer than a frame on the full base case (about
 * 10 ms in Node, several times that on a busy phone); the story page runs it once the reader
 * pauses and shows its figures in place of these where they differ (they agree to 1e-9
 * relative: the float/decimal property tests).
 */
export function painter(base: ModelInputDraft): (controls: Controls) => PaintedProjection {
  return (controls) => projected(() => ({numbers: projectFast(riskSubject(base, controls), controls)}));
}

/** `project`'s figures, or the message of the input error that stopped it (any other error is thrown). */
function projected<T extends object>(project: () => T): ({readonly ok: true} & T) | {readonly ok: false; readonly message: string} {
  try {
    return {ok: true, ...project()};
  } catch (error) {
    if (error instanceof ModelInputError) return {ok: false, message: `These inputs cannot be projected: ${error.message}`};
    throw error;
  }
}

/** One sentence on the outcome, for the story page. */
export function outcomeSummary(p: Projection<number>): {firstDefault: string; fundingGap: string; ponzi: string; ponziAfterMaintenance: string; lowestCoverage: string} {
  const ponzi = quartersIn(p, "ponzi");
  const ponziAfterMaintenance = quartersIn(p, "ponzi", true);
  const lowest = OUTCOMES.lowestCoverage.of(p);
  const gap = OUTCOMES.largestFundingGap.of(p) ?? 0;
  return {
    firstDefault: p.firstDefaultQuarter ?? "none within the projection",
    fundingGap: gap > 0 ? usdMillions(gap) : "none",
    ponzi: ponzi.length ? `${ponzi.length} (${ponzi.join(", ")})` : "none",
    ponziAfterMaintenance: ponziAfterMaintenance.length ? `${ponziAfterMaintenance.length} (${ponziAfterMaintenance.join(", ")})` : "none",
    lowestCoverage: lowest === null ? "n/m (no interest)" : `${formatNumber(lowest, 2, 2)}×`
  };
}
