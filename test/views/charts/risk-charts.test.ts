import {compile} from "vega-lite";
import * as vega from "vega";
import {describe, expect, it} from "vitest";
import {benchCompany} from "../../../bench/company.js";
import {DATA_NAME} from "../../../src/views/charts/common.js";
import {FAN_KEY, fanChart, fanRows} from "../../../src/views/charts/fan.js";
import {HEATMAP_KEY, heatmapChart, heatmapRows} from "../../../src/views/charts/heatmap.js";
import {probabilityChart, probabilityRows} from "../../../src/views/charts/probability.js";
import {TORNADO_CENTRE, tornadoChart, tornadoRows} from "../../../src/views/charts/tornado.js";
import {gridAxis, sensitivityGrid} from "../../../src/risk/grid.js";
import {simulate, MONTE_CARLO_DEFAULTS} from "../../../src/risk/monte-carlo.js";
import {riskSubject} from "../../../src/risk/subject.js";
import {tornado} from "../../../src/risk/tornado.js";
import {controlsOf} from "../../../src/scenario/controls.js";

// The bench company with its growth held at its first rate (no fade), as the controls used to hold it.
const subject = riskSubject(benchCompany, {...controlsOf(benchCompany), fadeQuarters: 0});

/** The text a spec draws with these rows, as vega renders it to SVG (no browser needed). */
async function drawnText(spec: any, rows: readonly object[]): Promise<string> {
  const view = new vega.View(vega.parse(compile({...spec, width: 600}).spec), {renderer: "none"});
  view.data("table", rows as object[]);
  const svg = await view.toSVG();
  view.finalize();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join("\n");
}

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

  it("the heatmap outlines Ponzi finance dashed and inability to pay solid, and rings the current point", () => {
    const layers = (specs.heatmap as any).layer;
    expect(layers[1]).toMatchObject({transform: [{filter: "datum.layer === 'ponzi'"}], mark: {strokeDash: [4, 3]}});
    expect(layers[2].transform[0].filter).toBe("datum.layer === 'cannot pay'");
    expect(layers[2].mark.strokeDash).toBeUndefined();
    expect(layers[3].mark).toMatchObject({type: "point", filled: false});
    expect(layers[0].encoding.color.condition).toEqual({test: "datum.value === null", value: "#dddddd"});
  });

  it("the heatmap's legends say what the solid and dashed lines and the circle are", async () => {
    const layers = (specs.heatmap as any).layer;
    // Each line's dash in its legend is the dash it is drawn with.
    const dash = (layer: any) => layer.encoding.strokeDash.scale.range[layer.encoding.strokeDash.scale.domain.indexOf(layer.encoding.strokeDash.datum)];
    expect(layers[1].encoding.strokeDash.datum).toBe(HEATMAP_KEY.ponzi);
    expect(dash(layers[1])).toEqual([4, 3]);
    expect(layers[2].encoding.strokeDash.datum).toBe(HEATMAP_KEY.cannotPay);
    expect(dash(layers[2])).toEqual([1, 0]);
    expect(layers[3].encoding.shape).toMatchObject({datum: HEATMAP_KEY.current, scale: {range: ["circle"]}});
    const text = await drawnText(specs.heatmap, heatmapRows(sensitivityGrid(subject, gridAxis("rateChangeBp", -300, 600, 4), gridAxis("growthPct", -30, 40, 4), "lowestCoverage"), subject.controls));
    for (const words of Object.values(HEATMAP_KEY)) expect(text).toContain(words);
  });

  it("the heatmap draws without a warning when the grid has no outline of a kind (a zero-length one stands in)", async () => {
    // Rates and growth moved a little around the base case: it never fails to pay there.
    const grid = sensitivityGrid(subject, gridAxis("rateChangeBp", 0, 10, 2), gridAxis("growthPct", 5, 6, 2), "lowestCoverage");
    const rows = heatmapRows(grid, subject.controls) as any[];
    for (const layer of ["ponzi", "cannot pay"]) {
      const edges = rows.filter((r) => r.layer === layer);
      expect(edges.length).toBeGreaterThan(0);
      if (!(layer === "ponzi" ? grid.cells.some((c) => c.ponzi) && grid.cells.some((c) => !c.ponzi) : grid.cells.some((c) => c.cannotPay) && grid.cells.some((c) => !c.cannotPay))) {
        expect(edges).toEqual([{layer, x: edges[0].x, y: edges[0].y, x2: edges[0].x, y2: edges[0].y}]);
      }
    }
    const warnings: string[] = [];
    const view = new vega.View(vega.parse(compile({...(specs.heatmap as any), width: 600}).spec), {renderer: "none", logger: vega.logger(vega.Warn, "warn", (...m: unknown[]) => warnings.push(m.join(" ")))} as any);
    view.data("table", rows);
    await view.runAsync();
    view.finalize();
    expect(warnings).toEqual([]);
  });

  it("the fan's legend names its two bands and its line, and the tornado's its line", async () => {
    const s = simulate(subject, {...MONTE_CARLO_DEFAULTS, paths: 20, quarters: 4});
    const fan = await drawnText(specs.fan, fanRows(s, "cash"));
    for (const words of Object.values(FAN_KEY)) expect(fan).toContain(words);
    const tornadoText = await drawnText(specs.tornado, tornadoRows(tornado(subject, "cashAtEnd"), 0));
    expect(tornadoText).toContain(TORNADO_CENTRE);
    expect(tornadoText).toMatch(/down.*up/s);
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
