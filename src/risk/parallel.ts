import type {ModelInputDraft} from "../model/index.js";
import type {OutcomeKey} from "../readings/outcomes.js";
import type {Controls} from "../scenario/controls.js";
import {checkAxes, type GridAxis, type SensitivityGrid} from "./grid.js";
import {BAND_QUANTILES, mergeTally, monteCarloSetup, newTally, summarise, summaryRuns, type MonteCarloAssumptions, type MonteCarloSetup, type MonteCarloSummary, type MonteCarloTally} from "./monte-carlo.js";
import {riskSubject, type RiskSubject} from "./subject.js";
import {BASES_HELD, CHUNK, handedOver, RecentlyUsed, workerSide, type RiskMessage, type RiskReply, type RiskRequest} from "./worker-protocol.js";

/**
 * The grid and the Monte Carlo split among workers: in a page as many Web Workers as
 * `navigator.hardwareConcurrency`, in the CLI as many worker threads as Node's
 * `availableParallelism()`. Each worker takes a contiguous share (cells row by row, paths by
 * index) and the shares are put back in order. A cell's figures depend on its two inputs
 * only and a path's on the seed and its index only, and the counts merged are whole numbers:
 * the result is the same whatever the number of workers (test/risk/parallel.test.ts).
 */

/** A worker as the coordinator sees it: a Web Worker, a Node worker thread, or the same code in-process. */
export interface WorkerPort {
  post(message: RiskMessage): void;
  /** Replies, in the order the worker sends them. */
  onReply(handler: (reply: RiskReply) => void): void;
  /** The worker could not start or died. */
  onFailure(handler: (message: string) => void): void;
  terminate(): void;
}

/**
 * Workers for a run of `paths` paths: one a core, but no more than there are chunks of paths
 * to share, since each worker costs its start.
 */
export function workersFor(paths: number, cores: number): number {
  return Math.max(1, Math.min(Math.floor(cores) || 1, Math.ceil(paths / CHUNK)));
}

/** [from, to) shares of `total` items for `parts` workers, in order, their sizes differing by one at most; no empty share. */
export function splitRange(total: number, parts: number): Array<readonly [number, number]> {
  const count = Math.max(1, Math.min(Math.floor(parts), total));
  return Array.from({length: total > 0 ? count : 0}, (_, k) => [Math.floor((k * total) / count), Math.floor(((k + 1) * total) / count)] as const);
}

/** A request given up because a newer one replaced it: not a failure, nothing to show. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled: a newer request replaced it");
    this.name = "CancelledError";
  }
}

type Pending = {readonly resolve: (reply: RiskReply) => void; readonly reject: (error: Error) => void; readonly progress?: (done: number) => void};
type Body = RiskRequest extends infer R ? (R extends RiskRequest ? Omit<R, "id"> : never) : never;

/** Workers that answer requests by id; a pool may serve many runs. */
export class WorkerPool {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: string | null = null;
  // Each base object's number, and the numbers each worker holds (as the worker's own
  // `RecentlyUsed` does, over the same messages): a base is sent to a worker once, not with
  // every request.
  private readonly baseRefs = new WeakMap<ModelInputDraft, number>();
  private nextBaseRef = 1;
  private readonly held: ReadonlyArray<RecentlyUsed<number, true>>;

  /** `onPage`: its one port is the page itself (`inPagePort`), where no worker could start. */
  constructor(private readonly ports: readonly WorkerPort[], readonly options: {readonly onPage?: boolean} = {}) {
    if (ports.length === 0) throw new RangeError("a pool needs at least one worker");
    this.held = ports.map(() => new RecentlyUsed<number, true>(BASES_HELD));
    for (const port of ports) {
      port.onReply((reply) => this.receive(reply));
      port.onFailure((message) => this.fail(message));
    }
  }

  get size(): number {
    return this.ports.length;
  }

  /** Web Workers or threads answering, 0 where the page answers itself. */
  get workers(): number {
    return this.options.onPage ? 0 : this.ports.length;
  }

  /**
   * Asks worker `index`; progress replies go to `progress`, the answer (or an error) settles
   * the promise. When `signal` aborts, the promise is rejected with a `CancelledError` at
   * once and the worker is told, so that it stops at its next chunk (the request is sent
   * as cancellable).
   */
  ask(index: number, body: Body, progress?: (done: number) => void, signal?: AbortSignal): Promise<RiskReply> {
    if (this.failure !== null) return Promise.reject(new Error(this.failure));
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const id = this.nextId++;
    const port = this.ports[index]!;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        port.post({kind: "cancel", id});
        reject(new CancelledError());
      };
      const settle = <T>(then: (value: T) => void) => (value: T) => { signal?.removeEventListener("abort", onAbort); then(value); };
      this.pending.set(id, {resolve: settle(resolve), reject: settle(reject), ...(progress ? {progress} : {})});
      signal?.addEventListener("abort", onAbort, {once: true});
      const cancellable = signal ? {cancellable: true} : {};
      if (body.kind === "quantiles") {
        port.post({...body, id, ...cancellable});
      } else {
        const {base, ...fields} = body;
        port.post({...fields, id, baseRef: this.baseSentTo(index, base), ...cancellable} as RiskMessage);
      }
    });
  }

  /** The base's number, sent to worker `index` first unless it holds it. */
  private baseSentTo(index: number, base: ModelInputDraft): number {
    let ref = this.baseRefs.get(base);
    if (ref === undefined) this.baseRefs.set(base, (ref = this.nextBaseRef++));
    const held = this.held[index]!;
    if (held.get(ref) === undefined) {
      this.ports[index]!.post({kind: "base", ref, base});
      held.set(ref, true);
    }
    return ref;
  }

  /** Stops every worker at once; what was asked is rejected. */
  terminate(): void {
    for (const port of this.ports) port.terminate();
    this.fail("cancelled");
  }

  private receive(reply: RiskReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.kind === "progress") { waiting.progress?.(reply.done); return; }
    this.pending.delete(reply.id);
    if (reply.kind === "error") waiting.reject(new Error(reply.message));
    else waiting.resolve(reply);
  }

  private fail(message: string): void {
    this.failure ??= message;
    for (const waiting of this.pending.values()) waiting.reject(new Error(message));
    this.pending.clear();
  }
}

/** The grid's cells split among the pool's workers, row by row, and put back in order. */
export async function gridInParallel(pool: WorkerPool, subject: RiskSubject, x: GridAxis, y: GridAxis, outcome: OutcomeKey, signal?: AbortSignal): Promise<SensitivityGrid> {
  checkAxes(x, y);
  const {base, controls} = subject;
  const shares = splitRange(x.values.length * y.values.length, pool.size);
  const replies = await Promise.all(shares.map(([from, to], w) => pool.ask(w, {kind: "cells", base, controls, x, y, outcome, from, to}, undefined, signal)));
  return {x, y, outcome, cells: replies.flatMap((reply) => (reply.kind === "cells" ? reply.cells : []))};
}

/** What a page or the CLI asks of a simulation. */
export interface SimulationRequest {
  readonly base: ModelInputDraft;
  readonly controls: Controls;
  readonly assumptions: MonteCarloAssumptions;
  /** Paths reprojected in decimal at the end, to check the float path. */
  readonly decimalChecks: number;
}

export interface SimulationResult {
  readonly summary: MonteCarloSummary;
  readonly check: {readonly checked: number; readonly maxRelativeDisagreement: number};
  readonly ms: number;
}

/** The paths rechecked in decimal: `count` spread evenly over the run. */
export function checkedPaths(total: number, count: number): number[] {
  const n = Math.min(count, total);
  return Array.from({length: n}, (_, k) => Math.floor((k * total) / n));
}

/**
 * The simulation's paths split among the pool's workers; `progress` hears the paths done
 * so far. Each worker rechecks in decimal the checked paths in its share.
 */
export async function simulateInParallel(pool: WorkerPool, request: SimulationRequest, progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<SimulationResult> {
  const started = performance.now();
  const total = request.assumptions.paths;
  const {setup, tally, check} = await tallyInParallel(pool, request, 0, total, progress, signal);
  // With one worker the selection stays here: the worker would take as long, and a copy more.
  const selected = pool.size > 1 ? await quantilesInParallel(pool, summaryRuns(tally), BAND_QUANTILES, signal) : undefined;
  return {summary: summarise(setup, tally, {consume: true, selected}), check, ms: performance.now() - started};
}

/**
 * The `qs` quantiles of each run, the runs split among the pool's workers (each sent a copy
 * of its share): what summarising a simulation leaves to do once its paths have run. On one
 * thread the selection was about a ninth of a 10,000-path run with two workers (about 20 ms
 * of 150), done after the workers had finished; now each core does a share of it.
 */
export async function quantilesInParallel(pool: WorkerPool, runs: readonly Float64Array[], qs: readonly number[], signal?: AbortSignal): Promise<Float64Array[]> {
  const length = runs[0]?.length ?? 0;
  if (runs.some((run) => run.length !== length)) throw new RangeError("the runs are not all of one length");
  const shares = splitRange(runs.length, pool.size).filter(([a, b]) => b > a);
  const replies = await Promise.all(shares.map(([a, b], w) => {
    const values = new Float64Array((b - a) * length);
    for (let r = a; r < b; r++) values.set(runs[r]!, (r - a) * length);
    return pool.ask(w, {kind: "quantiles", values, runs: b - a, qs}, undefined, signal);
  }));
  return replies.flatMap((reply) => {
    if (reply.kind !== "quantiles") return [];
    return Array.from({length: reply.quantiles.length / qs.length}, (_, r) => reply.quantiles.subarray(r * qs.length, (r + 1) * qs.length));
  });
}

/** Paths `from` to `to` of a run, tallied: a share of its paths that can be summarised or merged with the rest. */
export interface PathsTallied {
  readonly setup: MonteCarloSetup;
  readonly tally: MonteCarloTally;
  readonly check: {readonly checked: number; readonly maxRelativeDisagreement: number};
}

/**
 * Paths [from, to) of the run split among the pool's workers and their tallies merged, in
 * order; the decimal checks among them rechecked by whoever runs them. Made once the workers
 * have answered, not before asking them: on the story page this is called from the input's
 * handler, whose frame should only post.
 */
export async function tallyInParallel(pool: WorkerPool, request: SimulationRequest, from: number, to: number, progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<PathsTallied> {
  const {base, controls, assumptions} = request;
  const total = to - from;
  const checks = checkedPaths(assumptions.paths, request.decimalChecks).filter((i) => i >= from && i < to);
  const done = new Array<number>(pool.size).fill(0);
  const replies = await Promise.all(splitRange(total, pool.size).map(([a, b], w) => pool.ask(
    w,
    {kind: "paths", base, controls, assumptions, from: from + a, to: from + b, checks: checks.filter((i) => i >= from + a && i < from + b)},
    (count) => { done[w] = count; progress?.(done.reduce((x, y) => x + y, 0), total); },
    signal
  )));
  const setup = monteCarloSetup(riskSubject(base, controls), assumptions);
  return joinShares(setup, from, total, replies.flatMap((reply) => (reply.kind === "paths" ? [reply] : [])));
}

/** Shares of a run's paths, in order, as one tally of `width` paths from `from`: their figures in place, their counts and checks added. */
export function joinShares(setup: MonteCarloSetup, from: number, width: number, shares: ReadonlyArray<Pick<PathsTallied, "tally" | "check">>): PathsTallied {
  const tally = newTally(setup, from, width);
  let checked = 0, worst = 0;
  for (const share of shares) {
    mergeTally(tally, share.tally);
    checked += share.check.checked;
    worst = Math.max(worst, share.check.maxRelativeDisagreement);
  }
  return {setup, tally, check: {checked, maxRelativeDisagreement: worst}};
}

/**
 * A worker that is the page itself, where none can start (a report opened from disk): it
 * answers after the current task, yielding to the page between chunks of paths.
 */
export function inPagePort(): WorkerPort {
  let handler: (reply: RiskReply) => void = () => undefined;
  let stopped = false;
  const receive = workerSide((reply) => { if (!stopped) handler(reply); }, {onPage: true, stopped: () => stopped});
  return {
    post: receive,
    onReply: (h) => { handler = h; },
    onFailure: () => undefined,
    terminate: () => { stopped = true; }
  };
}

/** A pool whose one worker is the page itself: where no worker can start, or the workers died. */
export function onPagePool(): WorkerPool {
  return new WorkerPool([inPagePort()], {onPage: true});
}

/** A Web Worker as a port: what the page hands the pool. */
export function webWorkerPort(worker: Worker): WorkerPort {
  return {
    post: (request) => worker.postMessage(request, {transfer: handedOver(request)}),
    onReply: (handler) => { worker.onmessage = (event: MessageEvent<RiskReply>) => handler(event.data); },
    onFailure: (handler) => { worker.onerror = (event) => { event.preventDefault(); handler(`the worker failed: ${event.message || "it could not start"}`); }; },
    terminate: () => worker.terminate()
  };
}

/**
 * Workers for a page that paints while they run (the story page's live risk): one a core
 * but one, left to the page's own thread, and at least one. Measured on the story page on a
 * two-core machine, in alternating runs: with two workers a slider's main charts took two
 * frames at the median (32 ms) and four or five at the 95th percentile (66–82 ms), the page's
 * thread sharing both cores with the workers; with one worker, one frame (16 ms) and two
 * (32–49 ms). The live risk's full 2,000 paths took longer (median 190–199 ms against
 * 133–181), its first look of 500 paths no longer (99 ms against 83–116).
 */
export function workersBesidePage(cores: number): number {
  return Math.max(1, (Math.floor(cores) || 1) - 1);
}

/**
 * The page's pool: as many Web Workers as the machine has cores (or `count`), or the page
 * itself where none can start.
 */
export function pagePool(createWorker: () => Worker, count = navigator.hardwareConcurrency || 1): WorkerPool {
  const ports: WorkerPort[] = [];
  try {
    for (let k = 0; k < count; k++) ports.push(webWorkerPort(createWorker()));
  } catch {
    for (const port of ports) port.terminate();
    return onPagePool();
  }
  return new WorkerPool(ports);
}
