import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {projectFast, riskSubject, withControl} from "../../src/risk/subject.js";
import {INPUTS, PROMINENT_INPUTS} from "../../src/scenario/inputs-table.js";

/**
 * The inputs the panel shows first are the drivers that matter: each one, moved on its own
 * from the base case, changes the projection. (The reported-pace capex, for one, moves
 * nothing while capex follows growth, so it is under "More", beside the switch that wakes it.)
 */
describe("the prominent inputs", () => {
  const {base, controls} = baseInputs();
  const subject = riskSubject(base.input, controls);
  const ledger = (p: ReturnType<typeof projectFast>) => JSON.stringify(p.quarters.map((q) => q.ledger));
  const before = ledger(projectFast(subject, controls));

  for (const key of PROMINENT_INPUTS) {
    it(`${key}: moved to either end of its range, the base case's ledger changes`, () => {
      const {min, max} = INPUTS[key];
      const moved = [min, max].filter((x) => x !== controls[key]).map((x) => ledger(projectFast(subject, withControl(controls, key, x))));
      expect(moved.some((l) => l !== before)).toBe(true);
    });
  }

  it("leaves the reported-pace capex out of them: it moves nothing while capex follows growth", () => {
    expect(PROMINENT_INPUTS).not.toContain("capex");
    expect(ledger(projectFast(subject, withControl(controls, "capex", INPUTS.capex.max)))).toBe(before);
  });
});
