import {describe, expect, it} from "vitest";
import {formatMillions, formatNumber, formatPercent, formatRatio, minusSigns, usdMillions} from "../../src/readings/format.js";
import {Money} from "../../src/model/index.js";

describe("figures on screen", () => {
  it("shows USD millions with one decimal and thousands separators", () => {
    expect(formatMillions(new Money("1234567.25"))).toBe("1,234,567.3");
  });
  it("writes a negative with the minus sign U+2212, as the charts' axes do, never in parentheses", () => {
    expect(formatMillions(new Money("-310.555"))).toBe("\u2212310.6");
    expect(formatMillions(new Money("-852.9"))).not.toMatch(/[()]/);
  });
  it("never shows a negative zero", () => {
    expect(formatMillions(new Money("-0.00000001"))).toBe("0.0");
    expect(formatNumber(-0.04, 1)).toBe("0");
  });
  it("shows a ratio with two decimals and ×, and n/m where the model has none", () => {
    expect(formatRatio(new Money("1.255"))).toBe("1.26×");
    expect(formatRatio(new Money("-0.5"))).toBe("−0.50×");
    expect(formatRatio(null)).toBe("n/m");
  });
  it("writes plain numbers, sums in a sentence and percentages the same way", () => {
    // −1,000.04 to one decimal: −1,000 (trailing zeros dropped unless asked for).
    expect(formatNumber(-1000.04, 1)).toBe("−1,000");
    expect(formatNumber(-1000.04, 1, 1)).toBe("−1,000.0");
    expect(usdMillions(-12.25)).toBe("USD −12.3 m");
    expect(formatPercent(-3.214, 2)).toBe("−3.21 %");
  });
  it("turns the hyphen-minus of text made elsewhere into the minus sign, and leaves hyphens between words and dates", () => {
    expect(minusSigns("-0.35×")).toBe("−0.35×");
    expect(minusSigns("from -5.9 % to 2026-06-30, well-known")).toBe("from −5.9 % to 2026-06-30, well-known");
  });
});
