import type {ModelInputDraft} from "../model/index.js";
import {addQuarters, quarterOffset} from "../model/index.js";

/**
 * What a reader moves on the page, in the units the page shows (percent, basis points,
 * USD millions, quarters), and how each lands on the model's inputs. Pure: the page
 * wires sliders to `applyControls(base, controls)` and projects the result.
 */
export interface Controls {
  /** Change in the reference rate since the filings, in basis points; floating facilities move by it. */
  readonly rateChangeBp: number;
  /** Revenue growth a quarter, percent. */
  readonly growthPct: number;
  /** Revenue lost from the first projected quarter on (a customer leaving), percent. */
  readonly revenueLostPct: number;
  readonly ebitdaMarginPct: number;
  /** USD millions a quarter. */
  readonly capex: number;
  readonly shareRolledPct: number;
  /** Refinancing spread over the reference rate change, percent a year. */
  readonly refinancingSpreadPct: number;
  readonly tenorQuarters: number;
  /** Quarters from the start until debt markets shut (0: never), and for how long. */
  readonly marketShutAfter: number;
  readonly marketShutQuarters: number;
  readonly revolverCapacity: number;
  readonly minimumCash: number;
  /** The debt schedule. 1: interest on the quarter's average balance; 0: on its opening balance. */
  readonly averageBalanceInterest: number;
  /** Share of interest paid in kind on every term loan that is not an annuity, percent. */
  readonly pikSharePct: number;
  /** Share of each floating term loan swapped to today's reference rate until its maturity, percent. */
  readonly hedgedSharePct: number;
  /** Share of cash above minimum cash that repays term loans in order, each quarter, percent. */
  readonly cashSweepPct: number;
  /** Lease payments a quarter, USD millions: a fixed charge after EBITDA. */
  readonly leasePayments: number;
  /**
   * An optional prepayment of the dearest term loan (see `prepaymentTarget`), USD millions
   * (0: none), made at the end of the quarter `prepaymentQuarter` (1: the first projected)
   * from cash above minimum cash, with a call premium, percent of the amount prepaid.
   */
  readonly prepaymentAmount: number;
  readonly prepaymentQuarter: number;
  readonly prepaymentPremiumPct: number;
  /** A minimum-liquidity covenant on every term loan, USD millions (0: none). */
  readonly liquidityCovenant: number;
  /** A minimum interest-coverage covenant (EBITDA / interest) on every term loan, × (0: none). */
  readonly coverageCovenant: number;
  /** What follows a breach of those covenants: 0 a waiver, 1 an equity cure (liquidity; coverage is waived), 2 acceleration. */
  readonly covenantConsequence: number;
}

/**
 * Each control's range and step, in the page's units: the sliders, scenario files and URL
 * state share them, so a value that one accepts, the others accept too.
 */
export const CONTROL_BOUNDS: Readonly<Record<keyof Controls, {readonly min: number; readonly max: number; readonly step: number}>> = {
  rateChangeBp: {min: -300, max: 600, step: 25},
  growthPct: {min: -30, max: 40, step: 0.01},
  revenueLostPct: {min: 0, max: 100, step: 1},
  ebitdaMarginPct: {min: -20, max: 80, step: 0.01},
  capex: {min: 0, max: 20000, step: 1},
  shareRolledPct: {min: 0, max: 100, step: 5},
  refinancingSpreadPct: {min: 0, max: 20, step: 0.25},
  tenorQuarters: {min: 1, max: 40, step: 1},
  marketShutAfter: {min: 0, max: 12, step: 1},
  marketShutQuarters: {min: 0, max: 12, step: 1},
  revolverCapacity: {min: 0, max: 5000, step: 50},
  minimumCash: {min: 0, max: 3000, step: 50},
  averageBalanceInterest: {min: 0, max: 1, step: 1},
  pikSharePct: {min: 0, max: 100, step: 5},
  hedgedSharePct: {min: 0, max: 100, step: 5},
  cashSweepPct: {min: 0, max: 100, step: 5},
  leasePayments: {min: 0, max: 3000, step: 10},
  prepaymentAmount: {min: 0, max: 5000, step: 50},
  prepaymentQuarter: {min: 1, max: 20, step: 1},
  prepaymentPremiumPct: {min: 0, max: 10, step: 0.25},
  liquidityCovenant: {min: 0, max: 5000, step: 50},
  coverageCovenant: {min: 0, max: 5, step: 0.05},
  covenantConsequence: {min: 0, max: 2, step: 1}
};

/** Each control's label, with its unit, as the sliders and the risk tools show it. */
export const CONTROL_LABELS: Readonly<Record<keyof Controls, string>> = {
  rateChangeBp: "Reference-rate change (bp)",
  growthPct: "Growth a quarter (%)",
  revenueLostPct: "Revenue lost: a customer leaves (%)",
  ebitdaMarginPct: "EBITDA margin (%)",
  capex: "Capex a quarter (USD m)",
  shareRolledPct: "Share rolled (%)",
  refinancingSpreadPct: "New spread (% a year)",
  tenorQuarters: "New tenor (quarters)",
  marketShutAfter: "Markets shut in quarter (0: never)",
  marketShutQuarters: "…for quarters",
  revolverCapacity: "Revolver capacity (USD m)",
  minimumCash: "Minimum cash (USD m)",
  averageBalanceInterest: "Interest on",
  pikSharePct: "Interest paid in kind (%)",
  hedgedSharePct: "Floating debt swapped to fixed (%)",
  cashSweepPct: "Cash sweep of excess cash (%)",
  leasePayments: "Lease payments a quarter (USD m)",
  prepaymentAmount: "Prepay the dearest term loan (USD m, 0: none)",
  prepaymentQuarter: "…at the end of quarter",
  prepaymentPremiumPct: "…with a call premium (%)",
  liquidityCovenant: "Minimum-liquidity covenant (USD m, 0: none)",
  coverageCovenant: "Interest-coverage covenant (×, 0: none)",
  covenantConsequence: "On a breach"
};

/** Controls that choose among a few options: what each value means. */
export const CONTROL_CHOICES: Readonly<Partial<Record<keyof Controls, readonly string[]>>> = {
  averageBalanceInterest: ["the opening balance", "the average balance"],
  covenantConsequence: ["waiver (fee and step-up)", "equity cure", "acceleration"]
};

/** A control's value as the page words it: an option's name, or the number. */
export function controlValueText(key: keyof Controls, value: number): string {
  return CONTROL_CHOICES[key]?.[value] ?? String(value);
}

/**
 * What the debt-schedule controls assume beyond their own value: stated on the page, and
 * none of it from a filing.
 */
export const DEBT_SCHEDULE_ASSUMPTIONS = {
  /** A waiver costs this share of the facility's principal as a fee, paid the next quarter... */
  waiverFeeShare: 0.0025,
  /** ...and this step-up in its spread (once per covenant). */
  waiverSpreadStepUp: 0.01,
  /** Equity cures may add up to this multiple of the liquidity covenant, in all. */
  equityCureLimitMultiple: 1,
  /** Lease liability at the start: this many quarters of the payment, falling straight line to zero. */
  leaseQuarters: 40
} as const;

/** A per-quarter input's first value: where the controls start. */
const firstOf = (path: number | readonly number[]): number => (typeof path === "number" ? path : (path[0] ?? 0));

// Rid of float noise only (0.1252 × 100 = 12.520000000000001), so that the value sits on
// its slider's grid and moving nothing still reproduces the base case.
const clean = (x: number) => Number(x.toPrecision(12));

/** The controls' values that reproduce the base case. */
export function controlsOf(base: ModelInputDraft): Controls {
  const growth = firstOf(base.revenue.growth);
  const margin = base.costs.kind === "margin" ? firstOf(base.costs.ebitdaMargin) : 0;
  const rate = firstOf(base.baseRate);
  const capex = firstOf(base.capex);
  return {
    rateChangeBp: clean(rate * 10000),
    growthPct: clean(growth * 100),
    revenueLostPct: 0,
    ebitdaMarginPct: clean(margin * 100),
    capex,
    shareRolledPct: clean((base.refinancing?.shareRolled ?? 0) * 100),
    refinancingSpreadPct: clean((base.refinancing?.spread ?? 0) * 100),
    tenorQuarters: base.refinancing?.tenorQuarters ?? 20,
    marketShutAfter: 0,
    marketShutQuarters: 0,
    revolverCapacity: base.revolver?.capacity ?? 0,
    minimumCash: base.minimumCash ?? 0,
    ...debtScheduleControlsOf(base)
  };
}

type DebtScheduleKey = "averageBalanceInterest" | "pikSharePct" | "hedgedSharePct" | "cashSweepPct" | "leasePayments" | "prepaymentAmount" | "prepaymentQuarter" | "prepaymentPremiumPct" | "liquidityCovenant" | "coverageCovenant" | "covenantConsequence";

/**
 * The debt-schedule controls as the base case sets them. Where the base case's facilities
 * differ among themselves (one has a covenant, another not), the control shows what they
 * share (none), and the base's own terms stand until the reader moves it.
 */
function debtScheduleControlsOf(base: ModelInputDraft): Pick<Controls, DebtScheduleKey> {
  const terms = base.facilities ?? [];
  const uniform = <T>(values: readonly T[]): T | undefined => values.length > 0 && values.every((v) => v === values[0]) ? values[0] : undefined;
  const eligible = terms.filter((f) => f.amortisation?.type !== "annuity");
  const floating = terms.filter((f) => f.rate.type === "floating");
  const todaysRate = firstOf(base.baseRate);
  const hedgedShare = uniform(floating.map((f) => f.hedge?.type === "swap" && f.hedge.fixedRate === todaysRate ? f.hedge.notional / facilityCommitment(f) : 0));
  const covenant = (kind: string) => uniform(terms.map((f) => f.covenants?.find((c) => c.kind === kind)?.threshold ?? 0)) ?? 0;
  const consequence = uniform(terms.flatMap((f) => (f.covenants ?? []).map((c) => c.consequence.type)));
  // A base with one prepayment in all shows it; with none or several, the controls show none.
  const prepaying = terms.filter((f) => (f.prepayments ?? []).length > 0);
  const only = prepaying.length === 1 && prepaying[0]!.prepayments!.length === 1 ? prepaying[0]! : undefined;
  const prepayment = only?.prepayments![0];
  return {
    averageBalanceInterest: base.interestConvention === "average" ? 1 : 0,
    pikSharePct: clean((uniform(eligible.map((f) => f.pikShare ?? 0)) ?? 0) * 100),
    hedgedSharePct: clean((hedgedShare ?? 0) * 100),
    cashSweepPct: clean((base.cashSweep?.share ?? 0) * 100),
    leasePayments: base.leases ? firstOf(base.leases.paymentPerQuarter) : 0,
    prepaymentAmount: prepayment?.amount ?? 0,
    prepaymentQuarter: prepayment ? quarterOffset(base.start, prepayment.quarter) + 1 : 1,
    prepaymentPremiumPct: clean((only?.prepaymentPremium ?? 0) * 100),
    liquidityCovenant: covenant("minimumLiquidity"),
    coverageCovenant: covenant("interestCoverage"),
    covenantConsequence: consequence === "equityCure" ? 1 : consequence === "accelerate" ? 2 : 0
  };
}

const facilityCommitment = (f: ModelInputDraft["facilities"][number]) => f.principal + (f.draws ?? []).reduce((sum, d) => sum + d.amount, 0);

export function applyControls(base: ModelInputDraft, c: Controls): ModelInputDraft {
  const schedule = applyDebtSchedule(base, c);
  const shut = c.marketShutAfter > 0 && c.marketShutQuarters > 0
    ? [{from: addQuarters(base.start, c.marketShutAfter - 1), to: addQuarters(base.start, c.marketShutAfter + c.marketShutQuarters - 2)}]
    : [];
  // Where a control leaves a part as the base has it, the base's own object is kept: the
  // risk tools' fast parse (`parseVariant`) takes an unchanged object as validated, so a
  // grid cell that moves two controls parses two parts, not all of them.
  const capacity = base.revolver ? Math.max(c.revolverCapacity, base.revolver.drawn ?? 0) : c.revolverCapacity;
  const revolver = base.revolver
    ? (base.revolver.capacity === capacity ? base.revolver : {...base.revolver, capacity})
    : c.revolverCapacity > 0 ? {capacity: c.revolverCapacity, rate: {type: "floating" as const, spread: 0.07}} : undefined;
  const lastQuarter = base.revenue.lastQuarter * (1 - c.revenueLostPct / 100), growth = c.growthPct / 100;
  const margin = c.ebitdaMarginPct / 100;
  const r = base.refinancing;
  const refinancing = r && r.shareRolled === c.shareRolledPct / 100 && r.spread === c.refinancingSpreadPct / 100 && r.tenorQuarters === c.tenorQuarters && (r.marketShut ?? []).length === 0 && shut.length === 0
    ? r
    : {shareRolled: c.shareRolledPct / 100, spread: c.refinancingSpreadPct / 100, tenorQuarters: c.tenorQuarters, feeRate: r?.feeRate ?? 0, marketShut: shut};
  return {
    ...base,
    baseRate: c.rateChangeBp / 10000,
    revenue: base.revenue.lastQuarter === lastQuarter && base.revenue.growth === growth ? base.revenue : {lastQuarter, growth},
    costs: base.costs.kind === "margin" && base.costs.ebitdaMargin === margin ? base.costs : {kind: "margin", ebitdaMargin: margin},
    capex: c.capex,
    minimumCash: c.minimumCash,
    ...(revolver ? {revolver} : {}),
    ...schedule,
    refinancing
  };
}

const baseScheduleControls = new WeakMap<ModelInputDraft, Pick<Controls, DebtScheduleKey>>();

/**
 * The debt-schedule controls on top of the base: only those the reader moved away from
 * the base's own values change anything, so the base case (its facilities' own terms, and
 * the same objects, which the risk tools' fast parse relies on) comes back unchanged.
 */
function applyDebtSchedule(base: ModelInputDraft, c: Controls): Partial<ModelInputDraft> {
  // A grid applies controls to the same base 1,600 times: read its terms once.
  let from = baseScheduleControls.get(base);
  if (!from) baseScheduleControls.set(base, from = debtScheduleControlsOf(base));
  const moved = (key: DebtScheduleKey) => c[key] !== from[key];
  const out: {-readonly [K in keyof ModelInputDraft]?: ModelInputDraft[K]} = {};
  if (moved("averageBalanceInterest")) out.interestConvention = c.averageBalanceInterest >= 1 ? "average" : "endOfPeriod";
  if (moved("cashSweepPct")) out.cashSweep = {share: c.cashSweepPct / 100, buffer: base.cashSweep?.buffer ?? 0};
  if (moved("leasePayments")) {
    const quarters = base.leases?.remainingQuarters ?? DEBT_SCHEDULE_ASSUMPTIONS.leaseQuarters;
    out.leases = c.leasePayments > 0 ? {paymentPerQuarter: c.leasePayments, liability: c.leasePayments * quarters, remainingQuarters: quarters} : undefined;
  }
  const facilityKeys: DebtScheduleKey[] = ["pikSharePct", "hedgedSharePct", "prepaymentAmount", "prepaymentQuarter", "prepaymentPremiumPct", "liquidityCovenant", "coverageCovenant", "covenantConsequence"];
  if (facilityKeys.some(moved)) {
    const A = DEBT_SCHEDULE_ASSUMPTIONS;
    const todaysRate = firstOf(base.baseRate);
    const covenantsMoved = moved("liquidityCovenant") || moved("coverageCovenant") || moved("covenantConsequence");
    const prepaymentMoved = moved("prepaymentAmount") || moved("prepaymentQuarter") || moved("prepaymentPremiumPct");
    const target = prepaymentMoved ? prepaymentTargetIndex(base, c) : -1;
    out.facilities = base.facilities.map((f, i) => {
      const g = {...f};
      if (prepaymentMoved) {
        // The controls' prepayment replaces the base's own: one, on the dearest loan, or none.
        g.prepayments = i === target ? [{quarter: addQuarters(base.start, c.prepaymentQuarter - 1), amount: c.prepaymentAmount}] : [];
        g.prepaymentPremium = i === target ? c.prepaymentPremiumPct / 100 : 0;
      }
      if (moved("pikSharePct") && f.amortisation?.type !== "annuity") g.pikShare = c.pikSharePct / 100;
      if (moved("hedgedSharePct") && f.rate.type === "floating") {
        // A swap to today's reference rate, the base's first: in the CoreWeave base case the
        // base-rate input is the change since the filings, 0, which holds the hedged part at
        // the rate it pays now whatever the rate slider does.
        g.hedge = c.hedgedSharePct > 0 ? {type: "swap", notional: facilityCommitment(f) * c.hedgedSharePct / 100, fixedRate: todaysRate, until: f.maturity} : undefined;
      }
      if (covenantsMoved) {
        const waiver = {type: "waiver" as const, fee: f.principal * A.waiverFeeShare, spreadStepUp: A.waiverSpreadStepUp};
        const liquidity = c.covenantConsequence === 1
          ? {type: "equityCure" as const, limit: c.liquidityCovenant * A.equityCureLimitMultiple}
          : c.covenantConsequence === 2 ? {type: "accelerate" as const} : waiver;
        const coverage = c.covenantConsequence === 2 ? {type: "accelerate" as const} : waiver;
        g.covenants = [
          ...(c.liquidityCovenant > 0 ? [{kind: "minimumLiquidity" as const, threshold: c.liquidityCovenant, consequence: liquidity}] : []),
          ...(c.coverageCovenant > 0 ? [{kind: "interestCoverage" as const, threshold: c.coverageCovenant, consequence: coverage}] : [])
        ];
      }
      return g;
    });
  }
  return out;
}

/**
 * The term loan the prepayment control repays: the dearest at the controls' reference rate
 * (a fixed rate, or the floored reference rate + spread), the first listed among equals,
 * of those still outstanding after the prepayment's quarter. Null when the amount is zero
 * or every loan matures by then.
 */
export function prepaymentTarget(base: ModelInputDraft, c: Controls): {index: number; name: string; quarter: string} | null {
  const index = prepaymentTargetIndex(base, c);
  return index < 0 ? null : {index, name: base.facilities[index]!.name, quarter: addQuarters(base.start, c.prepaymentQuarter - 1)};
}

function prepaymentTargetIndex(base: ModelInputDraft, c: Controls): number {
  if (!(c.prepaymentAmount > 0)) return -1;
  const quarter = addQuarters(base.start, c.prepaymentQuarter - 1);
  const reference = c.rateChangeBp / 10000;
  let best = -1, bestRate = -Infinity;
  base.facilities.forEach((f, i) => {
    if (quarterOffset(f.maturity, quarter) >= 0) return;
    const rate = f.rate.type === "fixed" ? f.rate.annualRate : Math.max(reference, f.rate.floor ?? -Infinity) + f.rate.spread;
    if (rate > bestRate) [best, bestRate] = [i, rate];
  });
  return best;
}
