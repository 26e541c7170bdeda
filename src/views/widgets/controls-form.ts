import * as Inputs from "@observablehq/inputs";
import type {Controls} from "../../scenario/controls.js";
import {INPUT_GROUPS, INPUT_KEYS, INPUTS, isProminent, PROMINENT_INPUTS, type InputGroup, type InputKey} from "../../scenario/inputs-table.js";
import {readTypedValue} from "../../scenario/typed-value.js";

/**
 * The page's inputs, labelled with units as the inputs table declares them, each starting
 * from the base case (reported or derived where the data allows; see the assumptions table).
 * The drivers the table calls prominent come first; the rest fold under "More", in their
 * groups. A reset button puts every input back. The form's value is a `Controls`.
 */
const moreGroups = (Object.entries(INPUT_GROUPS) as Array<[InputGroup, string]>)
  .map(([group, title]) => ({title, keys: INPUT_KEYS.filter((key) => INPUTS[key].group === group && !isProminent(key))}))
  .filter((group) => group.keys.length > 0);

type ValueElement = HTMLElement & {value: number};

let serial = 0;
const shown = (x: number) => String(Number(x.toPrecision(12)));

/**
 * One number: a box to type in and a slider, kept in step. A typed value goes through
 * `readTypedValue`: clamped, rounded or refused with a message beside the input, never kept
 * in the box while the model silently holds another.
 */
function numberControl(key: InputKey, initial: number): ValueElement {
  const {label, min, max, step} = INPUTS[key];
  const id = `control-${key}-${++serial}`;
  const form = document.createElement("form");
  form.className = "control";
  form.dataset.key = key;
  const caption = Object.assign(document.createElement("label"), {htmlFor: id, textContent: label});
  const box = Object.assign(document.createElement("input"), {type: "number", id, name: key, min: String(min), max: String(max), step: String(step), required: true});
  const slider = Object.assign(document.createElement("input"), {type: "range", min: String(min), max: String(max), step: String(step), tabIndex: -1});
  slider.setAttribute("aria-label", label);
  const message = Object.assign(document.createElement("p"), {className: "control-message", hidden: true});
  message.setAttribute("role", "status");
  const row = Object.assign(document.createElement("div"), {className: "control-inputs"});
  row.append(box, slider);
  form.append(caption, row, message);
  let value = initial;
  // Unchanged, the message is left alone: writing it anyway costs every move a style recalculation.
  const say = (text: string) => {
    if (message.textContent === text) return;
    message.textContent = text; message.hidden = text === ""; form.classList.toggle("corrected", text !== "");
  };
  const show = () => { box.value = shown(value); slider.valueAsNumber = value; };
  // Enter in the box would submit the form and reload the page.
  form.addEventListener("submit", (event) => event.preventDefault());
  slider.addEventListener("input", () => { value = slider.valueAsNumber; box.value = shown(value); say(""); });
  box.addEventListener("input", (event) => {
    const typed = readTypedValue(key, box.value, value);
    say(typed.message);
    // Refused: nothing changed for the model, so nothing downstream runs.
    if (typed.outcome === "refused") { event.stopPropagation(); return; }
    value = typed.value;
    slider.valueAsNumber = value;
  });
  // When the typing is done (Enter or leaving the box), the box shows what the model uses.
  box.addEventListener("change", () => { box.value = shown(value); });
  show();
  return Object.defineProperty(form, "value", {
    get: () => value,
    set(next: number) { value = next; show(); say(""); }
  }) as unknown as ValueElement;
}

function choiceControl(key: InputKey, initial: number): ValueElement {
  const {label} = INPUTS[key];
  const choices = INPUTS[key].choices ?? [];
  // A choice among options is a set of radio buttons whose value is the option's number.
  return Inputs.radio(choices.map((_, i) => i), {label, format: (i: number) => choices[i] ?? String(i), value: initial}) as unknown as ValueElement;
}

/** `initial` is what the inputs show first (e.g. from the URL); reset returns to `defaults`. */
export function controlsForm(defaults: Controls, initial: Controls = defaults): HTMLElement & {value: Controls} {
  const inputs = Object.fromEntries(INPUT_KEYS.map((key) => [key, INPUTS[key].choices ? choiceControl(key, initial[key]) : numberControl(key, initial[key])])) as Record<InputKey, ValueElement>;
  const form = Inputs.form(inputs, {
    template: (elements) => {
      const root = document.createElement("div");
      root.className = "controls";
      const main = Object.assign(document.createElement("div"), {className: "controls-main"});
      main.append(...PROMINENT_INPUTS.map((key) => elements[key]!));
      const more = Object.assign(document.createElement("details"), {className: "controls-more"});
      const summary = Object.assign(document.createElement("summary"), {textContent: `More inputs (${INPUT_KEYS.length - PROMINENT_INPUTS.length})`});
      more.append(summary, ...moreGroups.map((group) => {
        const fieldset = document.createElement("fieldset");
        fieldset.append(Object.assign(document.createElement("legend"), {textContent: group.title}), ...group.keys.map((key) => elements[key]!));
        return fieldset;
      }));
      const reset = Object.assign(document.createElement("button"), {type: "button", className: "reset", textContent: "Reset", title: "Back to the values this view started from"});
      reset.addEventListener("click", () => {
        for (const key of INPUT_KEYS) inputs[key].value = defaults[key];
        // One event for all: the page recomputes once, not once an input.
        root.dispatchEvent(new Event("input", {bubbles: true}));
      });
      root.append(main, more, reset);
      return root;
    }
  }) as unknown as HTMLElement & {value: Controls};
  return form;
}
