import {describe, expect, it} from "vitest";
import {MONTE_CARLO_DEFAULTS, monteCarloSetup, pathInput} from "../../../src/risk/monte-carlo.js";
import {riskSubject} from "../../../src/risk/subject.js";
import {controlsOf} from "../../../src/scenario/controls.js";
import {FIRST_LOOK_PATHS, firstLookRequest, shownText} from "../../../src/views/widgets/simulation-panel.js";
import {workersFor} from "../../../src/risk/parallel.js";
import {benchCompany} from "../../../bench/company.js";

const request = {base: benchCompany, controls: controlsOf(benchCompany), assumptions: MONTE_CARLO_DEFAULTS, decimalChecks: 20};

describe("the Monte Carlo's first look", () => {
  it("is the reader's request cut to 500 paths and 5 decimal rechecks, the seed and the rest unchanged", () => {
    const first = firstLookRequest(request);
    expect(FIRST_LOOK_PATHS).toBe(500);
    expect(first.assumptions).toEqual({...MONTE_CARLO_DEFAULTS, paths: 500});
    expect(first.decimalChecks).toBe(5);
    expect(first.base).toBe(request.base);
  });

  it("is the full run itself when the reader asks for no more paths than that", () => {
    const small = {...request, assumptions: {...MONTE_CARLO_DEFAULTS, paths: 300}};
    expect(firstLookRequest(small)).toBe(small);
  });

  it("draws the full run's first paths: a path's draws depend on the seed and its index, not on the number of paths", () => {
    const subject = riskSubject(benchCompany, controlsOf(benchCompany));
    const look = monteCarloSetup(subject, {...MONTE_CARLO_DEFAULTS, paths: 20, quarters: 8});
    const full = monteCarloSetup(subject, {...MONTE_CARLO_DEFAULTS, paths: 40, quarters: 8});
    for (const index of [0, 7, 19]) expect(pathInput(look, index)).toEqual(pathInput(full, index));
    // …and two paths differ, so the comparison can fail.
    expect(pathInput(full, 0)).not.toEqual(pathInput(full, 1));
  });
});

describe("what the panel says is shown", () => {
  const summary = {paths: 500} as never;
  it("names a first look and the full run it stands for", () => {
    expect(shownText({summary, ms: 812.4, workers: 1, run: "first look", fullPaths: 10000}))
      .toBe("500 paths shown (812 ms, in a Web Worker): a first look; run 10,000 for the full picture.");
  });

  it("names how many workers shared a run", () => {
    expect(shownText({summary: {paths: 10000} as never, ms: 1234, workers: 4, run: "full", fullPaths: 10000}))
      .toBe("10,000 paths shown (1234 ms, in 4 Web Workers): the full run.");
  });

  it("names the full run, and where it ran when no worker could start", () => {
    expect(shownText({summary: {paths: 10000} as never, ms: 4000, workers: 0, run: "full", fullPaths: 10000}))
      .toBe("10,000 paths shown (4000 ms, on the page: this copy cannot start workers): the full run.");
  });
});

describe("the workers a run takes", () => {
  it("is one a core, but no more than its chunks of 500 paths, and at least one", () => {
    // 10,000 paths are 20 chunks: every one of 8 cores works; the first look's 500 paths are one chunk, one worker.
    expect(workersFor(10_000, 8)).toBe(8);
    expect(workersFor(500, 8)).toBe(1);
    expect(workersFor(1_200, 8)).toBe(3);
    expect(workersFor(10_000, 0)).toBe(1);
  });
});
