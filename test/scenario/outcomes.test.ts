import {describe, expect, it} from "vitest";
import {benchCompany} from "../../bench/company.js";
import {controlsOf, type Controls} from "../../src/scenario/controls.js";
import {prepaymentOutcome, projectScenario} from "../../src/scenario/outcomes.js";

// Worked on the bench company with its growth held at its first rate (no fade), as the controls used to hold it.
const plain = {...controlsOf(benchCompany), fadeQuarters: 0};
const say = (controls: Partial<Controls>) => {
  const all = {...plain, ...controls};
  return prepaymentOutcome(benchCompany, all, projectScenario(benchCompany, all).numbers);
};

describe("what the prepayment control did, in words", () => {
  it("says nothing when none is asked", () => {
    expect(say({})).toBeNull();
  });

  it("names the loan, the quarter and the amount made", () => {
    expect(say({prepaymentAmount: 300, prepaymentQuarter: 8, prepaymentPremiumPct: 2, growthPct: 30}))
      .toBe("Optional prepayment of the Facility 9, the dearest term loan, in 2027Q4: USD 300 m of USD 300 m asked, with a premium of USD 6 m.");
  });

  it("says why less was made: the balance, or the cash above the minimum", () => {
    expect(say({prepaymentAmount: 5000, prepaymentQuarter: 8, growthPct: 30})).toMatch(/Facility 9.*USD 2,092.4 m of USD 5,000 m asked: the whole balance left\.$/);
    expect(say({prepaymentAmount: 300, prepaymentQuarter: 8})).toMatch(/none made \(USD 300 m asked\): the company holds no cash above its minimum then/);
  });

  it("says when there is nothing to prepay in that quarter", () => {
    const short = {...benchCompany, quarters: 4};
    const all = {...controlsOf(short), prepaymentAmount: 100, prepaymentQuarter: 8};
    expect(prepaymentOutcome(short, all, projectScenario(short, all).numbers)).toMatch(/2027Q4 is beyond the projection\.$/);
  });
});
