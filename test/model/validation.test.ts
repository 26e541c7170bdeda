import {describe, expect, it} from "vitest";
import {decimalArithmetic, floatArithmetic, ModelInputError, parseModelInput, project} from "../../src/model/index.js";
import {plainCompany} from "./fixtures.js";

const loan = {id: "loan", name: "Loan", principal: 1000, rate: {type: "fixed", annualRate: 0.08}, maturity: "2028Q4"};
const valid = () => structuredClone(plainCompany({facilities: [loan as never]})) as Record<string, any>;

/** The error `project` throws for `input`, which must be a ModelInputError. */
function errorFor(input: unknown): ModelInputError {
  try {
    project(input, decimalArithmetic);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelInputError);
    return error as ModelInputError;
  }
  throw new Error("expected a ModelInputError, but the projection ran");
}

describe("bad model input is a typed error that names the field", () => {
  const cases: Array<[string, (input: Record<string, any>) => void, string, RegExp]> = [
    ["a negative principal", (i) => { i.facilities[0].principal = -5; }, "facilities[0].principal", /negative/],
    ["a maturity before the start", (i) => { i.facilities[0].maturity = "2025Q4"; }, "facilities[0].maturity", /before the projection starts/],
    ["NaN as opening cash", (i) => { i.openingCash = NaN; }, "openingCash", /./],
    ["a rate of 1e309", (i) => { i.facilities[0].rate.annualRate = 1e309; }, "facilities[0].rate.annualRate", /./],
    ["an empty facility list", (i) => { i.facilities = []; }, "facilities", /at least one facility/],
    ["a quarter that is not a label", (i) => { i.start = "2026-01"; }, "start", /quarter like 2026Q1/],
    ["an unknown field", (i) => { i.facilities[0].colour = "red"; }, "facilities[0]", /colour/],
    ["a draw after maturity", (i) => { i.facilities[0].draws = [{quarter: "2029Q1", amount: 10}]; }, "facilities[0].draws[0].quarter", /before the facility matures/],
    ["a draw before the start", (i) => { i.facilities[0].draws = [{quarter: "2025Q1", amount: 10}]; }, "facilities[0].draws[0].quarter", /before the projection starts/],
    ["two facilities with one id", (i) => { i.facilities.push({...i.facilities[0]}); }, "facilities[1].id", /names two facilities/],
    ["a revolver drawn beyond capacity", (i) => { i.revolver = {capacity: 10, drawn: 20, rate: {type: "fixed", annualRate: 0.05}}; }, "revolver.drawn", /capacity/],
    ["a market-shut window that ends before it starts", (i) => { i.refinancing = {shareRolled: 1, spread: 0.05, tenorQuarters: 8, marketShut: [{from: "2027Q1", to: "2026Q1"}]}; }, "refinancing.marketShut[0].to", /before it starts/],
    ["a rolled share above 1", (i) => { i.refinancing = {shareRolled: 1.5, spread: 0.05, tenorQuarters: 8}; }, "refinancing.shareRolled", /between 0 and 1/],
    ["a fractional number of quarters", (i) => { i.quarters = 2.5; }, "quarters", /whole number/],
    ["a string where a number belongs", (i) => { i.revenue.lastQuarter = "100"; }, "revenue.lastQuarter", /number/],
    ["growth below −100 %", (i) => { i.revenue.growth = [0.1, -1.5]; }, "revenue.growth[1]", /-100 %/]
  ];

  for (const [what, spoil, field, message] of cases) {
    it(`refuses ${what}, naming ${field}`, () => {
      const input = valid();
      spoil(input);
      const error = errorFor(input);
      expect(error.issues.map((issue) => issue.field)).toContain(field);
      expect(error.message).toMatch(message);
    });
  }

  it("names every bad field at once", () => {
    const input = valid();
    input.openingCash = -1;
    input.facilities[0].principal = -1;
    expect(errorFor(input).issues.map((issue) => issue.field)).toEqual(["openingCash", "facilities[0].principal"]);
  });

  it("refuses what is not an object at all", () => {
    expect(errorFor(null).field).toBe("(input)");
    expect(errorFor("__proto__").field).toBe("(input)");
  });
});

describe("validated input", () => {
  it("fills in defaults and is frozen, so it stays valid", () => {
    const input = parseModelInput(valid());
    expect(input.facilities[0]!.amortisation).toEqual({type: "bullet"});
    expect(input.refinancing.shareRolled).toBe(0);
    expect(Object.isFrozen(input.facilities[0]!.rate)).toBe(true);
  });

  it("gives the same projection whether validated first or by project itself", () => {
    const raw = valid();
    expect(project(raw, floatArithmetic)).toEqual(project(parseModelInput(raw), floatArithmetic));
  });
});
