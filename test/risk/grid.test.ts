import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {controlsOf} from "../../src/scenario/controls.js";
import {boundary, gridAxis, sensitivityGrid, spotCheckGrid, type SensitivityGrid} from "../../src/risk/grid.js";
import {OUTCOMES} from "../../src/readings/outcomes.js";
import {projectFast, riskSubject, withControl} from "../../src/risk/subject.js";

const subject = riskSubject(benchCompany, controlsOf(benchCompany));

describe("a sensitivity grid", () => {
  const x = gridAxis("rateChangeBp", -300, 600, 40);
  const y = gridAxis("growthPct", -10, 20, 40);
  const grid = sensitivityGrid(subject, x, y, "lowestCoverage");

  it("has a cell for every pair of the two inputs' values, y outer and x inner", () => {
    expect(x.values).toHaveLength(40);
    expect(x.values[0]).toBe(-300);
    expect(x.values.at(-1)).toBe(600);
    expect(grid.cells).toHaveLength(1600);
    expect(grid.cells[41]).toMatchObject({x: x.values[1], y: y.values[1]});
  });

  it("holds each cell's outcome: the projection with those two inputs moved, the rest held", () => {
    const cell = grid.cells[40 * 17 + 23]!;
    const moved = withControl(withControl(subject.controls, "rateChangeBp", cell.x), "growthPct", cell.y);
    expect(cell.value).toBe(OUTCOMES.lowestCoverage.of(projectFast(subject, moved)));
  });

  it("moves with its inputs: coverage falls as rates rise and as growth falls", () => {
    const at = (i: number, j: number) => grid.cells[j * 40 + i]!.value!;
    expect(at(0, 20)).toBeGreaterThan(at(39, 20));
    expect(at(20, 39)).toBeGreaterThan(at(20, 0));
  });

  it("agrees with the decimal path on the cells it spot-checks, to 1e-9 of the projection's scale", () => {
    const check = spotCheckGrid(subject, grid, 25);
    expect(check.checked).toBe(25);
    expect(check.maxRelativeDisagreement).toBeLessThanOrEqual(1e-9);
    expect(check.outcomeMismatches).toBe(0);
  });

  it("refuses an axis that is empty, a single step, or the same input twice", () => {
    expect(() => gridAxis("growthPct", 5, 5, 10)).toThrow(/empty/);
    expect(() => gridAxis("growthPct", 0, 5, 1)).toThrow(/steps/);
    expect(() => sensitivityGrid(subject, x, x, "cashAtEnd")).toThrow(/two different inputs/);
  });

  it("holds an axis to the input's range", () => {
    const axis = gridAxis("shareRolledPct", -50, 150, 5);
    expect(axis.values).toEqual([0, 25, 50, 75, 100]);
  });
});

describe("the boundary of a region", () => {
  // A 3 × 3 grid on 0, 1, 2 where the status holds for x + y ≥ 3: the cells (1,2), (2,1), (2,2).
  const values = [0, 1, 2];
  const grid: SensitivityGrid = {
    x: {key: "growthPct", values}, y: {key: "rateChangeBp", values}, outcome: "cashAtEnd",
    cells: values.flatMap((y) => values.map((x) => ({x, y, value: x + y, ponzi: x + y >= 3, cannotPay: false})))
  };

  it("is the edges between cells whose status differs, in the axes' units", () => {
    const segments = boundary(grid, (c) => c.ponzi);
    expect(segments).toHaveLength(4);
    expect(segments).toContainEqual({x: 0.5, x2: 0.5, y: 1.5, y2: 2.5});
    expect(segments).toContainEqual({x: 1.5, x2: 1.5, y: 0.5, y2: 1.5});
    expect(segments).toContainEqual({x: 0.5, x2: 1.5, y: 1.5, y2: 1.5});
    expect(segments).toContainEqual({x: 1.5, x2: 2.5, y: 0.5, y2: 0.5});
  });

  it("is empty where the status is the same everywhere", () => {
    expect(boundary(grid, (c) => c.cannotPay)).toEqual([]);
  });
});
