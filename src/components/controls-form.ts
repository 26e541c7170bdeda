import * as Inputs from "@observablehq/inputs";
import {CONTROL_BOUNDS, type Controls} from "../scenario/controls.js";

/**
 * The page's inputs, grouped and labelled with units, each starting from the base case
 * (reported or derived where the data allows; see the assumptions table). A reset button
 * puts every input back. The form's value is a `Controls`.
 */
interface Slider {
  readonly key: keyof Controls;
  readonly label: string;
}
interface Group {
  readonly title: string;
  readonly sliders: readonly Slider[];
}

export const CONTROL_GROUPS: readonly Group[] = [
  {title: "Interest rates", sliders: [
    {key: "rateChangeBp", label: "Reference-rate change (bp)"}
  ]},
  {title: "Revenue", sliders: [
    {key: "growthPct", label: "Growth a quarter (%)"},
    {key: "revenueLostPct", label: "Revenue lost: a customer leaves (%)"}
  ]},
  {title: "Costs and capex", sliders: [
    {key: "ebitdaMarginPct", label: "EBITDA margin (%)"},
    {key: "capex", label: "Capex a quarter (USD m)"}
  ]},
  {title: "Refinancing at maturity", sliders: [
    {key: "shareRolledPct", label: "Share rolled (%)"},
    {key: "refinancingSpreadPct", label: "New spread (% a year)"},
    {key: "tenorQuarters", label: "New tenor (quarters)"},
    {key: "marketShutAfter", label: "Markets shut in quarter (0: never)"},
    {key: "marketShutQuarters", label: "…for quarters"}
  ]},
  {title: "Liquidity", sliders: [
    {key: "revolverCapacity", label: "Revolver capacity (USD m)"},
    {key: "minimumCash", label: "Minimum cash (USD m)"}
  ]}
];

/** `initial` is what the inputs show first (e.g. from the URL); reset returns to `defaults`. */
export function controlsForm(defaults: Controls, initial: Controls = defaults): HTMLElement & {value: Controls} {
  const inputs = Object.fromEntries(CONTROL_GROUPS.flatMap((g) => g.sliders).map((s) => [
    s.key,
    Inputs.range([CONTROL_BOUNDS[s.key].min, CONTROL_BOUNDS[s.key].max], {label: s.label, step: CONTROL_BOUNDS[s.key].step, value: initial[s.key]})
  ]));
  const form = Inputs.form(inputs, {
    template: (elements) => {
      const root = document.createElement("div");
      root.className = "controls";
      for (const group of CONTROL_GROUPS) {
        const fieldset = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.textContent = group.title;
        fieldset.append(legend, ...group.sliders.map((s) => elements[s.key]!));
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
  return form;
}
