import {z} from "zod";
import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {parseModelInput} from "../../src/model/index.js";
import {applyControls} from "../../src/scenario/controls.js";
import {INPUT_GROUPS, INPUT_KEYS, INPUTS, isInputKey, type Controls, type InputKey} from "../../src/scenario/inputs-table.js";
import {assumptionsSchema, diffControls, scenarioSchema} from "../../src/scenario/scenario.js";
import {decodeUrlState, encodeUrlState} from "../../src/scenario/url-state.js";
import {scenarioWorkbook} from "../../src/scenario/workbook.js";

const {base, controls} = baseInputs();

/** A value of the input other than `value`, inside its bounds and on its step. */
function another(key: InputKey, value: number): number {
  const {min, max, step} = INPUTS[key];
  return value + step <= max ? value + step : Math.max(min, value - step);
}

// Inputs that build one part together move nothing alone when their companion says "none".
const COMPANIONS: Partial<Record<InputKey, Partial<Controls>>> = {
  capexIntensity: {capexFollowsGrowth: 1},
  capexLeadQuarters: {capexFollowsGrowth: 1},
  marketShutAfter: {marketShutQuarters: 2},
  marketShutQuarters: {marketShutAfter: 2},
  equityRaisedQuarters: {equityRaisedPerQuarter: 500},
  prepaymentQuarter: {prepaymentAmount: 300},
  prepaymentPremiumPct: {prepaymentAmount: 300},
  coverageCovenant: {liquidityCovenant: 500},
  covenantConsequence: {liquidityCovenant: 500},
  // The base case sets no cap a quarter beyond the limit: moved from one that binds.
  newBorrowingPerQuarter: {newBorrowingPerQuarter: 2500}
};

describe("the inputs table: each input declared once", () => {
  it("declares every input with a label, a unit, a known group and a range its step divides", () => {
    for (const key of INPUT_KEYS) {
      const input = INPUTS[key];
      expect(input.label.length, key).toBeGreaterThan(3);
      expect(input.unit.length, key).toBeGreaterThan(0);
      expect(Object.keys(INPUT_GROUPS), key).toContain(input.group);
      expect(input.min, key).toBeLessThan(input.max);
      expect(Number.isInteger(Number(((input.max - input.min) / input.step).toFixed(9))), key).toBe(true);
      if (input.choices) expect(input.choices.length, key).toBe(input.max - input.min + 1);
    }
  });

  it("starts every input, in the base case, inside its range", () => {
    for (const key of INPUT_KEYS) {
      expect(controls[key], key).toBeGreaterThanOrEqual(INPUTS[key].min);
      expect(controls[key], key).toBeLessThanOrEqual(INPUTS[key].max);
    }
  });

  it("moves the model with every input, each on its own (with its companion where two build one part)", () => {
    for (const key of INPUT_KEYS) {
      const start = {...controls, ...COMPANIONS[key]};
      const moved = {...start, [key]: another(key, start[key])};
      const before = JSON.stringify(parseModelInput(applyControls(base.input, start)));
      expect(JSON.stringify(parseModelInput(applyControls(base.input, moved))), key).not.toBe(before);
    }
  });

  it("is what the scenario schema, its JSON Schema and the scenario diff know: no more, no fewer", () => {
    expect(Object.keys(assumptionsSchema.shape)).toEqual(INPUT_KEYS);
    const json = z.toJSONSchema(scenarioSchema, {io: "input"}) as unknown as {properties: {assumptions: {properties: Record<string, {minimum: number; maximum: number; description: string}>}}};
    const properties = json.properties.assumptions.properties;
    expect(Object.keys(properties)).toEqual(INPUT_KEYS);
    for (const key of INPUT_KEYS) {
      expect(properties[key], key).toMatchObject({minimum: INPUTS[key].min, maximum: INPUTS[key].max});
      expect(properties[key]!.description, key).toContain(INPUTS[key].label);
    }
    const everyOther = Object.fromEntries(INPUT_KEYS.map((key) => [key, another(key, controls[key])])) as Controls;
    expect(Object.keys(diffControls(controls, everyOther))).toEqual(INPUT_KEYS);
  });

  it("refuses a fraction of a whole-number input", () => {
    for (const key of INPUT_KEYS.filter((k) => INPUTS[k].whole)) expect(assumptionsSchema.safeParse({[key]: INPUTS[key].min + 0.5}).success, key).toBe(false);
  });

  it("carries every input in the URL under its own key, and nothing that is not one", () => {
    const everyOther = Object.fromEntries(INPUT_KEYS.map((key) => [key, another(key, controls[key])])) as Controls;
    const search = encodeUrlState(controls, everyOther);
    expect([...new URLSearchParams(search).keys()]).toEqual(INPUT_KEYS);
    expect(decodeUrlState(search).assumptions).toEqual(everyOther);
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(isInputKey(name), name).toBe(false);
      expect(decodeUrlState(`?${name}=1`).ignored.map((i) => i.parameter), name).toEqual([name]);
    }
  });

  it("names, for every input, rows of the workbook's inputs sheet that exist, and the sources sheet says which", () => {
    const everyPart = {...controls, liquidityCovenant: 500, coverageCovenant: 2, prepaymentAmount: 300, leasePayments: 100, revolverCapacity: Math.max(controls.revolverCapacity, 100)};
    const model = scenarioWorkbook(base, {name: "test", title: "Test", description: "-"}, everyPart, []);
    const inputsSheet = model.sheets.find((s) => s.name === "Inputs")!;
    const keys = inputsSheet.rows.map((r) => r.key ?? "");
    for (const key of INPUT_KEYS) {
      for (const pattern of INPUTS[key].workbook) {
        const match = new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
        expect(keys.some((k) => match.test(k)), `${key}: ${pattern}`).toBe(true);
      }
    }
    const sources = model.sheets.find((s) => s.name === "Sources")!;
    for (const key of INPUT_KEYS) {
      const row = sources.rows.find((r) => r.label === `${INPUTS[key].label} [${key}]`);
      expect(row?.note, key).toMatch(INPUTS[key].workbook.length ? /moves rows? \d+/ : /moves no single row/);
    }
  });
});
