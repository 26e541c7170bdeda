import fc from "fast-check";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {baseInputs, readScenarios} from "../../cli/scenario-files.js";
import {INPUT_KEYS, INPUTS} from "../../src/scenario/inputs-table.js";
import {parseScenario, resolveControls, ScenarioError, type Scenario} from "../../src/scenario/scenario.js";
import {answer, sandbox} from "../cli/harness.js";
import {fuzzRuns, HOSTILE_TEXT, hostileText} from "./fuzz-runs.js";
import {pageView} from "./page-view.js";

/**
 * Scenario files as a careless or hostile person writes them: wrong types, values out of
 * range, unknown and prototype keys, bad names and parents, broken or deep JSON. Each either
 * loads (and then projects with no NaN on the page) or is refused with a ScenarioError that
 * names the file; the command line answers it in one line with exit code 1.
 */
const FILE = "fuzzed";
const scenarios = readScenarios();
const {base, controls: baseControls} = baseInputs();

const inRange = fc.constantFrom(...INPUT_KEYS).chain((key) => {
  const {min, max, whole} = INPUTS[key];
  return fc.tuple(fc.constant(key as string), whole ? fc.integer({min: Math.ceil(min), max: Math.floor(max)}) : fc.double({min, max, noNaN: true}));
});
const anyValue = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(...HOSTILE_TEXT), fc.boolean(), fc.constant(null), fc.array(fc.integer(), {maxLength: 3}), fc.object({maxDepth: 2}));
const anyPair = fc.tuple(fc.oneof(fc.constantFrom(...INPUT_KEYS, "revenueLostPct", "__proto__", "constructor"), hostileText), anyValue);
const assumptions = fc.array(fc.oneof({weight: 3, arbitrary: inRange}, {weight: 1, arbitrary: anyPair}), {maxLength: 6})
  // Built with defineProperty so that "__proto__" is a key of the file, as JSON can write it.
  .map((pairs) => pairs.reduce<Record<string, unknown>>((out, [key, value]) => Object.defineProperty(out, key, {value, enumerable: true, writable: true, configurable: true}), {}));

const scenarioObject = fc.record({
  $schema: fc.constant("./scenario.schema.json"),
  name: fc.oneof({weight: 4, arbitrary: fc.constant(FILE)}, {weight: 1, arbitrary: hostileText}),
  title: fc.oneof(fc.constant("Fuzzed"), hostileText),
  description: fc.oneof(fc.constant("A fuzzed scenario."), hostileText),
  parent: fc.oneof({weight: 4, arbitrary: fc.constantFrom("base", "rates-up-300bp", "no-such", FILE)}, {weight: 1, arbitrary: hostileText}),
  assumptions: fc.oneof({weight: 4, arbitrary: assumptions}, {weight: 1, arbitrary: anyValue}),
  colour: fc.constant("red")
}, {requiredKeys: ["name", "title", "description", "parent"]});

/** A file a person meant well: its name, a real parent, inputs mostly in range. */
const wellMeant = fc.record({
  name: fc.constant(FILE),
  title: fc.constant("Fuzzed"),
  description: fc.constant("A fuzzed scenario."),
  parent: fc.constantFrom("base", "rates-up-300bp", "growth-halves"),
  assumptions: fc.array(fc.oneof({weight: 12, arbitrary: inRange}, {weight: 1, arbitrary: anyPair}), {maxLength: 8})
    .map((pairs) => Object.fromEntries(pairs))
});

const fileText = fc.oneof(
  {weight: 4, arbitrary: wellMeant.map((o) => JSON.stringify(o))},
  {weight: 4, arbitrary: scenarioObject.map((o) => JSON.stringify(o))},
  {weight: 1, arbitrary: fc.json()},
  {weight: 1, arbitrary: fc.string({maxLength: 80})},
  // Cut short, as a crashed editor saves it.
  {weight: 1, arbitrary: fc.tuple(scenarioObject.map((o) => JSON.stringify(o)), fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1)))},
  {weight: 1, arbitrary: fc.nat({max: 100_000}).map((depth) => `{"name":"${FILE}","title":"t","description":"d","parent":"base","assumptions":${"[".repeat(depth)}${"]".repeat(depth)}}`)}
);

describe("scenario files, fuzzed", () => {
  it("each loads and projects with no NaN, or is refused naming the file; the command line says so in one line", async () => {
    await fc.assert(fc.asyncProperty(fileText, async (text) => {
      let scenario: Scenario | null = null;
      try {
        scenario = parseScenario(`${FILE}.json`, text);
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        const {issues, message} = error as ScenarioError;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.file).toBe(`${FILE}.json`);
        // Ten problems at most, then "and N more".
        expect(message.split("\n").length).toBeLessThanOrEqual(11);
      }
      if (scenario) {
        for (const [key, value] of Object.entries(scenario.assumptions)) {
          const {min, max} = INPUTS[key as keyof typeof INPUTS];
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(max);
        }
        let controls = null;
        try {
          controls = resolveControls(FILE, new Map(scenarios).set(FILE, scenario), baseControls);
        } catch (error) {
          // A parent that does not exist, or the scenario as its own parent.
          expect(error).toBeInstanceOf(ScenarioError);
          expect((error as ScenarioError).message).toMatch(/is not a scenario|makes a cycle/);
        }
        if (controls) {
          const view = pageView(base.input, controls);
          expect(view.nonFinite).toEqual([]);
          for (const line of view.shown) expect(line).not.toMatch(/NaN|Infinity/);
        }
      }
      // The command line, reading the folder the file is in.
      const box = sandbox();
      writeFileSync(join(box.context.scenarioDir, `${FILE}.json`), text);
      const listed = await answer(["list"], box.context);
      expect(listed.expected, listed.stderr).toBe(true);
      expect(listed.code).toBe(scenario ? 0 : 1);
      if (!scenario) expect(listed.stderr).toMatch(new RegExp(`^${FILE}\\.json: `));
      expect(listed.stderr).not.toMatch(/[\n\r]/);
    }), fuzzRuns(120));
  });
});
