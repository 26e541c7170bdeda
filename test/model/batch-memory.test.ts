import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {LaneMemory, RecycledBuffers} from "../../src/model/batch-memory.js";

describe("a batch's lane memory", () => {
  it("gives arrays that start zeroed and never overlap, across as many buffers as they take", () => {
    const request = fc.record({type: fc.constantFrom("f64" as const, "u8" as const), length: fc.oneof(fc.integer({min: 0, max: 3}), fc.integer({min: 0, max: 5000}))});
    fc.assert(fc.property(fc.integer({min: 1, max: 200}), fc.array(request, {minLength: 1, maxLength: 300}), (lanes, requests) => {
      const memory = new LaneMemory(lanes);
      const arrays = requests.map(({type, length}) => memory[type](length));
      // Each array zero when made, then marked with its own number: any overlap shows as another's mark.
      arrays.forEach((a, k) => {
        expect(a.every((v) => v === 0)).toBe(true);
        a.fill((k % 100) + 1);
      });
      arrays.forEach((a, k) => expect(a.every((v) => v === (k % 100) + 1), `array ${k}`).toBe(true));
      requests.forEach(({length}, k) => expect(arrays[k]!.length).toBe(length));
    }), {numRuns: 100});
  });

  it("gives arrays that start zeroed and never overlap when its buffers were another batch's, written all over and given back", () => {
    const request = fc.record({type: fc.constantFrom("f64" as const, "u8" as const), length: fc.integer({min: 0, max: 5000})});
    fc.assert(fc.property(fc.integer({min: 1, max: 200}), fc.array(fc.array(request, {minLength: 1, maxLength: 100}), {minLength: 2, maxLength: 5}), (lanes, batches) => {
      const recycled = new RecycledBuffers(1 << 24);
      for (const requests of batches) {
        const memory = new LaneMemory(lanes, recycled);
        const arrays = requests.map(({type, length}) => memory[type](length));
        arrays.forEach((a, k) => {
          expect(a.every((v) => v === 0), `array ${k}, once another batch's`).toBe(true);
          a.fill((k % 100) + 1);
        });
        arrays.forEach((a, k) => expect(a.every((v) => v === (k % 100) + 1), `array ${k}`).toBe(true));
        memory.release();
      }
      // What the batches gave back is held for the next, up to the limit.
      expect(recycled.bytes).toBeGreaterThan(0);
    }), {numRuns: 100});
  });

  it("hands a buffer given back to the next batch that fits in it, the smallest that fits, and keeps no more than its limit", () => {
    const recycled = new RecycledBuffers(3000);
    const small = recycled.take(1000), large = recycled.take(2000);
    // Written where each says it was used: the rest of a buffer is still zero.
    new Uint8Array(small, 0, 600).fill(7);
    new Uint8Array(large).fill(9);
    recycled.give(large, 2000);
    recycled.give(small, 600);
    expect(recycled.bytes).toBe(3000);
    // The smallest that fits, zeroed where it was written.
    const again = recycled.take(800);
    expect(again).toBe(small);
    expect(new Uint8Array(again).every((v) => v === 0)).toBe(true);
    expect(recycled.take(1500)).toBe(large);
    // Nothing left that fits: a new buffer.
    const fresh = recycled.take(1000);
    expect(fresh).not.toBe(small);
    expect(recycled.bytes).toBe(0);
    // Past the limit, a buffer given back is let go.
    recycled.give(new ArrayBuffer(2000), 0);
    recycled.give(new ArrayBuffer(2000), 0);
    expect(recycled.bytes).toBe(2000);
  });

  it("gives its buffers back once, however often it is released", () => {
    const recycled = new RecycledBuffers(1 << 24);
    const memory = new LaneMemory(10, recycled);
    memory.f64(100);
    memory.release();
    const held = recycled.bytes;
    memory.release();
    expect(recycled.bytes).toBe(held);
    // A memory released can still make arrays, on buffers of its own.
    expect(Array.from(memory.f64(3))).toEqual([0, 0, 0]);
  });

  it("copies an array into itself, values and type", () => {
    const memory = new LaneMemory(4);
    const copied = memory.copy(Float64Array.of(1.5, -2, 3));
    const flags = memory.copy(Uint8Array.of(1, 0, 1));
    expect(copied).toBeInstanceOf(Float64Array);
    expect(Array.from(copied)).toEqual([1.5, -2, 3]);
    expect(flags).toBeInstanceOf(Uint8Array);
    expect(Array.from(flags)).toEqual([1, 0, 1]);
  });
});
