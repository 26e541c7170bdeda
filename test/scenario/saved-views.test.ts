import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {baseInputs, readScenarios, SCENARIO_DIR} from "../../cli/scenario-files.js";
import {resolveControls} from "../../src/scenario/scenario.js";
import {
  addView, checkName, compareLabels, parseSavedViews, removeView, renameView, SAVED_VIEW_LIMITS, scenarioName, storedText,
  toScenarioFile, viewControls, viewKey, VIEW_KEY_PREFIX, type SavedView
} from "../../src/scenario/saved-views.js";

const {controls: baseControls} = baseInputs();
const at = (minute: number) => `2026-11-30T12:${String(minute).padStart(2, "0")}:00.000Z`;

/** A view saved through `addView`, as the page saves one. */
function saved(views: readonly SavedView[], id: string, name: string, changes: Partial<typeof baseControls> = {}, minute = 0): SavedView {
  const result = addView(views, {id, name, controls: {...baseControls, ...changes}, savedAt: at(minute)});
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Storage entries holding these views, as the widget writes them. */
const entriesOf = (...views: SavedView[]): Array<[string, string]> => views.map((v) => [viewKey(v.id), storedText(v)]);

describe("a saved view's name", () => {
  it("is trimmed, with runs of spaces made one", () => {
    expect(checkName("  Rates   up\t300 bp ")).toEqual({ok: true, value: "Rates up 300 bp"});
  });

  it("is refused when empty, over 60 characters or holding control characters", () => {
    expect(checkName("   ")).toMatchObject({ok: false, reason: "A view needs a name."});
    expect(checkName("x".repeat(60))).toMatchObject({ok: true});
    expect(checkName("x".repeat(61))).toMatchObject({ok: false, reason: expect.stringMatching(/at most 60/)});
    expect(checkName("bell\u0007")).toMatchObject({ok: false});
    // A right-to-left override would show "Rates" as "setaR" and reorder what follows it.
    expect(checkName("\u202ERates")).toMatchObject({ok: false});
  });

  it("is kept as typed otherwise, markup included: the page shows it as text, never as HTML", () => {
    expect(checkName("<img src=x onerror=alert(1)>")).toEqual({ok: true, value: "<img src=x onerror=alert(1)>"});
  });
});

describe("saving a view", () => {
  it("keeps every input's value, to read back through storage unchanged", () => {
    const view = saved([], "a1", "Rates up", {rateChangeBp: 300});
    expect(view.assumptions).toEqual({...baseControls, rateChangeBp: 300});
    expect(parseSavedViews(entriesOf(view))).toEqual({views: [view], problems: []});
  });

  it("refuses a name another view has, whatever its case", () => {
    const first = saved([], "a1", "Rates up");
    expect(addView([first], {id: "a2", name: "RATES UP", controls: baseControls, savedAt: at(1)})).toEqual({ok: false, reason: 'A view named "RATES UP" exists already.'});
  });

  it("refuses a twenty-first view", () => {
    const twenty = Array.from({length: 20}, (_, i) => saved([], `v${i}`, `View ${i}`));
    expect(addView(twenty, {id: "v20", name: "One more", controls: baseControls, savedAt: at(1)})).toMatchObject({ok: false, reason: expect.stringMatching(/20 views at most/)});
  });

  it("takes an id of lower-case letters and digits only: the id becomes a storage key", () => {
    expect(() => addView([], {id: "../x", name: "x", controls: baseControls, savedAt: at(0)})).toThrow(/id/);
  });
});

describe("renaming and deleting", () => {
  const a = saved([], "a1", "Rates up", {}, 0);
  const b = saved([a], "b2", "Growth halves", {growthPct: 10}, 1);

  it("renames a view, keeping its inputs and id, and refuses another view's name", () => {
    expect(renameView([a, b], "a1", " Rates up 300bp ", at(5))).toEqual({ok: true, value: {...a, name: "Rates up 300bp", savedAt: at(5)}});
    expect(renameView([a, b], "a1", "growth halves", at(5))).toMatchObject({ok: false});
    // Its own name again, in another case, is fine.
    expect(renameView([a, b], "a1", "RATES UP", at(5))).toMatchObject({ok: true, value: {name: "RATES UP"}});
    expect(renameView([a, b], "zz", "New", at(5))).toMatchObject({ok: false, reason: "That view is no longer saved."});
  });

  it("deletes by id, leaving the others in order", () => {
    expect(removeView([a, b], "a1")).toEqual([b]);
    expect(removeView([a, b], "nope")).toEqual([a, b]);
  });
});

describe("reading what storage holds", () => {
  const good = saved([], "good1", "Good", {capex: 3000}, 1);
  const older = saved([], "old0", "Older", {}, 0);
  const stored = (body: object) => JSON.stringify({version: 1, name: "Bad", savedAt: at(2), assumptions: {}, ...body});

  it("lists the views oldest first and passes over other keys of the origin", () => {
    const shelf = parseSavedViews([...entriesOf(good, older), ["theme", "dark"], ["solvency-notebook/other", "{"]]);
    expect(shelf.views.map((v) => v.name)).toEqual(["Older", "Good"]);
    expect(shelf.problems).toEqual([]);
  });

  // Each bad entry below sits beside a good one: the good one is read, the bad one reported by its key.
  const cases: Array<[string, string | null, RegExp]> = [
    ["corrupt JSON", '{"version":1,"name":"Ba', /is not JSON/],
    ["an empty entry", null, /is empty/],
    ["JSON of the wrong shape", "[1,2,3]", /expected object/i],
    ["a missing name", JSON.stringify({version: 1, savedAt: at(2), assumptions: {}}), /^name /],
    ["an unknown field", stored({colour: "red"}), /unknown field colour/],
    ["an unknown input", stored({assumptions: {rateChangeBp: 0, dividendPct: 5}}), /assumptions has unknown field dividendPct/],
    ["__proto__ at the top", '{"__proto__":{"polluted":true},"version":1,"name":"Bad","savedAt":"2026-11-30T12:02:00.000Z","assumptions":{}}', /unknown field __proto__/],
    ["__proto__ among the inputs", '{"version":1,"name":"Bad","savedAt":"2026-11-30T12:02:00.000Z","assumptions":{"__proto__":{"capex":1}}}', /unknown field __proto__/],
    // The rate input runs from −300 to 600 bp.
    ["a value out of range", stored({assumptions: {rateChangeBp: 9000}}), /rateChangeBp must be at most 600/],
    ["a value that is not a number", stored({assumptions: {capex: "3000"}}), /assumptions.capex/],
    ["a fraction where a whole number is due", stored({assumptions: {fadeQuarters: 2.5}}), /whole number/],
    ["another version", stored({version: 2}), /version must be 1/],
    ["a name of 61 characters", stored({name: "x".repeat(61)}), /at most 60/],
    ["a name with a control character", stored({name: "a\u0000b"}), /control characters/],
    ["a date that is not one", stored({savedAt: "yesterday"}), /savedAt is not a date/],
    ["an entry of 4,001 characters", stored({name: "Big", pad: "x".repeat(4000)}), /too large \(4,0\d\d characters; at most 4,000\)/]
  ];
  for (const [what, text, reason] of cases) {
    it(`reports ${what} and still reads the good view`, () => {
      const shelf = parseSavedViews([[`${VIEW_KEY_PREFIX}bad9`, text], ...entriesOf(good)]);
      expect(shelf.views).toEqual([good]);
      expect(shelf.problems).toHaveLength(1);
      expect(shelf.problems[0]!.key).toBe(`${VIEW_KEY_PREFIX}bad9`);
      expect(shelf.problems[0]!.problem).toMatch(reason);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it("reports a key this page does not write (an id with other characters)", () => {
    const shelf = parseSavedViews([[`${VIEW_KEY_PREFIX}../../x`, storedText(good)]]);
    expect(shelf).toEqual({views: [], problems: [{key: `${VIEW_KEY_PREFIX}../../x`, problem: "has a key this page does not write"}]});
  });

  it("keeps the oldest 20 of 23 views and reports the 3 newest as beyond the limit", () => {
    const views = Array.from({length: 23}, (_, i) => saved([], `v${String(i).padStart(2, "0")}`, `View ${i}`, {}, i));
    const shelf = parseSavedViews(entriesOf(...views).reverse());
    expect(shelf.views.map((v) => v.id)).toEqual(views.slice(0, 20).map((v) => v.id));
    expect(shelf.problems.map((p) => p.key)).toEqual(["v20", "v21", "v22"].map(viewKey));
    expect(shelf.problems[0]!.problem).toBe(`is beyond the ${SAVED_VIEW_LIMITS.views} views this page keeps`);
  });
});

describe("a view's inputs", () => {
  it("are its own, with the base case's for an input added to the page after it was saved", () => {
    const view = saved([], "a1", "Old view", {capex: 3000});
    const {horizonQuarters: _dropped, ...withoutHorizon} = view.assumptions;
    const old: SavedView = {...view, assumptions: withoutHorizon};
    expect(viewControls(old, {...baseControls, horizonQuarters: 30})).toEqual({...baseControls, capex: 3000, horizonQuarters: 30});
  });
});

describe("views on one chart", () => {
  it("are each labelled once, a repeated name or the base case's numbered", () => {
    expect(compareLabels(["Rates up", "Base case", "Rates up", "Rates up (2)"], "Base case")).toEqual(["Rates up", "Base case (2)", "Rates up (2)", "Rates up (2) (2)"]);
  });
});

describe("a view as a scenario file", () => {
  it("is named from the view's name in lower case with dashes, never base nor a scenario that exists", () => {
    expect(scenarioName("Rates up, growth ½")).toBe("rates-up-growth-1-2");
    expect(scenarioName("Crédit à 7 %")).toBe("credit-a-7");
    expect(scenarioName("日本")).toBe("saved-view");
    expect(scenarioName("Base")).toBe("base-view");
    expect(scenarioName("Rates up 300bp", ["rates-up-300bp", "rates-up-300bp-view"])).toBe("rates-up-300bp-view-2");
    expect(scenarioName("x".repeat(70))).toHaveLength(48);
  });

  it("forks the base case with the inputs that differ from it, titled with the view's name", () => {
    const view = saved([], "a1", "Rates up, capex cut", {rateChangeBp: 300, capex: 3000});
    const file = toScenarioFile(view, baseControls);
    expect(file.fileName).toBe("rates-up-capex-cut.json");
    expect(JSON.parse(file.text)).toEqual({
      $schema: "./scenario.schema.json",
      name: "rates-up-capex-cut",
      title: "Rates up, capex cut",
      description: expect.stringContaining('"Rates up, capex cut" on 2026-11-30'),
      parent: "base",
      assumptions: {rateChangeBp: 300, capex: 3000}
    });
  });

  it("is read by the CLI's loader and run by the CLI, with the view's inputs", () => {
    const view = saved([], "a1", "Rates up, capex cut", {rateChangeBp: 300, capex: 3000});
    const file = toScenarioFile(view, baseControls, [...readScenarios().keys()]);
    const dir = mkdtempSync(join(tmpdir(), "saved-view-"));
    cpSync(SCENARIO_DIR, dir, {recursive: true});
    writeFileSync(join(dir, file.fileName), file.text);
    const scenarios = readScenarios(dir);
    expect(resolveControls("rates-up-capex-cut", scenarios, baseControls)).toEqual({...baseControls, rateChangeBp: 300, capex: 3000});
    const cli = spawnSync(process.execPath, ["--import", "tsx", "cli/scenario.ts", "run", "rates-up-capex-cut", "--json"], {encoding: "utf8", env: {...process.env, SOLVENCY_SCENARIOS: dir}});
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    const run = JSON.parse(cli.stdout);
    expect(run).toMatchObject({scenario: "rates-up-capex-cut", title: "Rates up, capex cut", controls: {rateChangeBp: 300, capex: 3000}});
    expect(run.quarters).toHaveLength(baseControls.horizonQuarters);
  });
});
