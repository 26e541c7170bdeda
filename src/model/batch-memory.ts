/**
 * The typed arrays of one batch's program and quarter loop (a few hundred, one per term,
 * state and ledger line, each a value a lane), carved out of a few large buffers. In a
 * browser each `new Float64Array(n)` allocates its own backing store, which cost 2–6 µs in
 * Chromium (against 0.05 µs for a view on a buffer already made): for a simulation's chunk of
 * paths, with sixteen loans, that was several milliseconds of every move's live risk.
 *
 * Every array starts zeroed, as a new one does. A program's arrays live as long as its batch
 * and none leaves it: what a batch returns is allocated apart, so that sending it to another
 * thread never copies a buffer shared with the program's arrays, unless the caller gives the
 * batch a memory of its own for its figures (`projectLanes`' `memory` option), to read at once
 * and release. When a batch is over its buffers go back (`release`), zeroed, for the next
 * batch on the same thread (`RECYCLED`).
 */
export class LaneMemory {
  private buffer: ArrayBuffer;
  private used = 0;
  private readonly slab: number;
  /** The buffers filled before this one, and how much of each was used. */
  private readonly full: Array<readonly [ArrayBuffer, number]> = [];

  /** For lanes of `lanes` values: a first buffer of room for a few hundred such arrays. */
  constructor(lanes: number, private readonly recycled: RecycledBuffers = RECYCLED) {
    this.slab = Math.max(1 << 16, lanes * 8 * 256);
    this.buffer = recycled.take(this.slab);
  }

  f64(length: number): Float64Array {
    // Where first: a full buffer is replaced before the view is made on it.
    const at = this.take(length * 8);
    return new Float64Array(this.buffer, at, length);
  }

  u8(length: number): Uint8Array {
    const at = this.take(length);
    return new Uint8Array(this.buffer, at, length);
  }

  /** A copy of `values` in this memory. */
  copy<A extends Float64Array | Uint8Array>(values: A): A {
    const out = (values instanceof Float64Array ? this.f64(values.length) : this.u8(values.length)) as A;
    out.set(values);
    return out;
  }

  /**
   * Gives the buffers back for another batch: no array made here may be read or written
   * after. The memory can still make arrays, from new buffers.
   */
  release(): void {
    for (const [buffer, used] of this.full) this.recycled.give(buffer, used);
    this.full.length = 0;
    this.recycled.give(this.buffer, this.used);
    this.buffer = new ArrayBuffer(0);
    this.used = 0;
  }

  /** Where `bytes` more start, 8-byte aligned for any element type; a new buffer when this one is full. */
  private take(bytes: number): number {
    const at = (this.used + 7) & ~7;
    if (at + bytes <= this.buffer.byteLength) {
      this.used = at + bytes;
      return at;
    }
    if (this.buffer.byteLength > 0) this.full.push([this.buffer, this.used]);
    this.buffer = this.recycled.take(Math.max(this.slab, bytes));
    this.used = bytes;
    return 0;
  }
}

/**
 * Zeroed buffers that finished batches gave back, up to `limit` bytes, for the next batch on
 * this thread. Why: a new large buffer is fresh pages from the system, each faulted in and
 * zeroed by the kernel on first touch, and unmapped when the garbage collector frees it. Two
 * worker threads doing that at once wait for each other in the kernel: in Node, two workers
 * running 5,000 paths each took 1.4–1.5 times as long as one worker alone, where plain
 * arithmetic runs as fast on two as on one. Zeroing a buffer already mapped is a memset.
 */
export class RecycledBuffers {
  private readonly free: ArrayBuffer[] = [];
  private held = 0;

  constructor(private readonly limit: number) {}

  /** A zeroed buffer of `bytes` at least: the smallest given back that is large enough, or a new one. */
  take(bytes: number): ArrayBuffer {
    let best = -1;
    for (let k = 0; k < this.free.length; k++) {
      const size = this.free[k]!.byteLength;
      if (size >= bytes && (best === -1 || size < this.free[best]!.byteLength)) best = k;
    }
    if (best === -1) return new ArrayBuffer(bytes);
    const [buffer] = this.free.splice(best, 1) as [ArrayBuffer];
    this.held -= buffer.byteLength;
    return buffer;
  }

  /** Takes back a buffer of which at most the first `used` bytes were written: zeroed, it is kept if there is room. */
  give(buffer: ArrayBuffer, used: number): void {
    if (buffer.byteLength === 0 || this.held + buffer.byteLength > this.limit) return;
    new Uint8Array(buffer, 0, Math.min(used, buffer.byteLength)).fill(0);
    this.free.push(buffer);
    this.held += buffer.byteLength;
  }

  /** Bytes held for reuse. */
  get bytes(): number {
    return this.held;
  }
}

/** This thread's recycled buffers (each worker loads its own copy of this module, so has its own). */
export const RECYCLED = new RecycledBuffers(64 * 1024 * 1024);
