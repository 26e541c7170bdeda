import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {BASE_CASE, withBaseCase} from "../../../src/views/charts/base-line.js";
import {cashChart} from "../../../src/views/charts/cash-debt.js";
import {coverageChart} from "../../../src/views/charts/coverage.js";

describe("the base case as a faint line", () => {
  const inputs = [{quarter: "2027Q1", series: "Closing cash", value: 100}];
  const base = [{quarter: "2027Q1", series: "Closing cash", value: 250}];

  it("adds the base case's rows, marked, after the inputs' own; none when nothing has moved", () => {
    expect(withBaseCase(inputs, base)).toEqual([...inputs, {quarter: "2027Q1", series: "Closing cash", value: 250, scenario: BASE_CASE}]);
    expect(withBaseCase(inputs, null)).toEqual(inputs);
  });

  for (const [name, build] of [["cash", cashChart], ["coverage", coverageChart]] as const) {
    it(`${name} chart: the main layer leaves the base rows out, a faint dashed layer draws only them, on the same colour field, and the subtitle says so`, () => {
      const spec = build() as any;
      expect(() => compile(spec)).not.toThrow();
      const [main, faint] = [spec.layer[1], spec.layer[2]];
      expect(main.transform).toEqual([{filter: `datum.scenario !== '${BASE_CASE}'`}]);
      expect(faint.transform).toEqual([{filter: `datum.scenario === '${BASE_CASE}'`}]);
      expect(faint.mark).toMatchObject({type: "line", strokeDash: [4, 3]});
      expect(faint.mark.opacity).toBeLessThan(0.5);
      expect(faint.encoding.color).toEqual({...main.encoding.color, legend: null});
      expect(faint.encoding.y).toEqual(main.encoding.y);
      expect(spec.title.subtitle).toMatch(/base case/);
    });
  }
});
