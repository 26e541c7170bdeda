import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {ParsedFields, parseModelInput, parseVariant, sameData} from "../../src/model/inputs.js";

describe("fields parsed once for many variants", () => {
  it("takes two values for the same data only where they write the same JSON", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      if (sameData(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(sameData(a, structuredClone(a))).toBe(true);
    }), {numRuns: 500});
    // Keys in another order, arrays against objects, NaN: not the same data.
    expect(sameData({a: 1, b: 2}, {b: 2, a: 1})).toBe(false);
    expect(sameData([1], {0: 1})).toBe(false);
    expect(sameData({x: NaN}, {x: NaN})).toBe(false);
    expect(sameData({x: [1, {y: 2}]}, {x: [1, {y: 2}]})).toBe(true);
  });

  it("gives each variant what parsing it alone gives, equal fields remade for every variant or not", () => {
    const base = parseModelInput(benchCompany);
    const parsed = new ParsedFields();
    // A grid's cells: facilities remade equal on each, then changed, then equal again; a rate moved.
    const variants = [0, 0.5, 0.5, 0.25, 0.5].map((pik, k) => ({
      ...benchCompany,
      baseRate: 0.04 + k / 100,
      facilities: benchCompany.facilities.map((f) => (f.amortisation?.type === "annuity" ? {...f} : {...f, pikShare: pik}))
    }));
    for (const draft of variants) expect(parseVariant(base, draft, parsed)).toEqual(parseVariant(base, draft));
  });
});
