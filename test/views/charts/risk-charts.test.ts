import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {benchCompany} from "../../../bench/company.js";
import {DATA_NAME} from "../../../src/views/charts/common.js";
import {FAN_KEYS, fanChart, fanRows} from "../../../src/views/charts/fan.js";
import {heatmapChart, heatmapRows} from "../../../src/views/charts/heatmap.js";
import {probabilityChart, probabilityRows} from "../../../src/views/charts/probability.js";
import {tornadoChart, tornadoRows} from "../../../src/views/charts/tornado.js";
import {gridAxis, sensitivityGrid} from "../../../src/risk/grid.js";
import {simulate, MONTE_CARLO_DEFAULTS} from "../../../src/risk/monte-carlo.js";
import {riskSubject} from "../../../src/risk/subject.js";
import {tornado} from "../../../src/risk/tornado.js";
import {controlsOf} from "../../../src/scenario/controls.js";

// The bench company with its growth held at its first rate (no fade), as the controls used to hold it.
const subject = riskSubject(benchCompany, {...controlsOf(benchCompany), fadeQuarters: 0});

describe("the risk charts' specs", () => {
  const specs = {
    heatmap: heatmapChart({x: "Rate (bp)", y: "Growth (%)", outcome: "Lowest interest coverage", unit: "×"}),
    tornado: tornadoChart("Cash at the end", "USD millions"),
    probability: probabilityChart(),
    fan: fanChart("Closing cash")
  };
  for (const [name, spec] of Object.entries(specs) as Array<[string, any]>) {
    it(`${name}: compiles, reads the live data source, and has a title and a description`, () => {
      expect(() => compile(spec)).not.toThrow();
      expect(spec.data).toEqual({name: DATA_NAME});
      expect(spec.title).toBeTruthy();
      expect(spec.description.length).toBeGreaterThan(60);
    });
  }

  it("the heatmap outlines Ponzi finance dashed and inability to pay solid, rings the current point, and names all three in its legend", () => {
    const layers = (specs.heatmap as any).layer;
    expect(layers[1].transform[0].filter).toBe("datum.layer === 'ponzi' || datum.layer === 'cannot pay'");
    // One scale of dashes, whatever the data holds: ponzi dashed, cannot pay solid.
    expect(layers[1].encoding.strokeDash.scale).toEqual({domain: ["ponzi", "cannot pay"], range: [[4, 3], [1, 0]]});
    expect(layers[1].encoding.strokeDash.legend.labelExpr).toMatch(/Ponzi finance.*dashed.*Cannot pay.*solid/);
    expect(layers[2].mark).toMatchObject({type: "point", filled: false});
    expect(layers[2].encoding.shape).toMatchObject({datum: "the inputs as set", scale: {range: ["circle"]}});
    expect(layers[0].encoding.color.condition).toEqual({test: "datum.value === null", value: "#dddddd"});
  });

  it("the fan chart names its two bands and its median in one legend", () => {
    const colours = (specs.fan as any).layer.map((l: any) => l.encoding.color.datum);
    expect(colours).toEqual([...FAN_KEYS]);
  });

  it("the probability chart runs from 0 to 100 %", () => {
    expect((specs.probability as any).encoding.y.scale.domain).toEqual([0, 1]);
  });
});

describe("the risk charts' rows", () => {
  it("give the heatmap a cell per grid point, the boundaries and the current point, with no NaN", () => {
    const grid = sensitivityGrid(subject, gridAxis("rateChangeBp", -300, 600, 10), gridAxis("ebitdaMarginPct", -20, 80, 10), "quartersUntilCannotPay");
    const rows = heatmapRows(grid, subject.controls);
    expect(rows.filter((r) => r.layer === "cell")).toHaveLength(100);
    expect(rows.filter((r) => r.layer === "current")).toEqual([{layer: "current", x: subject.controls.rateChangeBp, y: subject.controls.ebitdaMarginPct, shown: "the inputs as set"}]);
    expect(rows.some((r) => r.layer === "cannot pay")).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/NaN|Infinity/);
    const never = rows.find((r) => r.layer === "cell" && r.value === null);
    expect(never).toMatchObject({shown: "pays throughout"});
  });

  it("give the tornado two ends a bar, ranked as the tornado sorts them", () => {
    const t = tornado(subject, "cashAtEnd");
    const rows = tornadoRows(t, 0);
    expect(rows).toHaveLength(2 * t.bars.length);
    expect(rows[0]).toMatchObject({rank: 0, end: "down", centre: t.centre, outcome: t.bars[0]!.down.outcome});
    expect(rows[0]!.input).toMatch(/±/);
  });

  it("give the simulation's charts a row per quarter", () => {
    const s = simulate(subject, {...MONTE_CARLO_DEFAULTS, paths: 50, quarters: 8});
    expect(probabilityRows(s)).toHaveLength(16);
    expect(fanRows(s, "debt")).toHaveLength(8);
    expect(fanRows(s, "cash")[0]!.p5).toBeLessThanOrEqual(fanRows(s, "cash")[0]!.p95);
  });
});
