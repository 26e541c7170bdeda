import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {cashChart, cashRows} from "../../../src/views/charts/cash-debt.js";
import {DATA_NAME, fitToWidth, NARROW, wrapWords} from "../../../src/views/charts/common.js";
import {COVER_LINE, coverageChart, coverageRows} from "../../../src/views/charts/coverage.js";
import {maturityRows, maturityWallChart} from "../../../src/views/charts/maturity-wall.js";
import {regimeChart, REGIME_COLOURS, regimeRows} from "../../../src/views/charts/regimes.js";
import {sourcesUsesChart, sourcesUsesRows} from "../../../src/views/charts/sources-uses.js";
import {floatArithmetic, project} from "../../../src/model/index.js";
import {plainCompany} from "../../model/fixtures.js";
import {benchCompanyAllFeatures} from "../../../bench/company.js";

const charts = {cashChart, coverageChart, regimeChart, maturityWallChart, sourcesUsesChart};

describe("every chart spec", () => {
  for (const [name, build] of Object.entries(charts)) {
    const spec = build() as any;
    it(`${name}: compiles, reads the live data source, and has a title and a description`, () => {
      expect(() => compile(spec)).not.toThrow();
      expect(spec.data).toEqual({name: DATA_NAME});
      expect(spec.title).toBeTruthy();
      expect(spec.description.length).toBeGreaterThan(40);
    });
    it(`${name}: takes its rows as it draws them, so that an update changes its marks in place`, () => {
      // vega's fold, flatten, pivot and impute make every tuple they derive anew on each
      // update, and with them every mark drawn from one (a new SVG element each): a chart
      // fed its rows ready to draw keeps its marks and changes only their attributes.
      const transforms = compile(spec).spec.data!.flatMap((d: any) => d.transform ?? []).map((t: any) => t.type);
      for (const regenerating of ["fold", "flatten", "pivot", "impute"]) expect(transforms).not.toContain(regenerating);
    });
    it(`${name}: puts quarters on x and a tooltip on its marks`, () => {
      const encodings = spec.layer ? spec.layer.map((l: any) => l.encoding) : [spec.encoding];
      const main = encodings.find((e: any) => e.x?.field && e.tooltip);
      expect(main.x.field).toBe("quarter");
      expect(main.tooltip.length).toBeGreaterThan(1);
      // Every layer with quarters along x has them as the others do.
      for (const e of encodings.filter((e: any) => e.x?.field)) expect(e.x.field).toBe("quarter");
    });
  }
});

describe("the coverage chart", () => {
  it("draws the 1.0× line dashed, and says on the chart what it is", () => {
    const spec = coverageChart() as any;
    expect(spec.layer[0]).toMatchObject({mark: {type: "rule", strokeDash: [4, 4]}, encoding: {y: {datum: 1}}});
    expect(spec.layer[1]).toMatchObject({mark: {type: "text"}, encoding: {y: {datum: 1}, text: {value: COVER_LINE}}});
    expect(COVER_LINE).toMatch(/^1\.0×/);
  });
  it("labels its axis in multiples", () => {
    expect((coverageChart() as any).layer[2].encoding.y.title).toBe("Multiple (×)");
  });
  it("defines interest coverage and DSCR under it", () => {
    expect((coverageChart() as any).usermeta.terms).toEqual(["interestCoverage", "dscr"]);
  });
});

describe("a chart drawn at a width", () => {
  const rows = [{quarter: "2026Q1", series: "DSCR", value: -1000}];

  it("fits that width, padding, axes and legends included, and holds its rows from the start", () => {
    const spec = fitToWidth(coverageChart(), 700, rows) as any;
    expect(spec).toMatchObject({width: 700, autosize: {type: "fit-x", contains: "padding", resize: true}, data: {name: DATA_NAME, values: rows}});
    expect(() => compile(spec)).not.toThrow();
  });

  it("angles the quarters on a desktop, stands them upright on a phone, and thins them where they would overlap", () => {
    expect((fitToWidth(coverageChart(), 700, rows) as any).config.axisXDiscrete).toMatchObject({labelAngle: -45, labelOverlap: "greedy"});
    expect((fitToWidth(coverageChart(), 358, rows) as any).config.axisXDiscrete).toMatchObject({labelAngle: -90, labelOverlap: "greedy"});
  });

  it("puts legends under the plot on a phone, one entry a line, cut short before the chart's edge", () => {
    const legend = (fitToWidth(coverageChart(), 358, rows) as any).config.legend;
    expect(legend).toMatchObject({orient: "bottom", columns: 1, labelLimit: 238});
    expect((fitToWidth(coverageChart(), NARROW, rows) as any).config.legend.orient).toBeUndefined();
  });

  it("wraps its title to the width: the words kept, each line short enough", () => {
    // 358 px, less 16 of margin, at 8 px a character: 42 characters a line at most.
    const title = (fitToWidth(maturityWallChart(), 358, rows) as any).title.text as string[];
    expect(title.join(" ")).toBe("The maturity wall: principal repaid in cash, by facility");
    expect(title.length).toBe(2);
    expect(title.every((line) => line.length <= 42)).toBe(true);
  });

  it("wraps words greedily: a line takes words while they fit", () => {
    expect(wrapWords("aaaa bbbb cccc dddd", 10 * 8)).toEqual(["aaaa bbbb", "cccc dddd"]);
  });
});

describe("the regime band", () => {
  it("colours hedge, speculative and Ponzi with a fixed scale, whatever the data holds", () => {
    const color = (regimeChart() as any).layer[0].encoding.color;
    expect(color.scale.domain).toEqual(["hedge", "speculative", "ponzi"]);
    expect(color.scale.range).toEqual(Object.values(REGIME_COLOURS));
  });
});

describe("chart rows", () => {
  const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed" as const, annualRate: 0}, maturity: "2026Q2"};
  const projection = project(plainCompany({facilities: [loan], refinancing: {shareRolled: 0.5, spread: 0.05, tenorQuarters: 8}}), floatArithmetic);

  it("leave out a coverage ratio the model found not meaningful (no interest), never NaN", () => {
    const rows = coverageRows(projection);
    expect(rows.filter((r) => r.series === "EBITDA / interest").map((r) => r.quarter)).toEqual(["2026Q3", "2026Q4"]);
    expect(rows.every((r) => Number.isFinite(r.value))).toBe(true);
  });

  it("put on the maturity wall only what is repaid in cash: 1,000 due less 500 rolled", () => {
    expect(maturityRows(projection)).toEqual([{quarter: "2026Q2", series: "Loan", value: 500}]);
  });

  it("balance sources against uses each quarter", () => {
    const rows = sourcesUsesRows(projection);
    for (const quarter of ["2026Q1", "2026Q2", "2026Q3"]) {
      const total = rows.filter((r) => r.quarter === quarter).reduce((sum, r) => sum + r.value, 0);
      expect(Math.abs(total)).toBeLessThan(1e-9);
    }
  });

  it("balance sources against uses with every debt-schedule feature: interest in kind, equity raised and cures, the sweep, prepayments and their premiums", () => {
    // Opening cash to prepay and sweep with at once, and a liquidity covenant above what the company holds (cash + undrawn revolver).
    const p = project({...benchCompanyAllFeatures, openingCash: 4000, equityRaised: [0, 500, 0], facilities: benchCompanyAllFeatures.facilities.map((f, i) => i === 0
      ? {...f, covenants: [{kind: "minimumLiquidity" as const, threshold: 6000, consequence: {type: "equityCure" as const, limit: 1000}}]}
      : i === 1 ? {...f, prepayments: [{quarter: "2026Q1", amount: 300}]} : f)}, floatArithmetic);
    const l = p.quarters.map((q) => q.ledger);
    // Each feature is at work somewhere in the projection, or the balance would prove nothing.
    for (const line of ["pikInterest", "equityRaised", "equityCure", "sweepRepayment", "prepayment", "prepaymentPremium"] as const) expect(l.some((q) => q[line] > 0), line).toBe(true);
    const rows = sourcesUsesRows(p);
    for (const q of l) {
      const total = rows.filter((r) => r.quarter === q.quarter).reduce((sum, r) => sum + r.value, 0);
      expect(Math.abs(total), q.quarter).toBeLessThan(1e-6);
    }
  });

  it("give two regime rows a quarter (one a reading, both with the quarter's figures) and one cash point", () => {
    const rows = regimeRows(projection);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.reading)).toEqual(Array(4).fill(["regime", "regimeAfterMaintenance"]).flat());
    for (const [i, q] of projection.quarters.entries()) {
      expect(rows[2 * i]).toMatchObject({quarter: q.ledger.quarter, readingRegime: q.regime, regime: q.regime, regimeAfterMaintenance: q.regimeAfterMaintenance});
      expect(rows[2 * i + 1]).toMatchObject({quarter: q.ledger.quarter, readingRegime: q.regimeAfterMaintenance, regime: q.regime, regimeAfterMaintenance: q.regimeAfterMaintenance});
    }
    // Its table has a row a quarter.
    expect((regimeChart() as any).usermeta.table.where).toEqual({field: "reading", equals: "regime"});
    expect(cashRows(projection).filter((r) => r.series === "Closing cash")).toHaveLength(4);
  });

  it("mark on the regime band each quarter a covenant is breached, with what, against what, and what follows", () => {
    expect(regimeRows(projection).every((r) => r.breaches === "")).toBe(true);
    const covenanted = {...loan, maturity: "2027Q4", covenants: [{kind: "minimumLiquidity" as const, threshold: 1e6, consequence: {type: "waiver" as const, fee: 1, spreadStepUp: 0}}]};
    const rows = regimeRows(project(plainCompany({facilities: [covenanted]}), floatArithmetic));
    expect(rows[0]!.breaches).toMatch(/^Loan: liquidity [\d,]+ USD m against 1,000,000 USD m \(waiver\)$/);
    expect(rows.every((r) => r.breaches !== "")).toBe(true);
    const marks = (regimeChart() as any).layer[1];
    expect(marks.transform[0].filter).toContain("datum.breaches");
    // One triangle a quarter: on the first reading's row only.
    expect(marks.transform[0].filter).toContain("datum.reading == 'regime'");
    expect(marks.mark.shape).toBe("triangle-down");
    // In the legend too, as a triangle.
    expect(marks.encoding.shape).toMatchObject({datum: "covenant breached", scale: {range: ["triangle-down"]}});
  });

  it("name together the facilities a quarter breaches alike, and apart those it breaches differently", () => {
    const covenant = (threshold: number) => ({kind: "minimumLiquidity" as const, threshold, consequence: {type: "waiver" as const, fee: 1, spreadStepUp: 0}});
    const a = {...loan, id: "a", name: "Loan A", maturity: "2027Q4", covenants: [covenant(1e6)]};
    const b = {...loan, id: "b", name: "Loan B", maturity: "2027Q4", covenants: [covenant(1e6)]};
    const c = {...loan, id: "c", name: "Loan C", maturity: "2027Q4", covenants: [covenant(2e6)]};
    const [first] = regimeRows(project(plainCompany({facilities: [a, b, c]}), floatArithmetic));
    const lines = first!.breaches.split("; ");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Loan A, Loan B: liquidity [\d,]+ USD m against 1,000,000 USD m \(waiver\)$/);
    expect(lines[1]).toMatch(/^Loan C: liquidity [\d,]+ USD m against 2,000,000 USD m \(waiver\)$/);
    // Past three, the rest are counted: a tooltip stays a few lines long.
    const many = ["D", "E", "F", "G", "H"].map((id) => ({...a, id: id.toLowerCase(), name: `Loan ${id}`}));
    const [crowded] = regimeRows(project(plainCompany({facilities: many}), floatArithmetic));
    expect(crowded!.breaches).toMatch(/^Loan D, Loan E, Loan F and 2 more: liquidity [\d,]+ USD m against 1,000,000 USD m \(waiver\)$/);
  });
});
