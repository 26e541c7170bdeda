/**
 * Observable Inputs' range input pairs a number box, which its label names, with a slider,
 * which nothing names: a screen reader announces "slider" alone (axe-core: "Form elements
 * must have labels"). Each slider under `root` is given its input's label as its name.
 */
export function nameSliders<T extends Element>(root: T): T {
  for (const slider of root.querySelectorAll<HTMLInputElement>("input[type=range]")) {
    if (slider.labels?.length || slider.hasAttribute("aria-label")) continue;
    const label = slider.closest("form")?.querySelector("label")?.textContent?.trim();
    if (label) slider.setAttribute("aria-label", label);
  }
  return root;
}
