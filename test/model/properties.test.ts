import fc from "fast-check";
import type Decimal from "decimal.js";
import {describe, expect, it} from "vitest";
import {projectionScale} from "../../src/risk/check.js";
import {decimalArithmetic, floatArithmetic, parseModelInput, project, projectionToNumbers, type LedgerQuarter, type Projection} from "../../src/model/index.js";
import {modelInputs} from "./arbitraries.js";

// At least 1,000 random scenarios a run, as the specification asks; a failure prints
// fast-check's seed and shrunk counterexample, so it can be replayed with FC_SEED. CI
// uses a fixed seed so that a landing is reproducible; elsewhere each run draws anew.
const RUNS = 1000;
// A thousand random projections in decimal take about a minute on a quiet two-core machine
// and three on a busy one: the limit keeps a slow machine from failing the property, and
// says nothing of speed (the benchmarks measure that).
const DECIMAL_RUNS_TIMEOUT_MS = 600_000;
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261125 : undefined;
if (seed !== undefined) fc.configureGlobal({seed});

function expectClose(actual: number, expected: number, tolerance: number, what: string): void {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`${what}: ${actual} vs ${expected}, off by ${Math.abs(actual - expected)} > ${tolerance}`);
  }
}

/** Exact in decimal but for the 28th digit of a division or power. */
const DECIMAL_TOLERANCE = 1e-24;

function cashIdentities(l: LedgerQuarter<Decimal>): Array<[string, Decimal, Decimal]> {
  const sources = l.openingCash.plus(l.operatingCashFlow).plus(l.scheduledDraws).plus(l.revolverDraw).plus(l.newBorrowing).plus(l.refinanced).plus(l.pikInterest).plus(l.equityRaised).plus(l.equityCure);
  const uses = l.closingCash.plus(l.interest).plus(l.fees).plus(l.capex).plus(l.principalDue).plus(l.revolverRepayment).plus(l.sweepRepayment)
    .plus(l.prepayment).plus(l.prepaymentPremium);
  const flows = l.openingCash.plus(l.operatingCashFlow).minus(l.interest.minus(l.pikInterest)).minus(l.fees).minus(l.capex).minus(l.repaid)
    .minus(l.prepaymentPremium).plus(l.scheduledDraws).plus(l.revolverDraw).plus(l.newBorrowing).plus(l.equityRaised).plus(l.equityCure);
  const debt = l.openingDebt.plus(l.scheduledDraws).plus(l.revolverDraw).plus(l.newBorrowing).plus(l.refinanced).plus(l.pikInterest)
    .minus(l.principalDue).minus(l.revolverRepayment).minus(l.sweepRepayment).minus(l.prepayment);
  const facilitySum = l.facilities.reduce((sum, f) => sum.plus(f.closing), l.openingCash.minus(l.openingCash));
  return [
    ["sources equal uses", sources, uses],
    ["closing cash = opening cash + the quarter's flows", l.closingCash, flows],
    ["closing debt = opening debt + borrowing − repayments", l.closingDebt, debt],
    ["closing debt = the sum of the facilities", l.closingDebt, facilitySum],
    ["reported interest expense = interest + discount amortised − interest capitalised", l.reportedInterestExpense, l.interest.plus(l.discountAmortisation).minus(l.capitalisedInterest)],
    ["interest paid in kind is the facilities' PIK", l.pikInterest, l.facilities.reduce((sum, f) => sum.plus(f.pikInterest), l.openingCash.minus(l.openingCash))],
    ["discount amortised is the facilities' discount amortised", l.discountAmortisation, l.facilities.reduce((sum, f) => sum.plus(f.discountAmortisation), l.openingCash.minus(l.openingCash))],
    ["prepayments are the facilities' prepayments", l.prepayment, l.facilities.reduce((sum, f) => sum.plus(f.prepaid), l.openingCash.minus(l.openingCash))],
    ["prepayment premiums are the facilities' premiums", l.prepaymentPremium, l.facilities.reduce((sum, f) => sum.plus(f.prepaymentPremium), l.openingCash.minus(l.openingCash))],
    ...l.facilities.map((f, i): [string, Decimal, Decimal] => [`facility ${i}: closing = opening + drawn + PIK − repaid`, f.closing, f.opening.plus(f.drawn).plus(f.pikInterest).minus(f.repaid)])
  ];
}

describe("the engine over random scenarios", () => {
  it("balances every quarter: sources equal uses, cash and debt roll forward, debt is the sum of its facilities", () => {
    fc.assert(fc.property(modelInputs, (draft) => {
      const projection = project(draft, decimalArithmetic);
      const scale = projectionScale(projectionToNumbers(decimalArithmetic, projection));
      projection.quarters.forEach(({ledger}, q) => {
        for (const [identity, left, right] of cashIdentities(ledger)) {
          expectClose(left.minus(right).toNumber(), 0, DECIMAL_TOLERANCE * scale, `${ledger.quarter} ${identity}`);
        }
        const previous = projection.quarters[q - 1]?.ledger;
        if (previous) {
          expect(ledger.openingCash.eq(previous.closingCash)).toBe(true);
          expect(ledger.openingDebt.eq(previous.closingDebt)).toBe(true);
        }
        for (const f of ledger.facilities) expect(f.closing.isNegative() && !f.closing.isZero()).toBe(false);
        // A prepayment is made from cash above the minimum, never borrowed for.
        if (ledger.prepayment.gt(0)) {
          expect(ledger.revolverDraw.isZero() && ledger.newBorrowing.isZero()).toBe(true);
          const cashAfterPrepaying = ledger.closingCash.minus(ledger.equityCure).plus(ledger.sweepRepayment);
          expectClose(Math.min(0, cashAfterPrepaying.minus(draft.minimumCash ?? 0).toNumber()), 0, DECIMAL_TOLERANCE * scale, `${ledger.quarter} cash after prepaying is at least the minimum`);
        }
      });
    }), {numRuns: RUNS});
  });

  it("has no NaN or Infinity anywhere, in either arithmetic", () => {
    fc.assert(fc.property(modelInputs, (draft) => {
      const input = parseModelInput(draft);
      for (const projection of [projectionToNumbers(decimalArithmetic, project(input, decimalArithmetic)), project(input, floatArithmetic)]) {
        const walk = (value: unknown, path: string): void => {
          if (typeof value === "number") {
            if (!Number.isFinite(value)) throw new Error(`${projection.arithmetic}: ${path} is ${value}`);
          } else if (value && typeof value === "object") {
            for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
          }
        };
        walk(projection, "projection");
      }
    }), {numRuns: RUNS});
  });

  it("names the regime by its definition, and the first default by the first negative cash", () => {
    fc.assert(fc.property(modelInputs, (draft) => {
      const projection = project(draft, decimalArithmetic);
      for (const {ledger, regime, regimeAfterMaintenance, cannotPay} of projection.quarters) {
        const reading = (cash: Decimal) => cash.lt(ledger.interest) ? "ponzi" : cash.lt(ledger.interest.plus(ledger.principalDue)) ? "speculative" : "hedge";
        expect(regime).toBe(reading(ledger.operatingCashFlow));
        expect(regimeAfterMaintenance).toBe(reading(ledger.operatingCashFlow.minus(ledger.maintenanceCapex)));
        // Maintenance is part of capex, never more than all of it.
        expect(ledger.maintenanceCapex.isNegative() && !ledger.maintenanceCapex.isZero()).toBe(false);
        expect(ledger.maintenanceCapex.lte(ledger.capex)).toBe(true);
        expect(cannotPay).toBe(ledger.closingCash.isNegative() && !ledger.closingCash.isZero());
      }
      expect(projection.firstDefaultQuarter).toBe(projection.quarters.find((q) => q.cannotPay)?.ledger.quarter ?? null);
    }), {numRuns: RUNS});
  });

  it("agrees in float and in decimal to a relative 1e-9 of the projection's scale", () => {
    fc.assert(fc.property(modelInputs, (draft) => {
      const input = parseModelInput(draft);
      const exact = projectionToNumbers(decimalArithmetic, project(input, decimalArithmetic));
      const fast = project(input, floatArithmetic);
      const scale = projectionScale(exact);
      const tolerance = 1e-9 * scale;
      // A covenant decided by less than float can resolve may go either way, and its
      // consequence (a fee, a step-up, an acceleration) then changes every later quarter:
      // such runs are not a disagreement of the engine, and are left out.
      fc.pre(!covenantNearTie(input, exact, tolerance));
      expect(fast.facilities).toEqual(exact.facilities);
      expect(fast.quarters.length).toBe(exact.quarters.length);
      exact.quarters.forEach((e, q) => {
        const f = fast.quarters[q]!;
        for (const [key, value] of Object.entries(e.ledger)) {
          if (typeof value === "number") expectClose((f.ledger as any)[key], value, tolerance, `${e.ledger.quarter} ${key}`);
        }
        e.ledger.facilities.forEach((ef, i) => {
          for (const [key, value] of Object.entries(ef)) {
            // A rate is not money: it is compared on its own, not against the money scale.
            expectClose((f.ledger.facilities[i] as any)[key], value, key === "annualRate" ? 1e-12 : tolerance, `${e.ledger.quarter} facility ${i} ${key}`);
          }
        });
        compareMetrics(e, f, scale);
        // Booleans may differ only at a tie that float cannot resolve.
        const l = e.ledger;
        const nearTie = Math.abs(l.operatingCashFlow - l.interest) <= tolerance || Math.abs(l.operatingCashFlow - l.interest - l.principalDue) <= tolerance;
        if (!nearTie) expect(f.regime).toBe(e.regime);
        if (Math.abs(l.closingCash) > tolerance) expect(f.cannotPay).toBe(e.cannotPay);
      });
    }), {numRuns: RUNS});
  }, DECIMAL_RUNS_TIMEOUT_MS);
});

/** Whether some covenant's test in the exact projection is within float's error of its threshold. */
function covenantNearTie(input: ReturnType<typeof parseModelInput>, exact: Projection<number>, tolerance: number): boolean {
  const covenants = input.facilities.flatMap((f) => f.covenants);
  if (!covenants.length) return false;
  return exact.quarters.some(({ledger: l, metrics: m}) => covenants.some((c) => {
    if (c.kind === "minimumLiquidity") {
      // Liquidity as tested: cash before any cure, and the revolver's undrawn amount.
      const liquidity = l.closingCash - l.equityCure + l.undrawnRevolver;
      return Math.abs(liquidity - (c.threshold - 1e-8)) <= 4 * tolerance || (l.equityCure > 0 && l.equityCure <= 4 * tolerance + 1e-8);
    }
    const [value, denominator] = c.kind === "interestCoverage" ? [m.interestCoverageEbitda, l.interest] : c.kind === "dscr" ? [m.dscr, l.interest + l.fees + l.principalDue] : [m.netLeverage, 4 * l.ebitda];
    // A ratio's error is its inputs' error over its denominator; near a cent the ratio may be null in one arithmetic only.
    if (Math.abs(denominator) <= 2e-8 + 4 * tolerance) return true;
    if (value === null) return false;
    const error = (4 * tolerance * (1 + Math.abs(value))) / Math.abs(denominator);
    return Math.abs(value - c.threshold) <= error + 1e-9 * c.threshold + 1e-12;
  }));
}

/**
 * A ratio's float error is its inputs' error (1e-9 of the scale at most) magnified by
 * how small its denominator is against the scale; the tolerance says so.
 */
function compareMetrics(exact: Projection<number>["quarters"][number], fast: Projection<number>["quarters"][number], scale: number): void {
  const l = exact.ledger;
  const burn = -(l.operatingCashFlow - (l.interest - l.pikInterest) - l.fees - l.capex - (l.principalDue - l.refinanced));
  const denominators: Record<keyof typeof exact.metrics, number> = {
    interestCoverageEbitda: l.interest,
    interestCoverageEbit: l.interest,
    netLeverage: 4 * l.ebitda,
    dscr: l.interest + l.fees + l.principalDue,
    runwayQuarters: burn,
    fixedChargeCoverage: l.interest + l.leasePayments,
    netLeverageWithLeases: 4 * l.ebitda
  };
  for (const [key, denominator] of Object.entries(denominators) as Array<[keyof typeof denominators, number]>) {
    const e = exact.metrics[key], f = fast.metrics[key];
    if (Math.abs(denominator) <= Math.max(1e-9 * scale, 2e-8)) continue; // null or not may turn on float dust
    if (e === null || f === null) {
      expect(f, `${l.quarter} ${key}`).toBe(e);
      continue;
    }
    expectClose(f, e, 1e-9 * (1 + Math.abs(e)) * Math.max(1, scale / Math.abs(denominator)), `${l.quarter} ${key}`);
  }
}
