import type {ModelInputDraft} from "../model/index.js";
import {answer, GOAL_QUESTIONS} from "../risk/goal-seek.js";
import {describeGoal} from "../risk/goal-sentence.js";
import {riskSubject} from "../risk/subject.js";
import type {Controls} from "../scenario/controls.js";
import {quartersIn} from "../readings/outcomes.js";
import {projectScenario} from "../scenario/outcomes.js";
import type {ModelView} from "./claims.js";

/**
 * The model's answer to the claims about the future: under each scenario, the quarters in
 * Ponzi finance (operating cash flow short of interest, i.e. borrowing to pay interest),
 * and, under the base scenario, the thresholds that would make the claim true.
 */
export function modelView(base: ModelInputDraft, scenarios: ReadonlyArray<{name: string; title: string; controls: Controls}>): ModelView {
  const baseScenario = scenarios.find((s) => s.name === "base") ?? scenarios[0];
  return {
    scenarios: scenarios.map((s) => {
      const {numbers} = projectScenario(base, s.controls);
      return {
        name: s.name, title: s.title, quarters: numbers.quarters.length,
        ponziQuarters: quartersIn(numbers, "ponzi"),
        firstCannotPay: numbers.firstDefaultQuarter
      };
    }),
    thresholds: baseScenario
      ? GOAL_QUESTIONS.filter((q) => q.id !== "rate-default").map((q) => ({
        question: q.question,
        answer: describeGoal(answer(riskSubject(base, baseScenario.controls), q))
      }))
      : []
  };
}
