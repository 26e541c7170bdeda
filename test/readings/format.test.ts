import {describe, expect, it} from "vitest";
import {formatMillions, formatRatio} from "../../src/readings/format.js";
import {Money} from "../../src/model/index.js";

describe("figures on screen", () => {
  it("shows USD millions with one decimal and thousands separators", () => {
    expect(formatMillions(new Money("1234567.25"))).toBe("1,234,567.3");
  });
  it("puts negatives in parentheses, as a filing does", () => {
    expect(formatMillions(new Money("-310.555"))).toBe("(310.6)");
  });
  it("never shows a negative zero", () => {
    expect(formatMillions(new Money("-0.00000001"))).toBe("0.0");
  });
  it("shows a ratio with two decimals and ×, and n/m where the model has none", () => {
    expect(formatRatio(new Money("1.255"))).toBe("1.26×");
    expect(formatRatio(new Money("-0.5"))).toBe("(0.50×)");
    expect(formatRatio(null)).toBe("n/m");
  });
});
