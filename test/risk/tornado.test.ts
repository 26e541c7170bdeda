import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {controlsOf} from "../../src/scenario/controls.js";
import {INPUTS as CONTROL_BOUNDS} from "../../src/scenario/inputs-table.js";
import {OUTCOMES} from "../../src/readings/outcomes.js";
import {projectFast, riskSubject, withControl} from "../../src/risk/subject.js";
import {tornado, TORNADO_STEPS} from "../../src/risk/tornado.js";

const subject = riskSubject(benchCompany, controlsOf(benchCompany));

describe("a tornado", () => {
  const t = tornado(subject, "cashAtEnd");

  it("has a bar for each input with a stated step, largest swing first", () => {
    expect(t.bars.map((b) => b.key).sort()).toEqual(Object.keys(TORNADO_STEPS).sort());
    for (let i = 1; i < t.bars.length; i++) expect(t.bars[i - 1]!.swing).toBeGreaterThanOrEqual(t.bars[i]!.swing);
    expect(t.bars[0]!.swing).toBeGreaterThan(0);
  });

  it("moves each input down and up by its step, held to its range, and projects each end", () => {
    for (const bar of t.bars) {
      const {min, max} = CONTROL_BOUNDS[bar.key];
      expect(bar.down.input).toBe(Math.max(min, subject.controls[bar.key] - bar.step));
      expect(bar.up.input).toBe(Math.min(max, subject.controls[bar.key] + bar.step));
      expect(bar.up.outcome).toBe(OUTCOMES.cashAtEnd.of(projectFast(subject, withControl(subject.controls, bar.key, bar.up.input))));
      expect(bar.swing).toBeCloseTo(Math.abs(bar.up.outcome! - bar.down.outcome!), 9);
    }
  });

  it("centres on the projection of the inputs as set", () => {
    expect(t.centre).toBe(OUTCOMES.cashAtEnd.of(projectFast(subject)));
  });

  it("reads a missing outcome as the stand-in it is given", () => {
    const never = tornado(subject, "quartersUntilCannotPay", {growthPct: 1}, 29);
    const bar = never.bars[0]!;
    expect(bar.swing).toBe(Math.abs((bar.up.outcome ?? 29) - (bar.down.outcome ?? 29)));
  });
});
