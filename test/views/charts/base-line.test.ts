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
    it(`${name} chart: one line layer draws every row, the base case's dashed and faint, the inputs' points on their own, on the same colour field, and the subtitle says so`, () => {
      const spec = build() as any;
      expect(() => compile(spec)).not.toThrow();
      const [lines, points] = spec.layer.slice(-2);
      // Every row, split into lines by series and by scenario: no layer filters its way to nothing while nothing has moved.
      expect(lines.transform).toBeUndefined();
      expect(lines.encoding.detail).toEqual({field: "scenario", type: "nominal"});
      expect(lines.encoding.strokeDash).toEqual({condition: {test: `datum.scenario === '${BASE_CASE}'`, value: [4, 3]}, value: [1, 0]});
      expect(lines.encoding.opacity.condition.value).toBeLessThan(0.5);
      expect(lines.encoding.opacity.value).toBe(1);
      expect(points.transform).toEqual([{filter: `!(datum.scenario === '${BASE_CASE}')`}]);
      expect(points.encoding.color).toEqual(lines.encoding.color);
      // One legend, naming the series (the dashes and the faintness are conditions: no legend of their own).
      const legends = (compile(spec).spec as any).legends;
      expect(legends).toHaveLength(1);
      expect(legends[0].fill ?? legends[0].stroke).toBe("color");
      expect(points.encoding.y).toEqual(lines.encoding.y);
      expect(spec.title.subtitle).toMatch(/base case/);
    });
  }
});
