import type {ModelInputDraft} from "../model/index.js";
import {addQuarters} from "../model/index.js";
import {INPUT_KEYS, INPUTS, prepaymentTargetIndex, type Controls, type Draft, type InputKey} from "./inputs-table.js";

/**
 * The inputs a reader moves (declared in `inputs-table.ts`) read off a base case and laid
 * onto it. Pure: the page wires the form to `applyControls(base, controls)` and projects the
 * result.
 */
export {DEBT_SCHEDULE_ASSUMPTIONS, type Controls} from "./inputs-table.js";

/** An input's value as the page words it: an option's name, or the number. */
export function controlValueText(key: InputKey, value: number): string {
  const choices: readonly string[] | undefined = INPUTS[key].choices;
  return choices?.[value] ?? String(value);
}

/** The inputs' values that reproduce the base case. */
export function controlsOf(base: ModelInputDraft): Controls {
  return Object.fromEntries(INPUT_KEYS.map((key) => [key, INPUTS[key].baseValue(base)])) as Controls;
}

// A grid applies inputs to the same base 1,600 times: read its values once.
const baseControls = new WeakMap<ModelInputDraft, Controls>();

/**
 * The base with each input laid on in the table's order. An input the reader left at the
 * base's own value changes nothing where the base's terms are richer than the input can say
 * (one facility with a covenant, another without), and the base's own objects come back.
 */
export function applyControls(base: ModelInputDraft, c: Controls): ModelInputDraft {
  let from = baseControls.get(base);
  if (!from) baseControls.set(base, from = controlsOf(base));
  const moved = movedFrom(c, from);
  const draft: Draft = {...base};
  for (const key of INPUT_KEYS) INPUTS[key].apply(draft, c, base, moved);
  return draft;
}

// Made by a function, not named in place: tsx names each local closure as it is made
// (esbuild's keepNames), a cost a grid's 1,600 calls would pay each time.
function movedFrom(c: Controls, from: Controls): (key: InputKey) => boolean {
  return (key) => c[key] !== from[key];
}

/**
 * The term loan the prepayment input repays: the dearest at the inputs' reference rate
 * (a fixed rate, or the floored reference rate + spread), the first listed among equals,
 * of those still outstanding after the prepayment's quarter. Null when the amount is zero
 * or every loan matures by then.
 */
export function prepaymentTarget(base: ModelInputDraft, c: Controls): {index: number; name: string; quarter: string} | null {
  const index = prepaymentTargetIndex(base, c);
  return index < 0 ? null : {index, name: base.facilities[index]!.name, quarter: addQuarters(base.start, c.prepaymentQuarter - 1)};
}
