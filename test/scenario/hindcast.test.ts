import {describe, expect, it} from "vitest";
import {companyTables} from "../../data-loaders/dataset.js";
import {tablesAsOf} from "../../src/scenario/as-of.js";
import {baseCase} from "../../src/scenario/base-case.js";
import {hindcast, HINDCAST_MEASURES} from "../../src/scenario/hindcast.js";

const tables = companyTables();

describe("the dataset as of a date", () => {
  it("holds nothing that ends after it, so a base case built from it cannot see the future", () => {
    const cut = tablesAsOf(tables, "2025-09-30");
    expect(cut.financials.every((f) => f.period_end <= "2025-09-30")).toBe(true);
    expect(cut.facilities.every((f) => f.as_of <= "2025-09-30")).toBe(true);
    // Changing every later figure leaves the base case built at the cut unchanged.
    const scrambled = {...tables, financials: tables.financials.map((f) => (f.period_end > "2025-09-30" ? {...f, value: f.value * 3} : f))};
    const a = baseCase(...(Object.values(tablesAsOf(tables, "2025-09-30")) as Parameters<typeof baseCase>));
    const b = baseCase(...(Object.values(tablesAsOf(scrambled, "2025-09-30")) as Parameters<typeof baseCase>));
    expect(b.input).toEqual(a.input);
  });
});

describe("the hindcast from 2025-09-30", () => {
  const h = hindcast(tables, "2025-09-30");
  it("projects from the quarter after the latest debt table held then", () => {
    expect(h.start).toBe("2025Q3");
  });
  it("sets each measure against what was reported for 2025Q4 to 2026Q2", () => {
    for (const quarter of ["2025Q4", "2026Q1", "2026Q2"]) {
      expect(h.rows.filter((r) => r.quarter === quarter).map((r) => r.measure).sort()).toEqual([...HINDCAST_MEASURES].sort());
    }
  });
  it("measures each error against the reported figure", () => {
    for (const r of h.rows) {
      const reported = tables.financials.find((f) => f.period === r.quarter && f.value === r.reported);
      expect(reported, `${r.quarter} ${r.measure}`).toBeDefined();
      expect(r.error_pct).toBeCloseTo(((r.projected - r.reported) / Math.abs(r.reported)) * 100, 0);
    }
  });
});
