import {describe, expect, it} from "vitest";
import {INPUTS} from "../../src/scenario/inputs-table.js";
import {readTypedValue} from "../../src/scenario/typed-value.js";

// Growth a quarter runs from −30 to 40 (%); the useful life from 8 to 40 whole quarters.
describe("a value typed into an input's box", () => {
  it("is taken as typed inside the range, off the slider's step too, with no message", () => {
    expect(INPUTS.growthPct).toMatchObject({min: -30, max: 40});
    expect(readTypedValue("growthPct", "12.345", 5)).toEqual({value: 12.345, outcome: "taken", message: ""});
    expect(readTypedValue("rateChangeBp", " 30 ", 0)).toEqual({value: 30, outcome: "taken", message: ""});
  });

  it("is clamped to the nearer bound when out of range, and says so", () => {
    expect(readTypedValue("growthPct", "999", 5)).toEqual({value: 40, outcome: "clamped", message: "999 is above the highest, 40: set to 40."});
    expect(readTypedValue("growthPct", "-31", 5)).toEqual({value: -30, outcome: "clamped", message: "-31 is below the lowest, -30: set to -30."});
  });

  it("is rounded where only whole numbers mean something", () => {
    expect(INPUTS.usefulLifeQuarters.whole).toBe(true);
    expect(readTypedValue("usefulLifeQuarters", "12.6", 24)).toEqual({value: 13, outcome: "rounded", message: "Whole numbers only: 12.6 set to 13."});
  });

  it("is refused when it is not a number: the model keeps its value and the message says which", () => {
    for (const text of ["", "abc", "1e999", "NaN"]) {
      expect(readTypedValue("growthPct", text, 5)).toEqual({value: 5, outcome: "refused", message: "Not a number: the model keeps 5 (enter -30 to 40)."});
    }
  });
});

describe("the prominent inputs", () => {
  it("are inputs of the table, each once, growth first, and leave the rest for More", async () => {
    const {PROMINENT_INPUTS, INPUT_KEYS, isProminent} = await import("../../src/scenario/inputs-table.js");
    expect(new Set(PROMINENT_INPUTS).size).toBe(PROMINENT_INPUTS.length);
    expect(PROMINENT_INPUTS.every((key) => INPUT_KEYS.includes(key))).toBe(true);
    expect(PROMINENT_INPUTS[0]).toBe("growthPct");
    // Choices (radio buttons) stay under More: the panel's first inputs are numbers with a slider.
    expect(PROMINENT_INPUTS.some((key) => INPUTS[key].choices)).toBe(false);
    expect(INPUT_KEYS.filter((key) => !isProminent(key)).length).toBe(INPUT_KEYS.length - PROMINENT_INPUTS.length);
  });
});
