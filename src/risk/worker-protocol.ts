import type {ModelInputDraft} from "../model/index.js";
import type {OutcomeKey} from "../readings/outcomes.js";
import type {Controls} from "../scenario/controls.js";
import {gridCells, type GridAxis, type GridCell} from "./grid.js";
import {checkPaths, monteCarloSetup, newTally, quantiles, runPaths, type MonteCarloAssumptions, type MonteCarloTally} from "./monte-carlo.js";
import {riskSubject} from "./subject.js";

/**
 * What a risk worker is asked and what it answers: a share of a grid's cells, a share of a
 * simulation's paths, or the quantiles of a share of a simulation's runs (`values` holds
 * `runs` runs of equal length one after another; the answer, each run's `qs` in turn). The
 * same code answers in a Web Worker (risk.worker.ts), in a Node worker thread
 * (cli/risk-worker.ts) and in the page itself where no worker can start.
 */
export type RiskRequest =
  | {readonly kind: "cells"; readonly id: number; readonly base: ModelInputDraft; readonly controls: Controls; readonly x: GridAxis; readonly y: GridAxis; readonly outcome: OutcomeKey; readonly from: number; readonly to: number; readonly cancellable?: boolean}
  | {readonly kind: "paths"; readonly id: number; readonly base: ModelInputDraft; readonly controls: Controls; readonly assumptions: MonteCarloAssumptions; readonly from: number; readonly to: number; readonly checks: readonly number[]; readonly cancellable?: boolean}
  | {readonly kind: "quantiles"; readonly id: number; readonly values: Float64Array; readonly runs: number; readonly qs: readonly number[]; readonly cancellable?: boolean};

/** The requests that name a company: a grid's cells and a simulation's paths. */
type RequestWithBase = Extract<RiskRequest, {readonly base: ModelInputDraft}>;

/**
 * A base sent to a worker once, to be named by `ref` in the requests after it. Copying the
 * whole base into each of a move's six requests (a grid share and two path shares for each
 * of two workers) took about 4 ms of the story page's frame; a number costs nothing.
 */
export type BaseMessage = {readonly kind: "base"; readonly ref: number; readonly base: ModelInputDraft};

/** A request whose base was sent before it (`BaseMessage`), named by its number. */
export type RequestByRef = RequestWithBase extends infer R ? (R extends RequestWithBase ? Omit<R, "base"> & {readonly baseRef: number} : never) : never;

/**
 * What a worker is sent: a request (its base whole or named), a base for the requests after
 * it, or word that request `id` is no longer wanted (the reader moved an input again). A
 * cancellable request yields to the worker's messages between chunks of paths, so the word
 * lands; the others run straight through, since a yield costs a timer's clamp each time.
 */
export type RiskMessage = RiskRequest | RequestByRef | BaseMessage | {readonly kind: "cancel"; readonly id: number};

/**
 * The buffers a message hands over rather than copies: a share of paths' figures going back,
 * the runs sent for their quantiles going out. The sender never reads them again.
 */
export function handedOver(message: RiskMessage | RiskReply): ArrayBuffer[] {
  if (message.kind === "paths" && "tally" in message) return [message.tally.cash.buffer as ArrayBuffer, message.tally.debt.buffer as ArrayBuffer];
  if (message.kind === "quantiles" && "values" in message) return [message.values.buffer as ArrayBuffer];
  return [];
}

/** Bases a worker holds by number: the last few sent. The pool mirrors it to know what each worker holds. */
export const BASES_HELD = 4;

/**
 * The `limit` entries used last, by key: a read counts as a use, and the one used longest
 * ago goes first. A worker and the pool that sends to it each keep one over the same
 * messages in the same order, so they agree on what the worker holds.
 */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }
}

export type RiskReply =
  | {readonly kind: "cells"; readonly id: number; readonly cells: GridCell[]}
  | {readonly kind: "progress"; readonly id: number; readonly done: number}
  | {readonly kind: "paths"; readonly id: number; readonly tally: MonteCarloTally; readonly check: {readonly checked: number; readonly maxRelativeDisagreement: number}}
  | {readonly kind: "quantiles"; readonly id: number; readonly quantiles: Float64Array}
  | {readonly kind: "error"; readonly id: number; readonly message: string};

/** Paths per chunk: progress moves several times a second, and a batch this wide runs at full speed. */
export const CHUNK = 500;

/**
 * Answers one request, posting progress between chunks of paths. `pause` runs between
 * chunks: nothing in a worker, a yield to the page where it runs there (so the page stays
 * responsive and a cancel can land); `cancelled` is read after it.
 */
export async function answer(request: RiskRequest, post: (reply: RiskReply) => void, pause: () => Promise<void> | void = () => undefined, cancelled: () => boolean = () => false): Promise<void> {
  try {
    // Cancelled while it waited its turn behind the request before it.
    if (cancelled()) return;
    if (request.kind === "quantiles") {
      post({kind: "quantiles", id: request.id, quantiles: runQuantiles(request.values, request.runs, request.qs)});
      return;
    }
    const subject = riskSubject(request.base, request.controls);
    if (request.kind === "cells") {
      post({kind: "cells", id: request.id, cells: gridCells(subject, request.x, request.y, request.outcome, request.from, request.to)});
      return;
    }
    const setup = monteCarloSetup(subject, request.assumptions);
    const tally = newTally(setup, request.from, request.to - request.from);
    for (let from = request.from; from < request.to; from += CHUNK) {
      runPaths(setup, tally, from, Math.min(request.to, from + CHUNK));
      post({kind: "progress", id: request.id, done: tally.done});
      // After the last chunk the answer follows at once: no pause (a timer, clamped to 4 ms
      // once nested, which the live risk's first look would wait for).
      if (from + CHUNK >= request.to) break;
      await pause();
      if (cancelled()) return;
    }
    post({kind: "paths", id: request.id, tally, check: checkPaths(setup, request.checks)});
  } catch (error) {
    post({kind: "error", id: request.id, message: error instanceof Error ? error.message : String(error)});
  }
}

/** The `qs` quantiles of each of `runs` runs of equal length laid end to end in `values` (reordered), run after run. */
export function runQuantiles(values: Float64Array, runs: number, qs: readonly number[]): Float64Array {
  if (!Number.isInteger(runs) || runs < 1 || values.length % runs !== 0 || values.length === 0) {
    throw new RangeError(`${values.length} values are not ${runs} runs of equal length`);
  }
  const n = values.length / runs;
  const out = new Float64Array(runs * qs.length);
  for (let r = 0; r < runs; r++) out.set(quantiles(values.subarray(r * n, (r + 1) * n), qs), r * qs.length);
  return out;
}

/**
 * A worker's side of the protocol, for a Web Worker, a Node worker thread and the page itself
 * (`inPagePort`) alike: each message a request to answer or a cancel to note. A cancelled
 * request stops at its next chunk and posts nothing more; the coordinator has already let it
 * go. On the page (`onPage`), every request first waits for the page's own work and yields to
 * it between chunks, and `stopped` (the pool terminated) ends every request.
 */
export function workerSide(post: (reply: RiskReply) => void, {onPage = false, stopped = () => false}: {onPage?: boolean; stopped?: () => boolean} = {}): (message: RiskMessage) => void {
  // Requests being answered, and those of them cancelled (a cancel for a request already
  // answered is dropped).
  const running = new Set<number>();
  const cancelled = new Set<number>();
  // A timer, not a microtask: pending messages (a cancel, say) and the page's work come first.
  const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const kept = keptBases();
  const held = new RecentlyUsed<number, ModelInputDraft>(BASES_HELD);
  let queue: Promise<void> = Promise.resolve(), busy = 0;
  return (received) => {
    if (received.kind === "cancel") {
      if (running.has(received.id)) cancelled.add(received.id);
      return;
    }
    if (received.kind === "base") {
      held.set(received.ref, kept(received.base));
      return;
    }
    if ("baseRef" in received && !held.has(received.baseRef)) {
      // The pool sends a base again once the worker may have let it go; this is a sender's bug.
      post({kind: "error", id: received.id, message: `the worker does not hold base ${received.baseRef}`});
      return;
    }
    let message: RiskRequest;
    if (received.kind === "quantiles") {
      message = received;
    } else {
      const base = "baseRef" in received ? held.get(received.baseRef)! : kept(received.base);
      const {baseRef: _, ...fields} = received as RequestWithBase & {baseRef?: number};
      message = {...fields, base} as RiskRequest;
    }
    running.add(message.id);
    const stop = () => stopped() || cancelled.has(message.id);
    const pause = onPage || message.cancellable ? yieldToMessages : undefined;
    // One request at a time, in the order they came: a request that yields between its
    // chunks lets cancels in, not the next request (which would delay this one's answer by
    // a chunk of its own: the live risk's first look waited for the rest's first chunk).
    // A worker with nothing to do starts at once; the page waits for its own work first.
    const start = () => answer(message, post, pause, stop);
    const answering = onPage ? queue.then(yieldToMessages).then(start) : busy === 0 ? start() : queue.then(start);
    busy++;
    queue = answering.finally(() => {
      busy--;
      running.delete(message.id);
      cancelled.delete(message.id);
    });
  };
}

/**
 * The first base seen with the same content, for the few bases sent last. Each request
 * arrives as a fresh copy of its base, and a base is parsed once per object (`riskSubject`):
 * a page sends the same base on every move, so its parse (and every look-up keyed by the base)
 * is kept. Bases are data never changed after they are read, so the kept copy stays right.
 */
export function keptBases(limit = 4): (base: ModelInputDraft) => ModelInputDraft {
  const byText = new RecentlyUsed<string, ModelInputDraft>(limit);
  return (base) => {
    const text = JSON.stringify(base);
    const kept = byText.get(text);
    if (kept) return kept;
    byText.set(text, base);
    return base;
  };
}
