import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {baseInputs, readScenarios} from "../../cli/scenario-files.js";
import {INPUT_KEYS, INPUTS, type InputKey} from "../../src/scenario/inputs-table.js";
import {resolveControls} from "../../src/scenario/scenario.js";
import {decodeUrlState, encodeUrlState} from "../../src/scenario/url-state.js";
import {fuzzRuns, hostileText} from "./fuzz-runs.js";
import {pageView} from "./page-view.js";

/**
 * The story page's address as anyone may write it: a shared link can say anything. The page
 * reads it with decodeUrlState, starts from the scenario it names, lays the inputs on top
 * and projects. Whatever the query string, that never throws, keeps only inputs in range,
 * and never puts NaN on the page; a view written back into the address reads the same.
 */
const scenarios = readScenarios();
const names = [...scenarios.keys()];
const {base, controls: baseControls} = baseInputs();

const NUMBERS = ["0", "1", "-1", "2.5", "150", "3000", "601", "-0", "1e3", "0x10", "NaN", "Infinity", "1e309", "9".repeat(30), "", " 5", "5 "] as const;
const inRange = fc.constantFrom(...INPUT_KEYS).chain((key) => {
  const {min, max, whole} = INPUTS[key];
  return fc.tuple(fc.constant(key as string), (whole ? fc.integer({min: Math.ceil(min), max: Math.floor(max)}) : fc.double({min, max, noNaN: true})).map(String));
});
const parameter = fc.oneof(
  {weight: 4, arbitrary: inRange},
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom("scenario"), fc.oneof(fc.constantFrom(...names, "no-such"), hostileText))},
  {weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...INPUT_KEYS, "revenueLostPct", "__proto__", "constructor"), hostileText), fc.oneof(fc.constantFrom(...NUMBERS), fc.double().map(String), hostileText))}
);
const search = fc.oneof(
  {weight: 4, arbitrary: fc.array(parameter, {maxLength: 8}).map((pairs) => `?${new URLSearchParams(pairs).toString()}`)},
  // Written by hand: raw ampersands, equals signs and percent signs, broken escapes.
  {weight: 1, arbitrary: fc.array(fc.tuple(fc.string({maxLength: 12}), fc.string({maxLength: 12})), {maxLength: 6}).map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`)},
  {weight: 1, arbitrary: fc.string({unit: "binary", maxLength: 60})},
  {weight: 1, arbitrary: fc.nat({max: 200}).map((n) => `?${Array.from({length: n}, (_, i) => `capex=${i}`).join("&")}`)}
);

describe("the page's address, fuzzed", () => {
  it("never throws, keeps inputs only in range, and shows no NaN; the view written back reads the same", () => {
    fc.assert(fc.property(search, (query) => {
      const state = decodeUrlState(query, names);
      expect(state.scenario === null || names.includes(state.scenario)).toBe(true);
      for (const [key, value] of Object.entries(state.assumptions)) {
        expect(INPUT_KEYS).toContain(key);
        const {min, max, whole} = INPUTS[key as InputKey];
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(min);
        expect(value).toBeLessThanOrEqual(max);
        if (whole) expect(Number.isInteger(value)).toBe(true);
      }
      for (const {parameter, reason} of state.ignored) {
        expect(parameter.length).toBeLessThanOrEqual(41);
        expect(reason.length).toBeGreaterThan(0);
      }
      // As the story page does it: the scenario's inputs, then the link's on top.
      const defaults = resolveControls(state.scenario ?? "base", scenarios, baseControls);
      const controls = {...defaults, ...state.assumptions};
      const view = pageView(base.input, controls);
      expect(view.nonFinite).toEqual([]);
      for (const line of view.shown) expect(line).not.toMatch(/NaN|Infinity|undefined/);
      const again = decodeUrlState(encodeUrlState(defaults, controls, state.scenario), names);
      expect(again.ignored).toEqual([]);
      expect(again.scenario).toBe(state.scenario === "base" ? null : state.scenario);
      expect({...defaults, ...again.assumptions}).toEqual(controls);
    }), fuzzRuns(150));
  });
});
