import {describe, expect, it} from "vitest";
import {facilityColumn, ledgerColumn, plainCompany, runDecimal} from "./fixtures.js";

// 1,000 of 9 % notes due at the end of 2026Q2. Refinancing rolls 60 % at base (4 %) +
// 5 % for 8 quarters, for a 1 % fee; the other 40 % is paid from cash.
const notes = {id: "notes", name: "Notes", principal: 1000, rate: {type: "fixed" as const, annualRate: 0.09}, maturity: "2026Q2"};
const refinancing = {shareRolled: 0.6, spread: 0.05, tenorQuarters: 8, feeRate: 0.01};

describe("refinancing at maturity", () => {
  const projection = runDecimal(plainCompany({facilities: [notes], refinancing}));

  it("rolls 60 % of the 1,000 due and repays the other 400 in cash", () => {
    expect(facilityColumn(projection, "notes", "principalDue")).toEqual(["0", "1000", "0", "0"]);
    expect(facilityColumn(projection, "notes", "refinanced")).toEqual(["0", "600", "0", "0"]);
    expect(facilityColumn(projection, "notes", "repaid")).toEqual(["0", "400", "0", "0"]);
    expect(facilityColumn(projection, "notes", "closing")).toEqual(["1000", "600", "600", "600"]);
  });

  it("charges the 1 % fee on the rolled 600 in cash", () => {
    expect(facilityColumn(projection, "notes", "fees")).toEqual(["0", "6", "0", "0"]);
  });

  it("puts the rolled amount on base + new spread: 600 × 9 % / 4 = 13.5 a quarter", () => {
    expect(facilityColumn(projection, "notes", "annualRate")).toEqual(["0.09", "0.09", "0.09", "0.09"]);
    expect(facilityColumn(projection, "notes", "interest")).toEqual(["22.5", "22.5", "13.5", "13.5"]);
  });

  it("moves the maturity out by the tenor: the rolled 600 falls due 8 quarters later", () => {
    const longer = runDecimal(plainCompany({quarters: 10, facilities: [notes], refinancing}));
    expect(facilityColumn(longer, "notes", "principalDue")[9]).toBe("600");
    expect(longer.events.filter((e) => e.kind === "refinanced").map((e) => e.quarter)).toEqual(["2026Q2", "2028Q2"]);
  });

  it("records the cash effect: 1,000 + 4 × 50 − interest − 400 − 6", () => {
    expect(ledgerColumn(projection, "closingCash")).toEqual(["1027.5", "649", "685.5", "722"]);
  });
});

describe("refinancing while markets are shut", () => {
  const projection = runDecimal(plainCompany({
    facilities: [notes],
    refinancing: {...refinancing, marketShut: [{from: "2026Q2", to: "2026Q3"}]}
  }));

  it("rolls nothing, so the whole 1,000 is paid from cash", () => {
    expect(facilityColumn(projection, "notes", "refinanced")).toEqual(["0", "0", "0", "0"]);
    expect(facilityColumn(projection, "notes", "repaid")).toEqual(["0", "1000", "0", "0"]);
  });

  it("says so as an event and marks the quarters shut", () => {
    expect(projection.events).toContainEqual({kind: "maturedWhileShut", quarter: "2026Q2", facilityId: "notes", amount: 1000});
    expect(projection.quarters.map((q) => q.ledger.marketOpen)).toEqual([true, false, false, true]);
  });
});

describe("a facility that is not refinanceable", () => {
  it("is repaid in full at maturity whatever the market", () => {
    const projection = runDecimal(plainCompany({facilities: [{...notes, refinanceable: false}], refinancing}));
    expect(facilityColumn(projection, "notes", "refinanced")).toEqual(["0", "0", "0", "0"]);
    expect(projection.events).toEqual([]);
  });
});
