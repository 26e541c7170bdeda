import type {Controls} from "../../scenario/controls.js";
import {fork} from "../../scenario/scenario.js";

export interface ForkView {
  readonly element: HTMLElement;
  /** Shows the scenario file for these controls, once the page is idle. */
  show(parent: string, parentControls: Controls, controls: Controls): void;
}

/**
 * "Fork this view": the scenario file for what the inputs show, with `parent` set and only
 * the assumptions that differ from it, in a text box to copy and as a download. The box is
 * made once and refilled when the reader pauses: it is not on the path from a slider to the
 * charts, and refilling it on every move cost a layout of the page each time.
 */
export function forkView(): ForkView {
  const box = document.createElement("div");
  box.className = "fork";
  const area = document.createElement("textarea");
  area.readOnly = true;
  area.setAttribute("aria-label", "Scenario file for this view");
  const link = document.createElement("a");
  link.download = "my-view.json";
  link.className = "download-fork";
  link.textContent = "Download my-view.json";
  const note = document.createElement("p");
  note.textContent = "Save it in scenarios/ (renamed: the file name is the scenario's name), then npm run scenario -- run my-view.";
  box.append(area, link, note);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fill = (parent: string, parentControls: Controls, controls: Controls) => {
    const scenario = fork("my-view", parent, parentControls, controls, "My view",
      "Forked in the notebook. Say here where each changed number comes from.");
    const text = JSON.stringify({$schema: "./scenario.schema.json", ...scenario}, null, 2) + "\n";
    area.rows = Math.min(16, text.split("\n").length);
    area.textContent = text;
    area.value = text;
    // A data: address, not a Blob's object URL: each object URL would hold its Blob until
    // the page closes.
    link.href = `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
  };
  return {
    element: box,
    show(parent, parentControls, controls) {
      clearTimeout(timer);
      if (!area.textContent) fill(parent, parentControls, controls);
      else timer = setTimeout(() => fill(parent, parentControls, controls), 100);
    }
  };
}
