/**
 * Names each slider of an Observable Inputs range (`Inputs.range`, also inside an
 * `Inputs.form`) for assistive technology. Inputs labels the number box beside a slider
 * (`<label for>`) but not the slider itself, so a screen reader announces a bare "slider";
 * the slider gets the same words as its box. Returns the input it was given, for `view()`.
 */
export function labelSliders<T extends HTMLElement>(input: T): T {
  for (const slider of input.querySelectorAll<HTMLInputElement>("input[type=range]")) {
    if (slider.labels?.length || slider.hasAttribute("aria-label")) continue;
    const box = slider.parentElement?.querySelector<HTMLInputElement>("input[type=number]");
    const words = [...(box?.labels ?? [])].map((l) => l.textContent?.trim()).filter(Boolean).join(" ");
    if (words) slider.setAttribute("aria-label", words);
  }
  return input;
}
