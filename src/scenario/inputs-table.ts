import type {ModelInputDraft} from "../model/index.js";
import {addQuarters, quarterOffset} from "../model/index.js";

/**
 * Every input a reader moves, declared once: its label and unit, its group on the page, its
 * range and step, its value in the base case, how it lands on the model's input and which
 * rows of the workbook's inputs sheet it moves. The form, the scenario files' schema (and
 * their JSON Schema), the URL state (whose parameter is the input's key), the scenario diff,
 * the CLI's `--set`, the risk tools and the workbook all read this table: adding an input is
 * one entry here plus its model code.
 */
export interface InputDeclaration<K extends string> {
  /** As the page shows it, with its unit where the unit is not obvious. */
  readonly label: string;
  /** The unit of the value, for tables, the workbook and the JSON Schema. */
  readonly unit: string;
  readonly group: InputGroup;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Counts of quarters and choices among options: a fraction of one means nothing. */
  readonly whole?: boolean;
  /** An input that chooses among a few options: what each value (0, 1, …) means. */
  readonly choices?: readonly string[];
  /** The value that reproduces the base case. */
  readonly baseValue: (base: ModelInputDraft) => number;
  /**
   * Sets what this input moves on `draft` (a shallow copy of the base), reading its
   * companions from `controls` where several inputs build one part. Parts an input leaves
   * as the base has them keep the base's own objects: the risk tools' fast parse takes an
   * unchanged object as validated.
   */
  readonly apply: (draft: Draft, controls: Readonly<Record<K, number>>, base: ModelInputDraft, moved: (key: K) => boolean) => void;
  /** The keys of the inputs-sheet rows it moves (`*` for every facility or covenant). */
  readonly workbook: readonly string[];
}

export type Draft = {-readonly [P in keyof ModelInputDraft]: ModelInputDraft[P]};

/** The groups of the form, in the order the page shows them. */
export const INPUT_GROUPS = {
  rates: "Interest rates",
  revenue: "Revenue",
  costs: "Costs and capex",
  refinancing: "Refinancing at maturity",
  liquidity: "Liquidity and new borrowing",
  horizon: "Horizon",
  schedule: "Debt schedule (assumptions: none of these from a filing)"
} as const;
export type InputGroup = keyof typeof INPUT_GROUPS;

/**
 * What the debt-schedule inputs assume beyond their own value: stated on the page, and
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

// The keys are inferred from the table itself, so that each entry's `apply` can read its
// companions by name and `Controls` follows the table.
const declare = <K extends string>(table: {readonly [P in K]: InputDeclaration<K>}) => table;

export const INPUTS = declare({
  rateChangeBp: {
    label: "Reference-rate change (bp)", unit: "basis points", group: "rates", min: -300, max: 600, step: 25,
    baseValue: (b) => clean(firstOf(b.baseRate) * 10000),
    // Floating facilities move by it; the base case's reference rate is the change since the filings, 0.
    apply: (d, c) => { d.baseRate = c.rateChangeBp / 10000; },
    workbook: ["baseRate"]
  },
  growthPct: {
    label: "Growth a quarter at first (%)", unit: "% a quarter", group: "revenue", min: -30, max: 40, step: 0.01,
    baseValue: (b) => clean(firstOf(b.revenue.growth) * 100),
    // With the long-run rate and the fade: growth runs in a straight line from this rate to
    // the long-run one over the fade's quarters, then holds (fadingGrowth).
    apply: (d, c, _b, moved) => {
      if (!(moved("growthPct") || moved("longRunGrowthPct") || moved("fadeQuarters"))) return;
      d.revenue = revenueGrowing(d.revenue, c.growthPct, c.longRunGrowthPct, c.fadeQuarters);
    },
    workbook: ["growth"]
  },
  longRunGrowthPct: {
    label: "Long-run growth a quarter (%)", unit: "% a quarter", group: "revenue", min: -10, max: 40, step: 0.01,
    baseValue: (b) => clean(lastOf(b.revenue.growth) * 100),
    apply: () => { /* with growthPct */ },
    workbook: ["growth"]
  },
  fadeQuarters: {
    label: "Quarters growth takes to fade to it (0: never)", unit: "quarters", group: "revenue", min: 0, max: 40, step: 1, whole: true,
    baseValue: (b) => (typeof b.revenue.growth === "number" ? 0 : b.revenue.growth.length - 1),
    apply: () => { /* with growthPct */ },
    workbook: ["growth"]
  },
  revenueFollowsBacklog: {
    label: "Revenue follows", unit: "choice", group: "revenue", min: 0, max: 1, step: 1, whole: true,
    choices: ["growth that fades", "the backlog"],
    baseValue: (b) => (b.revenue.backlog?.follows ? 1 : 0),
    // With bookings and the term: each quarter recognises backlog ÷ term, and bookings,
    // moving with the growth path above, refill the backlog (src/model/revenue.ts).
    apply: (d, c, b, moved) => {
      if (!(moved("revenueFollowsBacklog") || moved("bookingsPerQuarter") || moved("backlogTermQuarters"))) return;
      d.revenue = {...d.revenue, backlog: {opening: b.revenue.backlog?.opening ?? 0, bookings: c.bookingsPerQuarter, termQuarters: c.backlogTermQuarters, follows: c.revenueFollowsBacklog >= 1}};
    },
    workbook: ["backlogFollows"]
  },
  bookingsPerQuarter: {
    label: "Bookings a quarter, before growth (USD m)", unit: "USD m a quarter", group: "revenue", min: 0, max: 100000, step: 1,
    baseValue: (b) => b.revenue.backlog?.bookings ?? 0,
    apply: () => { /* with revenueFollowsBacklog */ },
    workbook: ["bookings"]
  },
  backlogTermQuarters: {
    label: "Quarters the backlog takes to convert (weighted term)", unit: "quarters", group: "revenue", min: 1, max: 120, step: 0.01,
    baseValue: (b) => b.revenue.backlog?.termQuarters ?? 1,
    apply: () => { /* with revenueFollowsBacklog */ },
    workbook: ["backlogTerm"]
  },
  largestCustomerSharePct: {
    label: "Largest customer's share of revenue (%)", unit: "% of revenue", group: "revenue", min: 0, max: 100, step: 1,
    baseValue: (b) => clean((b.revenue.largestCustomer?.share ?? 0) * 100),
    // With the quarter it stops and why: from that quarter revenue, bookings and backlog are
    // the rest's share; a default also loses the quarter's billing before (src/model/revenue.ts).
    apply: (d, c, b, moved) => {
      if (!(moved("largestCustomerSharePct") || moved("largestCustomerStopsQuarter") || moved("largestCustomerStopsBecause"))) return;
      const stops = c.largestCustomerStopsQuarter > 0 ? {stopsFrom: addQuarters(b.start, c.largestCustomerStopsQuarter - 1)} : {};
      d.revenue = {...d.revenue, largestCustomer: {share: c.largestCustomerSharePct / 100, ...stops, because: c.largestCustomerStopsBecause >= 1 ? "default" : "nonRenewal"}};
    },
    workbook: ["customerShare"]
  },
  largestCustomerStopsQuarter: {
    label: "Largest customer stops paying from quarter (0: never)", unit: "quarter of the projection", group: "revenue", min: 0, max: 40, step: 1, whole: true,
    baseValue: (b) => {
      const stopsFrom = b.revenue.largestCustomer?.stopsFrom;
      return stopsFrom === undefined ? 0 : quarterOffset(b.start, stopsFrom) + 1;
    },
    apply: () => { /* with largestCustomerSharePct */ },
    workbook: ["customerStops"]
  },
  largestCustomerStopsBecause: {
    label: "…because", unit: "choice", group: "revenue", min: 0, max: 1, step: 1, whole: true,
    choices: ["non-renewal (its revenue stops; costs keep their margin)", "default (it stops, and the quarter it was billed is never collected)"],
    baseValue: (b) => (b.revenue.largestCustomer?.because === "default" ? 1 : 0),
    apply: () => { /* with largestCustomerSharePct */ },
    workbook: ["customerDefaults"]
  },
  ebitdaMarginPct: {
    label: "EBITDA margin (%)", unit: "% of revenue", group: "costs", min: -20, max: 80, step: 0.01,
    baseValue: (b) => (b.costs.kind === "margin" ? clean(firstOf(b.costs.ebitdaMargin) * 100) : 0),
    apply: (d, c) => {
      const margin = c.ebitdaMarginPct / 100;
      if (!(d.costs.kind === "margin" && d.costs.ebitdaMargin === margin)) d.costs = {kind: "margin", ebitdaMargin: margin};
    },
    workbook: ["margin"]
  },
  capex: {
    label: "Capex a quarter, at the reported pace (USD m)", unit: "USD m a quarter", group: "costs", min: 0, max: 20000, step: 1,
    baseValue: (b) => firstOf(b.capex),
    apply: (d, c) => { d.capex = c.capex; },
    workbook: ["capex"]
  },
  capexFollowsGrowth: {
    label: "Capex runs", unit: "choice", group: "costs", min: 0, max: 1, step: 1, whole: true,
    choices: ["at the reported pace (the capex input)", "with growth: intensity × revenue added, plus maintenance"],
    baseValue: (b) => (b.capexIntensity?.follows ? 1 : 0),
    // With the intensity and the lead: capex = intensity × 4 × the revenue added `lead`
    // quarters ahead, plus the replacement of vintages at the end of their life, instead of
    // the capex input (src/model/operations.ts).
    apply: (d, c, _b, moved) => {
      if (!(moved("capexFollowsGrowth") || moved("capexIntensity") || moved("capexLeadQuarters"))) return;
      d.capexIntensity = {perAddedAnnualRevenue: c.capexIntensity, leadQuarters: c.capexLeadQuarters, follows: c.capexFollowsGrowth >= 1};
    },
    workbook: ["capexFollows"]
  },
  capexIntensity: {
    label: "Capex per USD of added annual revenue", unit: "USD", group: "costs", min: 0, max: 10, step: 0.01,
    baseValue: (b) => b.capexIntensity?.perAddedAnnualRevenue ?? 0,
    apply: () => { /* with capexFollowsGrowth */ },
    workbook: ["capexIntensity"]
  },
  capexLeadQuarters: {
    label: "Quarters from buying GPUs to earning from them", unit: "quarters", group: "costs", min: 0, max: 8, step: 1, whole: true,
    baseValue: (b) => b.capexIntensity?.leadQuarters ?? 2,
    apply: () => { /* with capexFollowsGrowth */ },
    workbook: ["capexLead"]
  },
  usefulLifeQuarters: {
    label: "Useful life of GPUs and servers (quarters)", unit: "quarters", group: "costs", min: 8, max: 40, step: 1, whole: true,
    baseValue: (b) => b.depreciation?.capexLifeQuarters ?? 24,
    // Every vintage of capex, reported or projected, depreciates straight line over it and
    // is replaced when it ends (maintenance capex); the opening charge the reported vintages
    // do not explain keeps its book value and runs it off over its remaining life scaled by
    // the same ratio.
    apply: (d, c, _b, moved) => {
      if (!moved("usefulLifeQuarters")) return;
      const held = d.depreciation ?? {};
      const life = held.capexLifeQuarters ?? 24, remaining = held.openingRemainingQuarters ?? 0;
      const book = (held.openingPerQuarter ?? 0) * remaining;
      const left = remaining > 0 ? Math.max(1, Math.round(remaining * c.usefulLifeQuarters / life)) : 0;
      d.depreciation = {...held, openingPerQuarter: left > 0 ? book / left : 0, openingRemainingQuarters: left, capexLifeQuarters: c.usefulLifeQuarters};
    },
    workbook: ["capexLife", "openingDepreciation", "openingDepreciationQuarters"]
  },
  shareRolledPct: {
    label: "Share rolled (%)", unit: "% of principal due", group: "refinancing", min: 0, max: 100, step: 5,
    baseValue: (b) => clean((b.refinancing?.shareRolled ?? 0) * 100),
    apply: (d, c) => setRefinancing(d, c, "shareRolled", c.shareRolledPct / 100),
    workbook: ["shareRolled"]
  },
  refinancingSpreadPct: {
    label: "New spread (% a year)", unit: "% a year over the reference rate", group: "refinancing", min: 0, max: 20, step: 0.25,
    baseValue: (b) => clean((b.refinancing?.spread ?? 0) * 100),
    apply: (d, c) => setRefinancing(d, c, "spread", c.refinancingSpreadPct / 100),
    workbook: ["refiSpread"]
  },
  tenorQuarters: {
    label: "New tenor (quarters)", unit: "quarters", group: "refinancing", min: 1, max: 40, step: 1, whole: true,
    baseValue: (b) => b.refinancing?.tenorQuarters ?? 20,
    apply: (d, c) => setRefinancing(d, c, "tenorQuarters", c.tenorQuarters),
    workbook: ["refiTenor"]
  },
  marketShutAfter: {
    label: "Markets shut in quarter (0: never)", unit: "quarter of the projection", group: "refinancing", min: 0, max: 12, step: 1, whole: true,
    baseValue: () => 0,
    // One window, from the quarter chosen for as many quarters as the next input says.
    apply: (d, c, b) => {
      const shut = c.marketShutAfter > 0 && c.marketShutQuarters > 0
        ? [{from: addQuarters(b.start, c.marketShutAfter - 1), to: addQuarters(b.start, c.marketShutAfter + c.marketShutQuarters - 2)}]
        : [];
      if (shut.length > 0 || (d.refinancing?.marketShut ?? []).length > 0) d.refinancing = {...refinancingOf(d, c), marketShut: shut};
    },
    workbook: ["marketShut"]
  },
  marketShutQuarters: {
    label: "…for quarters", unit: "quarters", group: "refinancing", min: 0, max: 12, step: 1, whole: true,
    baseValue: () => 0,
    apply: () => { /* with marketShutAfter, which builds the window */ },
    workbook: ["marketShut"]
  },
  revolverCapacity: {
    label: "Revolver capacity (USD m)", unit: "USD m", group: "liquidity", min: 0, max: 5000, step: 50,
    baseValue: (b) => b.revolver?.capacity ?? 0,
    apply: (d, c, b) => {
      // Never below what is drawn at the start; a new revolver is floating at 7 % over the reference rate (an assumption).
      if (b.revolver) {
        const capacity = Math.max(c.revolverCapacity, b.revolver.drawn ?? 0);
        if (b.revolver.capacity !== capacity) d.revolver = {...b.revolver, capacity};
      } else if (c.revolverCapacity > 0) {
        d.revolver = {capacity: c.revolverCapacity, rate: {type: "floating", spread: 0.07}};
      }
    },
    workbook: ["rev.capacity"]
  },
  minimumCash: {
    label: "Minimum cash (USD m)", unit: "USD m", group: "liquidity", min: 0, max: 3000, step: 50,
    baseValue: (b) => b.minimumCash ?? 0,
    apply: (d, c) => { d.minimumCash = c.minimumCash; },
    workbook: ["minimumCash"]
  },
  newBorrowingLimit: {
    label: "New borrowing lenders provide, in all (USD m)", unit: "USD m over the projection", group: "liquidity", min: 0, max: 50000, step: 500,
    baseValue: (b) => b.newBorrowing?.limit ?? 0,
    // Drawn only to fund a shortfall, on the base's terms (spread, tenor, fee).
    apply: (d, c, _b, moved) => {
      if (moved("newBorrowingLimit")) d.newBorrowing = {...(d.newBorrowing ?? {spread: 0, tenorQuarters: 20, feeRate: 0}), limit: c.newBorrowingLimit};
    },
    workbook: ["nbLimit"]
  },
  newBorrowingPerQuarter: {
    label: "…of which at most a quarter (USD m)", unit: "USD m a quarter", group: "liquidity", min: 0, max: 20000, step: 250,
    // Absent, no cap a quarter: the limit itself is the same thing.
    baseValue: (b) => b.newBorrowing?.perQuarter ?? b.newBorrowing?.limit ?? 0,
    // Gross of its fee, in any one quarter, as well as at most what is left of the limit.
    apply: (d, c, _b, moved) => {
      if (moved("newBorrowingPerQuarter")) d.newBorrowing = {...(d.newBorrowing ?? {limit: 0, spread: 0, tenorQuarters: 20, feeRate: 0}), perQuarter: c.newBorrowingPerQuarter};
    },
    workbook: ["nbPerQuarter"]
  },
  equityRaisedPerQuarter: {
    label: "Equity raised a quarter (USD m)", unit: "USD m a quarter", group: "liquidity", min: 0, max: 5000, step: 50,
    baseValue: (b) => firstOf(b.equityRaised ?? 0),
    // With the next input: cash from shareholders at the start of each quarter, the same
    // amount each, from the first quarter for as many quarters as it says (0: every
    // quarter); not debt.
    apply: (d, c, _b, moved) => {
      if (moved("equityRaisedPerQuarter") || moved("equityRaisedQuarters")) d.equityRaised = datedEquity(c.equityRaisedPerQuarter, c.equityRaisedQuarters);
    },
    workbook: ["equityRaised"]
  },
  equityRaisedQuarters: {
    label: "…for quarters from the first (0: every quarter)", unit: "quarters", group: "liquidity", min: 0, max: 40, step: 1, whole: true,
    // A path of equal amounts then 0 (its last value holds) reads as so many quarters; anything else as every quarter.
    baseValue: (b) => equityQuarters(b.equityRaised ?? 0),
    apply: () => { /* with equityRaisedPerQuarter */ },
    workbook: ["equityRaised"]
  },
  marketShutIncludesEquity: {
    label: "Equity markets shut too", unit: "choice", group: "liquidity", min: 0, max: 1, step: 1, whole: true,
    choices: ["no: shares still sell while debt markets are shut", "yes: no equity is raised in the shut quarters"],
    baseValue: (b) => (b.marketShutIncludesEquity ? 1 : 0),
    // The shut quarters are those of the market-shut inputs (refinancing.marketShut).
    apply: (d, c, _b, moved) => {
      if (moved("marketShutIncludesEquity")) d.marketShutIncludesEquity = c.marketShutIncludesEquity >= 1;
    },
    workbook: ["equityShut"]
  },
  horizonQuarters: {
    label: "Horizon (quarters)", unit: "quarters", group: "horizon", min: 4, max: 40, step: 1, whole: true,
    baseValue: (b) => b.quarters,
    apply: (d, c) => { d.quarters = c.horizonQuarters; },
    // The workbook runs one column a quarter: the horizon is its width, not a row.
    workbook: []
  },
  averageBalanceInterest: {
    label: "Interest on", unit: "choice", group: "schedule", min: 0, max: 1, step: 1, whole: true,
    choices: ["the opening balance", "the average balance"],
    baseValue: (b) => (b.interestConvention === "average" ? 1 : 0),
    apply: (d, c, _b, moved) => {
      if (moved("averageBalanceInterest")) d.interestConvention = c.averageBalanceInterest >= 1 ? "average" : "endOfPeriod";
    },
    workbook: ["convention"]
  },
  pikSharePct: {
    label: "Interest paid in kind (%)", unit: "% of interest", group: "schedule", min: 0, max: 100, step: 5,
    // On every term loan that is not an annuity.
    baseValue: (b) => clean((uniform(b.facilities.filter((f) => f.amortisation?.type !== "annuity").map((f) => f.pikShare ?? 0)) ?? 0) * 100),
    apply: (d, c, _b, moved) => {
      if (moved("pikSharePct")) d.facilities = d.facilities.map((f) => (f.amortisation?.type === "annuity" ? f : {...f, pikShare: c.pikSharePct / 100}));
    },
    workbook: ["f*.pik"]
  },
  hedgedSharePct: {
    label: "Floating debt swapped to fixed (%)", unit: "% of each floating loan", group: "schedule", min: 0, max: 100, step: 5,
    baseValue: (b) => {
      const todaysRate = firstOf(b.baseRate);
      const shares = b.facilities.filter((f) => f.rate.type === "floating").map((f) => (f.hedge?.type === "swap" && f.hedge.fixedRate === todaysRate ? f.hedge.notional / facilityCommitment(f) : 0));
      return clean((uniform(shares) ?? 0) * 100);
    },
    // A swap to today's reference rate, the base's first, until the loan's maturity: in the
    // CoreWeave base case the reference rate is the change since the filings, 0, which holds
    // the hedged part at the rate it pays now whatever the rate input does.
    apply: (d, c, b, moved) => {
      if (!moved("hedgedSharePct")) return;
      const fixedRate = firstOf(b.baseRate);
      d.facilities = d.facilities.map((f) => (f.rate.type !== "floating" ? f : {
        ...f,
        hedge: c.hedgedSharePct > 0 ? {type: "swap", notional: facilityCommitment(f) * c.hedgedSharePct / 100, fixedRate, until: f.maturity} : undefined
      }));
    },
    workbook: ["f*.hedgeType", "f*.hedgeNotional", "f*.hedgeRate", "f*.hedgeUntil"]
  },
  cashSweepPct: {
    label: "Cash sweep of excess cash (%)", unit: "% of cash above minimum cash", group: "schedule", min: 0, max: 100, step: 5,
    // Repays term loans in their listed order, each quarter.
    baseValue: (b) => clean((b.cashSweep?.share ?? 0) * 100),
    apply: (d, c, b, moved) => {
      if (moved("cashSweepPct")) d.cashSweep = {share: c.cashSweepPct / 100, buffer: b.cashSweep?.buffer ?? 0};
    },
    workbook: ["sweepShare"]
  },
  leasePayments: {
    label: "Lease payments a quarter (USD m)", unit: "USD m a quarter", group: "schedule", min: 0, max: 3000, step: 10,
    // A fixed charge after EBITDA; the liability runs down over the base's term, or the assumed one.
    baseValue: (b) => (b.leases ? firstOf(b.leases.paymentPerQuarter) : 0),
    apply: (d, c, b, moved) => {
      if (!moved("leasePayments")) return;
      const quarters = b.leases?.remainingQuarters ?? DEBT_SCHEDULE_ASSUMPTIONS.leaseQuarters;
      d.leases = c.leasePayments > 0 ? {paymentPerQuarter: c.leasePayments, liability: c.leasePayments * quarters, remainingQuarters: quarters} : undefined;
    },
    workbook: ["leasePayments", "leaseLiability", "leaseQuarters"]
  },
  prepaymentAmount: {
    label: "Prepay the dearest term loan (USD m, 0: none)", unit: "USD m", group: "schedule", min: 0, max: 5000, step: 50,
    baseValue: (b) => onlyPrepayment(b)?.amount ?? 0,
    // With its quarter and premium: the inputs' prepayment replaces the base's own, made at
    // the quarter's end from cash above minimum cash, on the dearest loan (prepaymentTarget).
    apply: (d, c, b, moved) => {
      if (!(moved("prepaymentAmount") || moved("prepaymentQuarter") || moved("prepaymentPremiumPct"))) return;
      const target = prepaymentTargetIndex(b, c);
      d.facilities = d.facilities.map((f, i) => ({
        ...f,
        prepayments: i === target ? [{quarter: addQuarters(b.start, c.prepaymentQuarter - 1), amount: c.prepaymentAmount}] : [],
        prepaymentPremium: i === target ? c.prepaymentPremiumPct / 100 : 0
      }));
    },
    workbook: ["f*.prepayments"]
  },
  prepaymentQuarter: {
    label: "…at the end of quarter", unit: "quarter of the projection", group: "schedule", min: 1, max: 20, step: 1, whole: true,
    baseValue: (b) => {
      const only = onlyPrepayment(b);
      return only ? quarterOffset(b.start, only.quarter) + 1 : 1;
    },
    apply: () => { /* with prepaymentAmount */ },
    workbook: ["f*.prepayments"]
  },
  prepaymentPremiumPct: {
    label: "…with a call premium (%)", unit: "% of the amount prepaid", group: "schedule", min: 0, max: 10, step: 0.25,
    baseValue: (b) => clean((onlyPrepayment(b)?.premium ?? 0) * 100),
    apply: () => { /* with prepaymentAmount */ },
    workbook: ["f*.prepaymentPremium"]
  },
  liquidityCovenant: {
    label: "Minimum-liquidity covenant (USD m, 0: none)", unit: "USD m", group: "schedule", min: 0, max: 5000, step: 50,
    baseValue: (b) => covenantThreshold(b, "minimumLiquidity"),
    // With the coverage covenant and the consequence: every term loan's covenants, replaced.
    apply: (d, c, _b, moved) => {
      if (!(moved("liquidityCovenant") || moved("coverageCovenant") || moved("covenantConsequence"))) return;
      const A = DEBT_SCHEDULE_ASSUMPTIONS;
      d.facilities = d.facilities.map((f) => {
        const waiver = {type: "waiver" as const, fee: f.principal * A.waiverFeeShare, spreadStepUp: A.waiverSpreadStepUp};
        const liquidity = c.covenantConsequence === 1
          ? {type: "equityCure" as const, limit: c.liquidityCovenant * A.equityCureLimitMultiple}
          : c.covenantConsequence === 2 ? {type: "accelerate" as const} : waiver;
        const coverage = c.covenantConsequence === 2 ? {type: "accelerate" as const} : waiver;
        return {...f, covenants: [
          ...(c.liquidityCovenant > 0 ? [{kind: "minimumLiquidity" as const, threshold: c.liquidityCovenant, consequence: liquidity}] : []),
          ...(c.coverageCovenant > 0 ? [{kind: "interestCoverage" as const, threshold: c.coverageCovenant, consequence: coverage}] : [])
        ]};
      });
    },
    workbook: ["f*.cov*.threshold"]
  },
  coverageCovenant: {
    label: "Interest-coverage covenant (×, 0: none)", unit: "× (EBITDA / interest)", group: "schedule", min: 0, max: 5, step: 0.05,
    baseValue: (b) => covenantThreshold(b, "interestCoverage"),
    apply: () => { /* with liquidityCovenant */ },
    workbook: ["f*.cov*.threshold"]
  },
  covenantConsequence: {
    label: "On a breach", unit: "choice", group: "schedule", min: 0, max: 2, step: 1, whole: true,
    choices: ["waiver (fee and step-up)", "equity cure", "acceleration"],
    // An equity cure answers the liquidity covenant; a coverage breach is then waived.
    baseValue: (b) => {
      const consequence = uniform(b.facilities.flatMap((f) => (f.covenants ?? []).map((c) => c.consequence.type)));
      return consequence === "equityCure" ? 1 : consequence === "accelerate" ? 2 : 0;
    },
    apply: () => { /* with liquidityCovenant */ },
    workbook: ["f*.cov*.consequence"]
  }
});

export type InputKey = keyof typeof INPUTS;
/** What a reader moves on the page, in the units the page shows, one value per input. */
export type Controls = {readonly [K in InputKey]: number};

/**
 * The drivers that move the answer most, in the order the page shows them first, beside the
 * charts (the rest fold under "More", in their groups): revenue growth and where it settles,
 * capex and the GPUs' life (what the cash chart turns on), then rates, new borrowing and
 * refinancing (what the debt turns on).
 */
export const PROMINENT_INPUTS = [
  "growthPct", "longRunGrowthPct", "capexIntensity", "usefulLifeQuarters", "rateChangeBp", "newBorrowingLimit", "shareRolledPct"
] as const satisfies readonly InputKey[];

export const isProminent = (key: InputKey): boolean => (PROMINENT_INPUTS as readonly InputKey[]).includes(key);

/** Every input's key, in the table's order. */
export const INPUT_KEYS = Object.keys(INPUTS) as InputKey[];

/**
 * Whether `text` writes an input's value as the URL and the CLI's `--set` accept it: a plain
 * decimal number (`150`, `-2.5`), never `0x10`, `1e3`, `" 5"` or `1=2`.
 */
export const isPlainDecimal = (text: string): boolean => /^-?\d+(\.\d+)?$/.test(text);

/**
 * Inputs that were renamed or folded into others: old scenario files, links and `--set`s
 * name them, and each reads as the inputs that now say the same thing.
 */
export const LEGACY_INPUTS: Readonly<Record<string, {readonly label: string; readonly min: number; readonly max: number; readonly becomes: (value: number) => Partial<Record<InputKey, number>>}>> = {
  // "Revenue lost: a customer leaves (%)", off the revenue base from the first quarter: the
  // largest customer, with that share, stopping at the first quarter without a default.
  revenueLostPct: {
    label: "Revenue lost: a customer leaves (%), now the largest customer's share stopping from quarter 1", min: 0, max: 100,
    becomes: (value) => (value > 0 ? {largestCustomerSharePct: value, largestCustomerStopsQuarter: 1, largestCustomerStopsBecause: 0} : {largestCustomerStopsQuarter: 0})
  }
};

export function isLegacyInputKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(LEGACY_INPUTS, key);
}

/**
 * A record of inputs with any legacy input replaced by what it now means. A legacy input
 * beside one it becomes is refused (which to believe?), as is a legacy value that is not a
 * number in its old range: the error names the input.
 */
export function migrateLegacyInputs(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!isLegacyInputKey(key)) out[key] = value;
  for (const [key, value] of Object.entries(record)) {
    if (!isLegacyInputKey(key)) continue;
    const legacy = LEGACY_INPUTS[key]!;
    if (typeof value !== "number" || !(value >= legacy.min && value <= legacy.max)) throw new RangeError(`${key} must be a number from ${legacy.min} to ${legacy.max}`);
    for (const [newKey, newValue] of Object.entries(legacy.becomes(value))) {
      if (newKey in out) throw new RangeError(`${key} (an old input) and ${newKey}, which replaces it, are both set`);
      out[newKey] = newValue;
    }
  }
  return out;
}

/** Whether `key` names an input (and not, say, `__proto__` or `constructor`). */
export function isInputKey(key: string): key is InputKey {
  return Object.prototype.hasOwnProperty.call(INPUTS, key);
}

/** A per-quarter input's last value: where it ends, and holds after. */
const lastOf = (path: number | readonly number[]): number => (typeof path === "number" ? path : (path.at(-1) ?? 0));

/**
 * Growth a quarter that falls (or rises) in a straight line from `first` to `longRun` over
 * `quarters` quarters, then holds at `longRun` (a path's last value holds); with no fade
 * (0 quarters), `first` holds throughout.
 */
/**
 * The revenue with growth that fades, the last one made kept: a grid's row lays the same growth
 * on the same revenue forty times, and the same object each time lets the parse made for the
 * first be found by the object (`ParsedFields`). A draft is never changed in place, so
 * sharing it is safe.
 */
function revenueGrowing(revenue: Draft["revenue"], growthPct: number, longRunPct: number, fadeQuarters: number): Draft["revenue"] {
  const last = lastRevenue;
  if (last && last.from === revenue && last.growthPct === growthPct && last.longRunPct === longRunPct && last.fadeQuarters === fadeQuarters) return last.made;
  const made = {...revenue, growth: fadingGrowth(growthPct / 100, longRunPct / 100, fadeQuarters)};
  lastRevenue = {from: revenue, growthPct, longRunPct, fadeQuarters, made};
  return made;
}
let lastRevenue: {from: Draft["revenue"]; growthPct: number; longRunPct: number; fadeQuarters: number; made: Draft["revenue"]} | null = null;

export function fadingGrowth(first: number, longRun: number, quarters: number): number | number[] {
  if (quarters <= 0) return first;
  // A loop, not Array.from with a callback: a grid writes 1,600 of these.
  const path = new Array<number>(quarters + 1);
  for (let t = 0; t < quarters; t++) path[t] = first + ((longRun - first) * t) / quarters;
  path[quarters] = longRun;
  return path;
}

/** `amount` a quarter for `quarters` quarters from the first, then none (a path's last value holds); 0 quarters: every quarter. */
export function datedEquity(amount: number, quarters: number): number | number[] {
  return quarters > 0 && amount > 0 ? [...Array<number>(quarters).fill(amount), 0] : amount;
}

/** How many quarters `datedEquity` would have written the path for: 0 for a single value or any other shape. */
function equityQuarters(path: number | readonly number[]): number {
  if (typeof path === "number" || path.length < 2 || path.at(-1) !== 0) return 0;
  const head = path.slice(0, -1);
  return head.every((x) => x === head[0] && x > 0) ? head.length : 0;
}

/** A per-quarter input's first value: where the inputs start. */
export const firstOf = (path: number | readonly number[]): number => (typeof path === "number" ? path : (path[0] ?? 0));

// Rid of float noise only (0.1252 × 100 = 12.520000000000001), so that the value sits on
// its slider's grid and moving nothing still reproduces the base case.
const clean = (x: number) => Number(x.toPrecision(12));

/** The one value all share, or undefined when they differ (or there are none). */
const uniform = <T>(values: readonly T[]): T | undefined => (values.length > 0 && values.every((v) => v === values[0]) ? values[0] : undefined);

type Facility = ModelInputDraft["facilities"][number];
const facilityCommitment = (f: Facility) => f.principal + (f.draws ?? []).reduce((sum, d) => sum + d.amount, 0);

/** A threshold every term loan shares for a covenant of this kind, or 0 (none) where they differ. */
const covenantThreshold = (b: ModelInputDraft, kind: string) => uniform(b.facilities.map((f) => f.covenants?.find((c) => c.kind === kind)?.threshold ?? 0)) ?? 0;

/** A base with one prepayment in all shows it; with none or several, the inputs show none. */
function onlyPrepayment(b: ModelInputDraft): {amount: number; quarter: string; premium: number} | undefined {
  const prepaying = b.facilities.filter((f) => (f.prepayments ?? []).length > 0);
  const only = prepaying.length === 1 && prepaying[0]!.prepayments!.length === 1 ? prepaying[0]! : undefined;
  return only ? {...only.prepayments![0]!, premium: only.prepaymentPremium ?? 0} : undefined;
}

type Refinancing = NonNullable<ModelInputDraft["refinancing"]>;
/** The draft's refinancing terms, or the inputs' own where the base has none. */
type RefinancingInputs = Readonly<Record<"shareRolledPct" | "refinancingSpreadPct" | "tenorQuarters", number>>;
const refinancingOf = (d: Draft, c: RefinancingInputs): Refinancing =>
  d.refinancing ?? {shareRolled: c.shareRolledPct / 100, spread: c.refinancingSpreadPct / 100, tenorQuarters: c.tenorQuarters, feeRate: 0, marketShut: []};

function setRefinancing<F extends "shareRolled" | "spread" | "tenorQuarters">(d: Draft, c: RefinancingInputs, field: F, value: Refinancing[F]): void {
  const r = refinancingOf(d, c);
  if (d.refinancing === undefined || r[field] !== value) d.refinancing = {...r, [field]: value};
}

/** The term loan the prepayment inputs repay (see `prepaymentTarget`), or −1. */
export function prepaymentTargetIndex(base: ModelInputDraft, c: Readonly<Record<"prepaymentAmount" | "prepaymentQuarter" | "rateChangeBp", number>>): number {
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
