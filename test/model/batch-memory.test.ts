import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {LaneMemory} from "../../src/model/batch-memory.js";

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
