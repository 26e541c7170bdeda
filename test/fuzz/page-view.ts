import type {Controls} from "../../src/scenario/controls.js";
import {applyControls} from "../../src/scenario/controls.js";
import type {ModelInputDraft, Projection} from "../../src/model/index.js";
import {outcomeSummary, pageProjection} from "../../src/views/page-state/projection-state.js";

/**
 * What a page shows for a set of inputs, as the story page builds it (pageProjection, then
 * the summary): the summary's sentences, or the message shown instead of a projection; and
 * every figure of the projection that is not a finite number (a chart would draw it as NaN).
 */
export function pageView(base: ModelInputDraft, controls: Controls): {shown: string[]; nonFinite: string[]} {
  const result = pageProjection(applyControls(base, controls));
  if (!result.ok) return {shown: [result.message], nonFinite: []};
  return {shown: Object.values(outcomeSummary(result.numbers)), nonFinite: nonFiniteFigures(result.numbers)};
}

/** The paths of every number in a projection's quarters that is NaN or infinite; null (a ratio not meaningful) is fine. */
export function nonFiniteFigures(p: Projection<number>): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) found.push(`${path} = ${value}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) visit(v, `${path}.${key}`);
    }
  };
  visit(p.quarters, "quarters");
  return found;
}
