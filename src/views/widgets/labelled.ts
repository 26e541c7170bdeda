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
    // Looked up by id, not `box.labels`: the form is not in the document yet when it is made.
    const label = box?.id ? input.querySelector(`label[for="${CSS.escape(box.id)}"]`) : null;
    const words = label?.textContent?.trim();
    if (words) slider.setAttribute("aria-label", words);
  }
  return input;
}
