import type {Controls} from "../scenario/controls.js";
import {fork} from "../scenario/scenario.js";

/**
 * "Fork this view": the scenario file for what the inputs show, with `parent` set and only
 * the assumptions that differ from it, in a text box to copy and as a download.
 */
export function forkView(parent: string, parentControls: Controls, controls: Controls): HTMLElement {
  const scenario = fork("my-view", parent, parentControls, controls, "My view",
    "Forked in the notebook. Say here where each changed number comes from.");
  const text = JSON.stringify({$schema: "./scenario.schema.json", ...scenario}, null, 2) + "\n";
  const box = document.createElement("div");
  box.className = "fork";
  const area = document.createElement("textarea");
  area.readOnly = true;
  area.rows = Math.min(16, text.split("\n").length);
  area.value = text;
  area.setAttribute("aria-label", "Scenario file for this view");
  const link = document.createElement("a");
  // A data: address, not a Blob's object URL: this view is rebuilt on every input, and each
  // object URL would hold its Blob until the page closes (and cost a tenth of the redraw).
  link.href = `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
  link.download = "my-view.json";
  link.className = "download-fork";
  link.textContent = "Download my-view.json";
  const note = document.createElement("p");
  note.textContent = "Save it in scenarios/ (renamed: the file name is the scenario's name), then npm run scenario -- run my-view.";
  box.append(area, link, note);
  return box;
}
