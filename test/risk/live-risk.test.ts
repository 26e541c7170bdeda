import {afterAll, describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {nodeWorkerPool} from "../../cli/risk-workers.js";
import {controlsOf} from "../../src/scenario/controls.js";
import {INPUTS} from "../../src/scenario/inputs-table.js";
import {gridAxis, sensitivityGrid} from "../../src/risk/grid.js";
import {LIVE_RISK, liveRiskRun} from "../../src/risk/live-risk.js";
import {simulate} from "../../src/risk/monte-carlo.js";
import {CancelledError} from "../../src/risk/parallel.js";
import {riskSubject} from "../../src/risk/subject.js";

// A smaller plan than the page's, to keep the test quick; the same code runs it.
const plan = {...LIVE_RISK, xSteps: 5, ySteps: 4, assumptions: {...LIVE_RISK.assumptions, paths: 600}};
const controls = {...controlsOf(benchCompany), growthPct: 4, rateChangeBp: 100};

describe("the story page's live risk", () => {
  const pool = nodeWorkerPool(2);
  afterAll(() => pool.terminate());

  it("is the grid and the simulation of the inputs as set, as one thread computes them, over the projection's own horizon", async () => {
    const live = await liveRiskRun(pool, benchCompany, controls, undefined, plan);
    const subject = riskSubject(benchCompany, controls);
    const axis = (key: "rateChangeBp" | "growthPct", steps: number) => gridAxis(key, INPUTS[key].min, INPUTS[key].max, steps);
    expect(live.grid).toEqual(sensitivityGrid(subject, axis("rateChangeBp", 5), axis("growthPct", 4), "lowestCoverage"));
    expect(live.simulation.summary).toEqual(simulate(subject, {...plan.assumptions, quarters: benchCompany.quarters}));
    expect(live.simulation.summary.quarters).toHaveLength(benchCompany.quarters);
    expect(live.controls).toBe(controls);
  });

  it("runs each axis over its slider's whole range, the inputs as set inside it", async () => {
    const live = await liveRiskRun(pool, benchCompany, controls, undefined, plan);
    expect(live.grid.x.values[0]).toBe(INPUTS.rateChangeBp.min);
    expect(live.grid.x.values.at(-1)).toBe(INPUTS.rateChangeBp.max);
    expect(live.grid.y.values[0]).toBe(INPUTS.growthPct.min);
    expect(live.grid.y.values.at(-1)).toBe(INPUTS.growthPct.max);
  });

  it("shows a first look, the grid and the run's first paths, before the whole run; the whole run is the same as without it", async () => {
    const looks: Array<Awaited<ReturnType<typeof liveRiskRun>>> = [];
    const live = await liveRiskRun(pool, benchCompany, controls, undefined, {...plan, firstLook: 150}, (early) => looks.push(early));
    const subject = riskSubject(benchCompany, controls);
    const quarters = benchCompany.quarters;
    expect(looks).toHaveLength(1);
    // The first 150 paths are the paths of a run of 150: a path depends on the seed and its index only.
    // (Its assumptions are the whole run's: 150 of its 600 paths have run.)
    const first150 = simulate(subject, {...plan.assumptions, paths: 150, quarters});
    expect(looks[0]!.simulation.summary).toEqual({...first150, assumptions: {...plan.assumptions, quarters}});
    expect(looks[0]!.simulation.summary.paths).toBe(150);
    expect(looks[0]!.plannedPaths).toBe(600);
    expect(looks[0]!.grid).toEqual(live.grid);
    expect(live.simulation.summary).toEqual(simulate(subject, {...plan.assumptions, quarters}));
    expect(live.plannedPaths).toBe(600);
  });

  it("shows no first look once cancelled, and none where the first look would be the whole run", async () => {
    const looks: unknown[] = [];
    const controller = new AbortController();
    const cancelled = liveRiskRun(pool, benchCompany, controls, controller.signal, {...plan, firstLook: 150}, (early) => looks.push(early));
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    await liveRiskRun(pool, benchCompany, controls, undefined, {...plan, firstLook: 600}, (early) => looks.push(early));
    await liveRiskRun(pool, benchCompany, controls, undefined, {...plan, firstLook: 0}, (early) => looks.push(early));
    expect(looks).toEqual([]);
  });

  it("is cancelled, grid and paths, when its signal aborts", async () => {
    const controller = new AbortController();
    const run = liveRiskRun(pool, benchCompany, controls, controller.signal, plan);
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
