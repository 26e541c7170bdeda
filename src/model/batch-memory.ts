/**
 * The typed arrays of one batch's program and quarter loop (a few hundred, one per term,
 * state and ledger line, each a value a lane), carved out of a few large buffers. In a
 * browser each `new Float64Array(n)` allocates its own backing store, which cost 2–6 µs in
 * Chromium (against 0.05 µs for a view on a buffer already made): for a simulation's chunk of
 * paths, with sixteen loans, that was several milliseconds of every move's live risk.
 *
 * Every array starts zeroed, as a new one does: a buffer is never reused. The arrays live as
 * long as the batch; none leaves it (what a batch returns is allocated apart, so that sending
 * it to another thread never copies a buffer shared with the program's arrays).
 */
export class LaneMemory {
  private buffer: ArrayBuffer;
  private used = 0;
  private readonly slab: number;

  /** For lanes of `lanes` values: a first buffer of room for a few hundred such arrays. */
  constructor(lanes: number) {
    this.slab = Math.max(1 << 16, lanes * 8 * 256);
    this.buffer = new ArrayBuffer(this.slab);
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

  /** Where `bytes` more start, 8-byte aligned for any element type; a new buffer when this one is full. */
  private take(bytes: number): number {
    const at = (this.used + 7) & ~7;
    if (at + bytes <= this.buffer.byteLength) {
      this.used = at + bytes;
      return at;
    }
    this.buffer = new ArrayBuffer(Math.max(this.slab, bytes));
    this.used = bytes;
    return 0;
  }
}
