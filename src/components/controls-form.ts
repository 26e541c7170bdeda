import * as Inputs from "@observablehq/inputs";
import type {Controls} from "../scenario/controls.js";

/**
 * The page's inputs, grouped and labelled with units, each starting from the base case
 * (reported or derived where the data allows; see the assumptions table). A reset button
 * puts every input back. The form's value is a `Controls`.
 */
interface Slider {
  readonly key: keyof Controls;
  readonly label: string;
  readonly extent: [number, number];
  readonly step: number;
}
interface Group {
  readonly title: string;
  readonly sliders: readonly Slider[];
}

export const CONTROL_GROUPS: readonly Group[] = [
  {title: "Interest rates", sliders: [
    {key: "rateChangeBp", label: "Reference-rate change (bp)", extent: [-300, 600], step: 25}
  ]},
  {title: "Revenue", sliders: [
    {key: "growthPct", label: "Growth a quarter (%)", extent: [-30, 40], step: 0.01},
    {key: "revenueLostPct", label: "Revenue lost: a customer leaves (%)", extent: [0, 100], step: 1}
  ]},
  {title: "Costs and capex", sliders: [
    {key: "ebitdaMarginPct", label: "EBITDA margin (%)", extent: [-20, 80], step: 0.01},
    {key: "capex", label: "Capex a quarter (USD m)", extent: [0, 10000], step: 100}
  ]},
  {title: "Refinancing at maturity", sliders: [
    {key: "shareRolledPct", label: "Share rolled (%)", extent: [0, 100], step: 5},
    {key: "refinancingSpreadPct", label: "New spread (% a year)", extent: [0, 20], step: 0.25},
    {key: "tenorQuarters", label: "New tenor (quarters)", extent: [1, 40], step: 1},
    {key: "marketShutAfter", label: "Markets shut in quarter (0: never)", extent: [0, 12], step: 1},
    {key: "marketShutQuarters", label: "…for quarters", extent: [0, 12], step: 1}
  ]},
  {title: "Liquidity", sliders: [
    {key: "revolverCapacity", label: "Revolver capacity (USD m)", extent: [0, 5000], step: 50},
    {key: "minimumCash", label: "Minimum cash (USD m)", extent: [0, 3000], step: 50}
  ]}
];

export function controlsForm(defaults: Controls): HTMLElement & {value: Controls} {
  const inputs = Object.fromEntries(CONTROL_GROUPS.flatMap((g) => g.sliders).map((s) => [
    s.key,
    Inputs.range(s.extent, {label: s.label, step: s.step, value: defaults[s.key]})
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
  reset.textContent = "Reset to the base case";
  reset.addEventListener("click", () => {
    for (const [key, input] of Object.entries(inputs)) {
      input.value = defaults[key as keyof Controls];
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }
  });
  form.append(reset);
  return form;
}
