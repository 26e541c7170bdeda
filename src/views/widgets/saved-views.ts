import type {Projection} from "../../model/index.js";
import {cashHeld, fundingGap} from "../../readings/funding-gap.js";
import {controlValueText} from "../../scenario/controls.js";
import {INPUT_KEYS, INPUTS, type Controls} from "../../scenario/inputs-table.js";
import {
  addView, compareLabels, parseSavedViews, removeView, renameView, SAVED_VIEW_LIMITS, storedText, toScenarioFile,
  viewControls, viewKey, type SavedView, type SavedViewProblem
} from "../../scenario/saved-views.js";
import {compareChart, compareRows} from "../charts/compare.js";
import {liveChart, type LiveChart} from "./live-chart.js";

/** What the widget needs of a Storage: `localStorage` is one, and so is a test's fake. */
export interface ViewStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedViewsOptions {
  /** Where views are kept; null when the browser gives the page none (storage turned off). */
  readonly storage: ViewStorage | null;
  /** The base case's inputs: the comparison's base line, what a download forks, and the values of inputs a view predates. */
  readonly baseControls: Controls;
  /** The inputs as the form holds them, read when Save is pressed. */
  readonly current: () => Controls;
  /** Puts a view's inputs into the form. */
  readonly load: (controls: Controls) => void;
  /** The projection of some inputs, or null when they cannot be projected. */
  readonly project: (controls: Controls) => Projection<number> | null;
  /** The scenarios in scenarios/, whose names a download must not take. */
  readonly scenarioNames?: readonly string[];
  readonly now?: () => Date;
}

const BASE_LABEL = "Base case";

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const newId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.replace(/[^a-z0-9]/g, "");

/**
 * Saved views, as a section of the story page: name the inputs and save them, then list,
 * load, rename, delete, compare (up to four, on the charts with the base case) and download
 * each as a scenario file. Storage is read afresh before each change, so two tabs do not
 * undo each other's saves. Names and storage keys are untrusted: they are only ever put in
 * the page as text. Entries that cannot be read are listed in a notice and stay in storage
 * until the reader removes them.
 */
export function savedViews(options: SavedViewsOptions): HTMLElement {
  const {storage, baseControls} = options;
  const now = options.now ?? (() => new Date());
  const root = element("div", {className: "saved-views"});
  const nameInput = element("input", {type: "text", id: "saved-view-name", name: "view-name", maxLength: SAVED_VIEW_LIMITS.nameLength, placeholder: "e.g. Rates up, growth halves", autocomplete: "off"});
  const saveForm = element("form", {className: "saved-views-save"},
    element("label", {htmlFor: nameInput.id}, "Name the current inputs"),
    nameInput,
    element("button", {type: "submit"}, "Save view"));
  const message = element("p", {className: "saved-views-message"});
  message.setAttribute("role", "status");
  const notice = element("div", {className: "saved-views-notice warning", hidden: true});
  notice.setAttribute("role", "alert");
  const list = element("ul", {className: "saved-views-list"});
  const compareHint = element("p", {className: "saved-views-compare-hint"});
  const chartsBox = element("div", {className: "saved-views-charts"});
  root.append(saveForm, message, notice, list, compareHint, chartsBox);

  let views: readonly SavedView[] = [];
  let problems: readonly SavedViewProblem[] = [];
  const compared = new Set<string>();
  let renaming: string | null = null;
  let charts: {cash: LiveChart; gap: LiveChart} | null = null;
  let baseProjection: Projection<number> | null | undefined;

  const say = (text: string, undo?: () => void) => {
    message.replaceChildren(text);
    if (undo) message.append(" ", element("button", {type: "button", className: "saved-views-undo", onclick: () => { undo(); }}, "Undo"));
  };

  /** Reads storage; a browser that refuses it leaves the list empty and says so. */
  const refresh = () => {
    if (!storage) return;
    try {
      const entries: Array<[string, string | null]> = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null) entries.push([key, storage.getItem(key)]);
      }
      ({views, problems} = parseSavedViews(entries));
    } catch (error) {
      views = [];
      problems = [{key: "(storage)", problem: `could not be read: ${(error as Error).message}`}];
    }
    for (const id of [...compared]) if (!views.some((v) => v.id === id)) compared.delete(id);
  };

  /** Writes or removes one entry; false (and a message) when the browser refuses, e.g. storage full. */
  const write = (change: () => void): boolean => {
    try {
      change();
      return true;
    } catch (error) {
      say(`The browser did not keep the change: ${(error as Error).message}`);
      return false;
    }
  };

  saveForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!storage) return;
    refresh();
    const added = addView(views, {id: newId(), name: nameInput.value, controls: options.current(), savedAt: now().toISOString()});
    if (!added.ok) { say(added.reason); return; }
    if (write(() => storage.setItem(viewKey(added.value.id), storedText(added.value)))) {
      nameInput.value = "";
      say(`Saved "${added.value.name}".`);
    }
    render();
  });

  const load = (view: SavedView) => {
    options.load(viewControls(view, baseControls));
    say(`Loaded "${view.name}" into the inputs.`);
  };

  const remove = (view: SavedView) => {
    if (!storage) return;
    if (write(() => storage.removeItem(viewKey(view.id)))) {
      compared.delete(view.id);
      say(`Deleted "${view.name}".`, () => {
        refresh();
        if (views.some((v) => v.name === view.name)) say(`A view named "${view.name}" was saved since: not restored.`);
        else if (write(() => storage.setItem(viewKey(view.id), storedText(view)))) say(`Restored "${view.name}".`);
        render();
      });
    }
    render();
  };

  const rename = (view: SavedView, name: string) => {
    if (!storage) return;
    refresh();
    const renamed = renameView(views, view.id, name, now().toISOString());
    if (!renamed.ok) { say(renamed.reason); return; }
    if (write(() => storage.setItem(viewKey(view.id), storedText(renamed.value)))) say(`Renamed "${view.name}" to "${renamed.value.name}".`);
    renaming = null;
    render();
  };

  const discardProblems = () => {
    if (!storage) return;
    const keys = problems.map((p) => p.key).filter((key) => key !== "(storage)");
    if (write(() => keys.forEach((key) => storage.removeItem(key)))) say(`Removed ${keys.length} unreadable saved ${keys.length === 1 ? "entry" : "entries"}.`);
    render();
  };

  const describeChanges = (view: SavedView): string => {
    const controls = viewControls(view, baseControls);
    const changed = INPUT_KEYS.filter((key) => controls[key] !== baseControls[key]);
    if (!changed.length) return "The base case's inputs.";
    const shown = changed.slice(0, 3).map((key) => `${INPUTS[key].label}: ${controlValueText(key, controls[key])}`);
    return `Differs from the base case in ${shown.join("; ")}${changed.length > 3 ? `; and ${changed.length - 3} more` : ""}.`;
  };

  const item = (view: SavedView): HTMLLIElement => {
    const li = element("li", {className: "saved-view"});
    li.dataset.viewId = view.id;
    const saved = element("span", {className: "saved-view-date"}, ` saved ${view.savedAt.slice(0, 16).replace("T", " ")} UTC`);
    if (renaming === view.id) {
      const box = element("input", {type: "text", value: view.name, maxLength: SAVED_VIEW_LIMITS.nameLength});
      box.setAttribute("aria-label", `New name for ${view.name}`);
      const form = element("form", {className: "saved-view-rename"}, box,
        element("button", {type: "submit"}, "Rename"),
        element("button", {type: "button", onclick: () => { renaming = null; render(); }}, "Cancel"));
      form.addEventListener("submit", (event) => { event.preventDefault(); rename(view, box.value); });
      li.append(form);
      queueMicrotask(() => box.focus());
    } else {
      li.append(element("strong", {className: "saved-view-name"}, view.name), saved);
    }
    li.append(element("p", {className: "saved-view-changes"}, describeChanges(view)));
    const compare = element("input", {type: "checkbox", checked: compared.has(view.id)});
    compare.disabled = !compared.has(view.id) && compared.size >= SAVED_VIEW_LIMITS.compare;
    if (compare.disabled) compare.title = `At most ${SAVED_VIEW_LIMITS.compare} views at once`;
    compare.addEventListener("change", () => {
      if (compare.checked) compared.add(view.id); else compared.delete(view.id);
      render();
    });
    const file = toScenarioFile(view, baseControls, options.scenarioNames ?? []);
    // A data: address, not a Blob's object URL, which would hold its Blob until the page closes.
    const download = element("a", {className: "saved-view-download", download: file.fileName, href: `data:application/json;charset=utf-8,${encodeURIComponent(file.text)}`}, "Download scenario file");
    download.title = `${file.fileName}: save it in scenarios/, then npm run scenario -- run ${file.scenario.name}`;
    li.append(element("div", {className: "saved-view-actions"},
      element("button", {type: "button", className: "saved-view-load", onclick: () => load(view)}, "Load"),
      element("label", {className: "saved-view-compare"}, compare, " Compare"),
      element("button", {type: "button", className: "saved-view-rename-button", onclick: () => { renaming = view.id; render(); }}, "Rename"),
      element("button", {type: "button", className: "saved-view-delete", onclick: () => remove(view)}, "Delete"),
      download));
    return li;
  };

  const renderNotice = () => {
    notice.hidden = problems.length === 0;
    if (!problems.length) { notice.replaceChildren(); return; }
    const shown = problems.slice(0, 5);
    notice.replaceChildren(
      element("p", {}, `${problems.length} saved ${problems.length === 1 ? "entry was" : "entries were"} not read, and ${problems.length === 1 ? "is" : "are"} left as found in this browser's storage:`),
      element("ul", {}, ...shown.map((p) => element("li", {}, `${shorten(p.key)} ${p.problem}`))),
      ...(problems.length > shown.length ? [element("p", {}, `and ${problems.length - shown.length} more.`)] : []),
      ...(storage && problems.some((p) => p.key !== "(storage)") ? [element("button", {type: "button", className: "saved-views-discard", onclick: discardProblems}, "Remove the unreadable entries")] : [])
    );
  };

  const renderComparison = () => {
    const chosen = views.filter((v) => compared.has(v.id));
    compareHint.textContent = views.length
      ? `Tick up to ${SAVED_VIEW_LIMITS.compare} views to compare them with the base case${chosen.length ? ` (${chosen.length} ticked)` : ""}.`
      : "";
    chartsBox.hidden = chosen.length === 0;
    if (!chosen.length) return;
    if (!charts) {
      // Made on the first comparison: two charts the reader may never ask for cost the page's first paint nothing.
      charts = {
        cash: liveChart(compareChart("Closing cash", "USD millions", {seriesTitle: "view", legendBelow: true}), []),
        gap: liveChart(compareChart("Funding gap", "USD millions", {seriesTitle: "view", legendBelow: true}), [])
      };
      // Not ".chart": the page's own charts follow its inputs, these follow the ticked views.
      for (const chart of [charts.cash, charts.gap]) chart.element.className = "saved-views-chart";
      chartsBox.append(charts.cash.element, charts.gap.element);
    }
    if (baseProjection === undefined) baseProjection = options.project(baseControls);
    const labels = compareLabels(chosen.map((v) => v.name), BASE_LABEL);
    const runs: Array<{name: string; p: Projection<number>}> = baseProjection ? [{name: BASE_LABEL, p: baseProjection}] : [];
    const failed: string[] = [];
    chosen.forEach((view, i) => {
      const p = options.project(viewControls(view, baseControls));
      if (p) runs.push({name: labels[i]!, p}); else failed.push(view.name);
    });
    if (failed.length) compareHint.append(` Not drawn, as their inputs cannot be projected: ${failed.join(", ")}.`);
    void charts.cash.update(compareRows(runs, (l) => cashHeld(l.closingCash)));
    void charts.gap.update(compareRows(runs, (l) => fundingGap(l.closingCash)));
  };

  /** Reads storage afresh and redraws the list, the notice and the comparison. */
  const render = () => {
    refresh();
    list.replaceChildren(...views.map(item));
    if (!views.length && storage) list.append(element("li", {className: "saved-views-empty"}, "No saved views yet."));
    renderNotice();
    renderComparison();
  };

  if (!storage) {
    saveForm.querySelectorAll("input, button").forEach((control) => { (control as HTMLInputElement).disabled = true; });
    say("This browser does not let the page keep anything (its storage is turned off), so views cannot be saved here. The links the page's address holds still work.");
  }
  render();
  return root;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
