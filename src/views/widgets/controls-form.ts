import * as Inputs from "@observablehq/inputs";
import {CONTROL_BOUNDS, CONTROL_CHOICES, CONTROL_LABELS, type Controls} from "../../scenario/controls.js";

/**
 * The page's inputs, grouped and labelled with units, each starting from the base case
 * (reported or derived where the data allows; see the assumptions table). A reset button
 * puts every input back. The form's value is a `Controls`.
 */
interface Slider {
  readonly key: keyof Controls;
}
interface Group {
  readonly title: string;
  readonly sliders: readonly Slider[];
}

export const CONTROL_GROUPS: readonly Group[] = [
  {title: "Interest rates", sliders: [
    {key: "rateChangeBp"}
  ]},
  {title: "Revenue", sliders: [
    {key: "growthPct"},
    {key: "revenueLostPct"}
  ]},
  {title: "Costs and capex", sliders: [
    {key: "ebitdaMarginPct"},
    {key: "capex"}
  ]},
  {title: "Refinancing at maturity", sliders: [
    {key: "shareRolledPct"},
    {key: "refinancingSpreadPct"},
    {key: "tenorQuarters"},
    {key: "marketShutAfter"},
    {key: "marketShutQuarters"}
  ]},
  {title: "Liquidity", sliders: [
    {key: "revolverCapacity"},
    {key: "minimumCash"}
  ]},
  {title: "Debt schedule (assumptions: none of these from a filing)", sliders: [
    {key: "averageBalanceInterest"},
    {key: "pikSharePct"},
    {key: "hedgedSharePct"},
    {key: "cashSweepPct"},
    {key: "leasePayments"},
    {key: "prepaymentAmount"},
    {key: "prepaymentQuarter"},
    {key: "prepaymentPremiumPct"},
    {key: "liquidityCovenant"},
    {key: "coverageCovenant"},
    {key: "covenantConsequence"}
  ]}
];

/** `initial` is what the inputs show first (e.g. from the URL); reset returns to `defaults`. */
export function controlsForm(defaults: Controls, initial: Controls = defaults): HTMLElement & {value: Controls} {
  const inputs = Object.fromEntries(CONTROL_GROUPS.flatMap((g) => g.sliders).map((s) => {
    const choices = CONTROL_CHOICES[s.key];
    // A choice among options is a set of radio buttons whose value is the option's number.
    const input = choices
      ? Inputs.radio(choices.map((_, i) => i), {label: CONTROL_LABELS[s.key], format: (i: number) => choices[i] ?? String(i), value: initial[s.key]})
      : Inputs.range([CONTROL_BOUNDS[s.key].min, CONTROL_BOUNDS[s.key].max], {label: CONTROL_LABELS[s.key], step: CONTROL_BOUNDS[s.key].step, value: initial[s.key]});
    return [s.key, input];
  }));
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
