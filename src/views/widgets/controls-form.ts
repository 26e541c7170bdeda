import * as Inputs from "@observablehq/inputs";
import type {Controls} from "../../scenario/controls.js";
import {nameSliders} from "./slider-labels.js";
import {INPUT_GROUPS, INPUT_KEYS, INPUTS, type InputGroup, type InputKey} from "../../scenario/inputs-table.js";

/**
 * The page's inputs, grouped and labelled with units as the inputs table declares them,
 * each starting from the base case (reported or derived where the data allows; see the
 * assumptions table). A reset button puts every input back. The form's value is a `Controls`.
 */
const groups = (Object.entries(INPUT_GROUPS) as Array<[InputGroup, string]>).map(([group, title]) => ({title, keys: INPUT_KEYS.filter((key) => INPUTS[key].group === group)}));

/** `initial` is what the inputs show first (e.g. from the URL); reset returns to `defaults`. */
export function controlsForm(defaults: Controls, initial: Controls = defaults): HTMLElement & {value: Controls} {
  const inputs = Object.fromEntries(INPUT_KEYS.map((key: InputKey) => {
    const {label, min, max, step} = INPUTS[key];
    const choices: readonly string[] | undefined = INPUTS[key].choices;
    // A choice among options is a set of radio buttons whose value is the option's number.
    const input = choices
      ? Inputs.radio(choices.map((_, i) => i), {label, format: (i: number) => choices[i] ?? String(i), value: initial[key]})
      : Inputs.range([min, max], {label, step, value: initial[key]});
    return [key, input];
  }));
  const form = Inputs.form(inputs, {
    template: (elements) => {
      const root = document.createElement("div");
      root.className = "controls";
      for (const group of groups) {
        const fieldset = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.textContent = group.title;
        fieldset.append(legend, ...group.keys.map((key) => elements[key]!));
        root.append(fieldset);
      }
      return root;
    }
  }) as unknown as HTMLElement & {value: Controls};
  const reset = document.createElement("button");
  reset.type = "button";
  reset.textContent = "Reset";
  reset.title = "Back to the values this view started from";
  reset.addEventListener("click", () => {
    for (const [key, input] of Object.entries(inputs)) {
      input.value = defaults[key as keyof Controls];
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }
  });
  form.append(reset);
  return nameSliders(form);
}
