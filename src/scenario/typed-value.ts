import {INPUTS, type InputKey} from "./inputs-table.js";

/**
 * What a value typed into an input's box becomes: the model never silently keeps an old
 * value while the box shows another. Out of range, it is clamped to the nearer bound; a
 * fraction where only whole numbers mean something (quarters, choices) is rounded; what is
 * not a number is refused, and the model keeps the value it had. Each says so in a message
 * shown beside the input; a value taken as typed has no message.
 */
export interface TypedValue {
  readonly value: number;
  readonly outcome: "taken" | "clamped" | "rounded" | "refused";
  readonly message: string;
}

const shown = (x: number) => String(Number(x.toPrecision(12)));

export function readTypedValue(key: InputKey, text: string, current: number): TypedValue {
  const {min, max, whole} = INPUTS[key];
  const trimmed = text.trim();
  const typed = trimmed === "" ? NaN : Number(trimmed);
  if (!Number.isFinite(typed)) {
    return {value: current, outcome: "refused", message: `Not a number: the model keeps ${shown(current)} (enter ${shown(min)} to ${shown(max)}).`};
  }
  if (typed > max) return {value: max, outcome: "clamped", message: `${shown(typed)} is above the highest, ${shown(max)}: set to ${shown(max)}.`};
  if (typed < min) return {value: min, outcome: "clamped", message: `${shown(typed)} is below the lowest, ${shown(min)}: set to ${shown(min)}.`};
  if (whole && !Number.isInteger(typed)) {
    const rounded = Math.round(typed);
    return {value: rounded, outcome: "rounded", message: `Whole numbers only: ${shown(typed)} set to ${shown(rounded)}.`};
  }
  return {value: typed, outcome: "taken", message: ""};
}
