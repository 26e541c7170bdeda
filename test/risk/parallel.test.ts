import {afterAll, describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {nodeWorkerPool} from "../../cli/risk-workers.js";
import {controlsOf} from "../../src/scenario/controls.js";
import {gridAxis, sensitivityGrid} from "../../src/risk/grid.js";
import {drawPath, MONTE_CARLO_DEFAULTS, monteCarloSetup, newTally, runPaths, simulate, summarise} from "../../src/risk/monte-carlo.js";
import {CancelledError, checkedPaths, gridInParallel, inPagePort, simulateInParallel, splitRange, WorkerPool, workersBesidePage, type WorkerPort} from "../../src/risk/parallel.js";
import {BASES_HELD, keptBases, RecentlyUsed, workerSide, type RiskMessage, type RiskReply} from "../../src/risk/worker-protocol.js";
import {riskSubject} from "../../src/risk/subject.js";

const subject = riskSubject(benchCompany, controlsOf(benchCompany));
const request = {base: benchCompany, controls: subject.controls, assumptions: {...MONTE_CARLO_DEFAULTS, paths: 1_300, quarters: 16, shutProbability: 0.2}, decimalChecks: 6};
const x = gridAxis("rateChangeBp", -300, 600, 9);
const y = gridAxis("growthPct", -10, 20, 7);

describe("splitting work among workers", () => {
  it("gives each worker a contiguous share, in order, the sizes differing by one at most", () => {
    // 10 paths for 3 workers: 0–2, 3–5, 6–9.
    expect(splitRange(10, 3)).toEqual([[0, 3], [3, 6], [6, 10]]);
    expect(splitRange(1_600, 2)).toEqual([[0, 800], [800, 1_600]]);
    // More workers than items: one item each, no empty share.
    expect(splitRange(2, 4)).toEqual([[0, 1], [1, 2]]);
    expect(splitRange(0, 4)).toEqual([]);
  });

  it("leaves a page that paints one core of its own, and always has a worker", () => {
    expect(workersBesidePage(2)).toBe(1);
    expect(workersBesidePage(8)).toBe(7);
    // One core, or a browser that does not say (0, NaN): one worker, sharing the core.
    expect(workersBesidePage(1)).toBe(1);
    expect(workersBesidePage(0)).toBe(1);
    expect(workersBesidePage(Number.NaN)).toBe(1);
  });

  it("rechecks in decimal paths spread over the whole run, whoever runs them", () => {
    expect(checkedPaths(1_000, 4)).toEqual([0, 250, 500, 750]);
    expect(checkedPaths(3, 20)).toEqual([0, 1, 2]);
  });

  it("draws a path from the seed and its index only: the same wherever it runs and however many paths the run has", () => {
    const draws = (paths: number, seed: number, index: number) => {
      const setup = monteCarloSetup(subject, {...request.assumptions, paths, seed});
      const growth = new Float64Array(16), rates = new Float64Array(16), shut = new Uint8Array(16);
      drawPath(setup, index, growth, rates, shut, 0);
      return [growth, rates, shut];
    };
    expect(draws(1_300, 7, 651)).toEqual(draws(652, 7, 651));
    expect(draws(1_300, 7, 651)).not.toEqual(draws(1_300, 8, 651));
    expect(draws(1_300, 7, 651)).not.toEqual(draws(1_300, 7, 650));
  });
});

describe("the Monte Carlo on workers", () => {
  const oneThread = simulate(subject, request.assumptions);

  it("is the same on 1 worker thread and on 3, and the same as on one thread in the process", async () => {
    const pools = [nodeWorkerPool(1), nodeWorkerPool(3)];
    try {
      const [one, three] = await Promise.all(pools.map((pool) => simulateInParallel(pool, request)));
      expect(one!.summary).toEqual(oneThread);
      expect(three!.summary).toEqual(oneThread);
      // The decimal rechecks too: the same 6 paths, whichever worker holds them.
      expect(three!.check).toEqual(one!.check);
      expect(one!.check.checked).toBe(6);
      expect(one!.check.maxRelativeDisagreement).toBeLessThanOrEqual(1e-9);
    } finally {
      for (const pool of pools) pool.terminate();
    }
  });

  it("is the same on the page's own port, split any way, and reports progress up to every path", async () => {
    const seen: number[] = [];
    const result = await simulateInParallel(new WorkerPool([inPagePort(), inPagePort(), inPagePort(), inPagePort()]), request, (done) => seen.push(done));
    expect(result.summary).toEqual(oneThread);
    expect(seen.at(-1)).toBe(1_300);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe("a simulation's bands, selected on the workers", () => {
  /** Ports answering in this process, each request's kind recorded as it is sent. */
  const recordingPool = (count: number) => {
    const sent: string[][] = Array.from({length: count}, () => []);
    const ports = sent.map((kinds): WorkerPort => {
      const port = inPagePort();
      return {...port, post: (message) => { kinds.push(message.kind); port.post(message); }};
    });
    return {pool: new WorkerPool(ports), sent};
  };

  it("are selected a share of the runs a worker where there are several, and where there is one, by the thread that summarises; the same either way", async () => {
    const oneThread = simulate(subject, request.assumptions);
    const two = recordingPool(2), one = recordingPool(1);
    expect((await simulateInParallel(two.pool, request)).summary).toEqual(oneThread);
    expect((await simulateInParallel(one.pool, request)).summary).toEqual(oneThread);
    // The cash's and the debt's 16 quarters: 32 runs, 16 to each of two workers.
    expect(two.sent.map((kinds) => kinds.filter((kind) => kind === "quantiles").length)).toEqual([1, 1]);
    expect(one.sent[0]).not.toContain("quantiles");
  });

  it("answers a request for the quantiles of runs laid end to end, run after run, as each run's own", () => {
    const runs = [[5, 1, 4, 2, 3], [10, 10, 10, 10, 10], [-1, 7, 0, 3, 2]];
    const posted: RiskReply[] = [];
    workerSide((reply) => posted.push(reply))({kind: "quantiles", id: 4, values: Float64Array.from(runs.flat()), runs: 3, qs: [0, 0.25, 0.5, 1]});
    expect(posted).toEqual([{kind: "quantiles", id: 4, quantiles: Float64Array.from([1, 2, 3, 5, 10, 10, 10, 10, -1, 0, 2, 7])}]);
  });

  it("answers runs of unequal length with an error, and refuses to summarise with too few quantiles", async () => {
    const posted: RiskReply[] = [];
    const receive = workerSide((reply) => posted.push(reply));
    receive({kind: "quantiles", id: 5, values: new Float64Array(7), runs: 2, qs: [0.5]});
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toEqual({kind: "error", id: 5, message: "7 values are not 2 runs of equal length"});
    const setup = monteCarloSetup(subject, request.assumptions);
    const tally = newTally(setup);
    runPaths(setup, tally, 0, 10);
    expect(() => summarise(setup, tally, {selected: [[1, 2, 3, 4, 5]]})).toThrow(/for 1 runs, not 5 for each of 32/);
  });
});

describe("the grid on workers", () => {
  const oneThread = sensitivityGrid(subject, x, y, "quartersUntilCannotPay");
  const pools = [nodeWorkerPool(1), nodeWorkerPool(3)];
  afterAll(() => { for (const pool of pools) pool.terminate(); });

  it("is the same on 1 worker thread and on 3, cell for cell, as on one thread in the process", async () => {
    const [one, three] = await Promise.all(pools.map((pool) => gridInParallel(pool, subject, x, y, "quartersUntilCannotPay")));
    expect(one).toEqual(oneThread);
    expect(three).toEqual(oneThread);
    expect(three!.cells).toHaveLength(63);
  });

  it("refuses the same input twice before asking any worker", async () => {
    await expect(gridInParallel(pools[0]!, subject, x, x, "cashAtEnd")).rejects.toThrow(/two different inputs/);
  });
});

describe("a worker's copies of the base", () => {
  it("answers a base with the same content as the first copy it kept, so the parse made for it is reused; a different base is its own", () => {
    const kept = keptBases(2);
    const first = structuredClone(benchCompany);
    expect(kept(first)).toBe(first);
    expect(kept(structuredClone(benchCompany))).toBe(first);
    const other = {...structuredClone(benchCompany), openingCash: benchCompany.openingCash + 1};
    expect(kept(other)).toBe(other);
  });

  it("keeps only the few bases used last", () => {
    const kept = keptBases(2);
    const bases = [1, 2, 3].map((k) => ({...structuredClone(benchCompany), openingCash: k}));
    for (const base of bases) kept(base);
    // The first was the oldest of three: a copy of it is now taken as new.
    const again = structuredClone(bases[0]!);
    expect(kept(again)).toBe(again);
    expect(kept(structuredClone(bases[2]!))).toBe(bases[2]);
  });
});

describe("a pool whose workers fail or are stopped", () => {
  const silent = (): WorkerPort & {fail: (message: string) => void} => {
    let failure: (message: string) => void = () => undefined;
    return {post: () => undefined, onReply: () => undefined, onFailure: (handler) => { failure = handler; }, terminate: () => undefined, fail: (message) => failure(message)};
  };

  it("rejects what was asked with the failure, and everything asked after", async () => {
    const port = silent();
    const pool = new WorkerPool([port]);
    const asked = gridInParallel(pool, subject, x, y, "cashAtEnd");
    port.fail("the worker failed: it could not start");
    await expect(asked).rejects.toThrow(/could not start/);
    await expect(gridInParallel(pool, subject, x, y, "cashAtEnd")).rejects.toThrow(/could not start/);
  });

  it("rejects what was asked as cancelled when it is terminated", async () => {
    const pool = new WorkerPool([silent()]);
    const asked = simulateInParallel(pool, request);
    pool.terminate();
    await expect(asked).rejects.toThrow(/cancelled/);
  });
});

describe("cancelling a request that a newer one replaced", () => {
  it("rejects it as cancelled at once, tells the worker, and leaves the pool serving the next request as before", async () => {
    const pool = nodeWorkerPool(2);
    try {
      const controller = new AbortController();
      const replaced = simulateInParallel(pool, request, undefined, controller.signal);
      controller.abort();
      await expect(replaced).rejects.toBeInstanceOf(CancelledError);
      const next = await simulateInParallel(pool, request, undefined, new AbortController().signal);
      expect(next.summary).toEqual(simulate(subject, request.assumptions));
    } finally {
      pool.terminate();
    }
  });

  it("stops a worker's cancellable request at its next chunk: nothing more is posted for it", async () => {
    const posted: RiskReply[] = [];
    const receive = workerSide((reply) => posted.push(reply));
    // 1,300 paths in chunks of 500: three chunks, with a yield to the worker's messages between them.
    receive({kind: "paths", id: 7, base: benchCompany, controls: subject.controls, assumptions: request.assumptions, from: 0, to: 1_300, checks: [], cancellable: true});
    receive({kind: "cancel", id: 7});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posted.map((reply) => reply.kind)).toEqual(["progress"]);
    // Not cancelled: it runs to its answer.
    receive({kind: "paths", id: 8, base: benchCompany, controls: subject.controls, assumptions: request.assumptions, from: 0, to: 1_300, checks: [], cancellable: true});
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posted.filter((reply) => reply.id === 8).map((reply) => reply.kind)).toEqual(["progress", "progress", "progress", "paths"]);
  });

  it("answers a worker's requests one at a time, in the order they came, though each yields between its chunks", async () => {
    const posted: RiskReply[] = [];
    const receive = workerSide((reply) => posted.push(reply));
    for (const id of [1, 2]) receive({kind: "paths", id, base: benchCompany, controls: subject.controls, assumptions: request.assumptions, from: 0, to: 1_300, checks: [], cancellable: true});
    await expect.poll(() => posted.length, {timeout: 10_000}).toBe(8);
    expect(posted.map((reply) => `${reply.kind} ${reply.id}`)).toEqual(["progress 1", "progress 1", "progress 1", "paths 1", "progress 2", "progress 2", "progress 2", "paths 2"]);
  });

  it("sends each worker a base once and names it by number after, until the worker may have let it go", async () => {
    // Two workers answering in this process, each message recorded as it is sent.
    const sent: RiskMessage[][] = [[], []];
    const ports = sent.map((messages): WorkerPort => {
      const port = inPagePort();
      return {...port, post: (message) => { messages.push(message); port.post(message); }};
    });
    const pool = new WorkerPool(ports);
    const bases = Array.from({length: BASES_HELD + 1}, () => structuredClone(benchCompany));
    const kinds = () => sent.map((messages) => messages.map((message) => message.kind === "base" ? `base ${message.ref}` : "baseRef" in message ? `${message.kind} ${message.baseRef}` : `${message.kind} whole`));
    const first = await gridInParallel(pool, {base: bases[0]!, controls: subject.controls}, x, y, "cashAtEnd");
    const again = await gridInParallel(pool, {base: bases[0]!, controls: subject.controls}, x, y, "cashAtEnd");
    expect(again).toEqual(first);
    expect(kinds()).toEqual([["base 1", "cells 1", "cells 1"], ["base 1", "cells 1", "cells 1"]]);
    // The same figures as a grid computed here from the base whole.
    expect(first.cells).toEqual(sensitivityGrid(subject, x, y, "cashAtEnd").cells);
    // Four other bases push the first out of what a worker holds: it is sent again.
    for (const base of bases.slice(1)) await gridInParallel(pool, {base, controls: subject.controls}, x, y, "cashAtEnd");
    await gridInParallel(pool, {base: bases[0]!, controls: subject.controls}, x, y, "cashAtEnd");
    expect(kinds()[0]!.slice(-2)).toEqual(["base 1", "cells 1"]);
    expect(kinds()[0]!.filter((kind) => kind.startsWith("base"))).toHaveLength(BASES_HELD + 2);
    pool.terminate();
  });

  it("answers a request naming a base it does not hold with an error, not a guess", async () => {
    const posted: RiskReply[] = [];
    const receive = workerSide((reply) => posted.push(reply));
    receive({kind: "cells", id: 1, baseRef: 3, controls: subject.controls, x, y, outcome: "cashAtEnd", from: 0, to: 4});
    expect(posted).toEqual([{kind: "error", id: 1, message: "the worker does not hold base 3"}]);
  });

  it("keeps the entries used last, a read counting as a use", () => {
    const recent = new RecentlyUsed<number, string>(2);
    recent.set(1, "a");
    recent.set(2, "b");
    expect(recent.get(1)).toBe("a");
    recent.set(3, "c");
    // 2 was used longest ago.
    expect([recent.has(1), recent.has(2), recent.has(3)]).toEqual([true, false, true]);
  });

  it("drops a cancel for a request already answered", async () => {
    const posted: RiskReply[] = [];
    const receive = workerSide((reply) => posted.push(reply));
    receive({kind: "cells", id: 1, base: benchCompany, controls: subject.controls, x, y, outcome: "cashAtEnd", from: 0, to: 4, cancellable: true});
    receive({kind: "cancel", id: 1});
    receive({kind: "cells", id: 2, base: benchCompany, controls: subject.controls, x, y, outcome: "cashAtEnd", from: 0, to: 4, cancellable: true});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posted.map((reply) => [reply.kind, reply.id])).toEqual([["cells", 1], ["cells", 2]]);
  });
});
