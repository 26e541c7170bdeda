import {describe, expect, it} from "vitest";
import {baseInputs, readScenarios} from "../../cli/scenario-files.js";
import {resolveControls} from "../../src/scenario/scenario.js";
import {decodeUrlState, encodeUrlState} from "../../src/scenario/url-state.js";

const scenarios = readScenarios();
const {controls: base} = baseInputs();

describe("the URL state", () => {
  const names = [...scenarios.keys()];
  for (const name of names) {
    it(`round-trips scenario ${name}: file → URL → the same assumptions`, () => {
      const controls = resolveControls(name, scenarios, base);
      const decoded = decodeUrlState(encodeUrlState(base, controls));
      expect(decoded.ignored).toEqual([]);
      expect({...base, ...decoded.assumptions}).toEqual(controls);
    });

    it(`opens scenario ${name} by name, with a moved input on top`, () => {
      const controls = resolveControls(name, scenarios, base);
      const moved = {...controls, capex: controls.capex === 4000 ? 4100 : 4000};
      const decoded = decodeUrlState(encodeUrlState(controls, moved, name), names);
      expect(decoded.scenario).toBe(name === "base" ? null : name);
      expect(decoded.assumptions).toEqual({capex: moved.capex});
    });
  }

  it("ignores a scenario it does not know", () => {
    const decoded = decodeUrlState("?scenario=%3Cscript%3E", names);
    expect(decoded.scenario).toBeNull();
    expect(decoded.ignored[0]).toMatchObject({parameter: "scenario"});
  });

  it("reads an old link's revenueLostPct as the largest customer stopping from quarter 1 at that share", () => {
    expect(decodeUrlState("?revenueLostPct=45&capex=3000").assumptions).toEqual({largestCustomerSharePct: 45, largestCustomerStopsQuarter: 1, largestCustomerStopsBecause: 0, capex: 3000});
    const bad = decodeUrlState("?revenueLostPct=150&capex=3000");
    expect(bad.assumptions).toEqual({capex: 3000});
    expect(bad.ignored[0]).toMatchObject({parameter: "revenueLostPct", reason: expect.stringMatching(/from 0 to 100/)});
  });

  it("reads -0 as 0, which is what the form shows and the address writes back (found by fuzzing)", () => {
    expect(Object.is(decodeUrlState("?rateChangeBp=-0").assumptions.rateChangeBp, 0)).toBe(true);
  });

  it("is empty for the base case", () => {
    expect(encodeUrlState(base, base)).toBe("");
  });

  const hostile: Array<[string, string, RegExp]> = [
    ["markup as a value", "?capex=%3Cscript%3Ealert(1)%3C/script%3E", /not a plain number/],
    ["markup as a name", "?%3Cimg%20src=x%20onerror=alert(1)%3E=1", /not an input/],
    ["1e309", "?capex=1e309", /not a plain number/],
    ["NaN", "?growthPct=NaN", /not a plain number/],
    ["Infinity", "?growthPct=Infinity", /not a plain number/],
    ["an out-of-range number", "?rateChangeBp=99999", /at most 600/],
    ["broken percent-encoding", "?capex=%E0%A4%A", /not a plain number/],
    ["__proto__", "?__proto__=1", /not an input/],
    ["constructor", "?constructor=1", /not an input/],
    ["a very long value", `?capex=${"9".repeat(5000)}`, /not a plain number/]
  ];
  for (const [what, search, reason] of hostile) {
    it(`ignores ${what}, with a reason, and keeps the rest`, () => {
      const state = decodeUrlState(`${search}&rateChangeBp=100`);
      expect(state.assumptions).toEqual({rateChangeBp: 100});
      expect(state.ignored[0]?.reason).toMatch(reason);
      expect(Object.getPrototypeOf(state.assumptions)).toBe(Object.prototype);
    });
  }

  it("shortens what it reports, so a huge parameter cannot flood the notice", () => {
    const state = decodeUrlState(`?${"x".repeat(5000)}=1`);
    expect(state.ignored[0]!.parameter.length).toBeLessThanOrEqual(41);
  });
});
