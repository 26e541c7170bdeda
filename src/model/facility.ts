import {arithmeticConstant, type Arithmetic} from "./arithmetic.js";
import type {FacilityInput} from "./inputs.js";
import {CENT_IN_MILLIONS} from "./metrics.js";
import {quarterOffset} from "./quarter.js";
import {prepareRate, type PreparedHedge, type PreparedRate} from "./rates.js";

export type {PreparedHedge};

export type FacilityKind = "term" | "revolver" | "newBorrowing";
export type AmortisationType = "bullet" | "straightLine" | "annuity";

/** What a facility is, for the ledger's columns. */
export interface FacilityInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: FacilityKind;
}

/**
 * A facility as the quarter loop carries it. Mutable on purpose and private to one
 * projection: refinancing changes its terms in place, so the ledger keeps one column
 * per facility however often it is rolled.
 */
export interface FacilityState<N> extends FacilityInfo {
  balance: N;
  rate: PreparedRate<N>;
  amortisation: AmortisationType;
  /** Offset of the quarter at whose end the balance is due; Infinity for none. */
  maturity: number;
  /** Scheduled draws by quarter offset (delayed-draw commitments). */
  readonly draws: ReadonlyMap<number, N>;
  /** Committed and not yet drawn. */
  undrawn: N;
  readonly upfrontFeeRate: N;
  /** The annual commitment fee rate's share for one quarter. */
  readonly commitmentFeePerQuarter: N;
  refinanceable: boolean;
  /** Share of interest paid in kind (added to the balance); none for revolvers and new borrowing. */
  pikShare?: N;
  /**
   * Discount and issuance costs amortised straight line: `discountPerQuarter` in each
   * quarter before `discountLastQuarter`, and what is left (`discountLast`) in that one.
   */
  readonly discountPerQuarter?: N;
  readonly discountLast?: N;
  readonly discountLastQuarter?: number;
  readonly hedge?: PreparedHedge<N> | null;
  readonly covenants?: readonly PreparedCovenant<N>[];
  /** Optional prepayments by quarter offset (at most this much repaid early); null for none. */
  readonly prepayments?: ReadonlyMap<number, N> | null;
  /** The call premium on an amount prepaid, as a share of it; and 1 + that share. */
  readonly prepaymentPremium?: N;
  readonly prepaymentCost?: N;
  /** A waiver fee owed, paid with the next quarter's fees. */
  pendingFee?: N;
  /**
   * Interest on the average balance is a base times r/(1 − r·k/2) with payment in kind, or
   * times r/(2 − r) for an annuity (see `averageBalanceInterest`). The factor changes only
   * when the rate does, and a decimal division costs three multiplications: it is kept with
   * the period rate it was made for.
   */
  averageFactorRate?: N | null;
  averageFactor?: N | null;
  /**
   * The rate borne last quarter and what it was made from. The same terms on the same base
   * rate bear the same rate, and most quarters repeat the last one's (a fixed rate, a base
   * rate past its path's last value): the quarter then reuses it, and its share for a
   * quarter, rather than make both again. Updated in place.
   */
  lastRate?: QuarterRate<N>;
}

/** A facility's rate in one quarter and the terms and base rate it was made from (no terms yet: none made). */
export interface QuarterRate<N> {
  terms: PreparedRate<N> | null;
  baseRate: N | null;
  annual: N;
  perQuarter: N;
}

export interface PreparedCovenant<N> {
  readonly kind: "minimumLiquidity" | "interestCoverage" | "maximumLeverage" | "dscr";
  readonly threshold: N;
  /**
   * Where a breach starts, worked out once: liquidity below threshold − a cent, a minimum
   * ratio below threshold − its margin, leverage above threshold + its margin.
   */
  readonly breachBound: N;
  readonly consequence:
    | {readonly type: "waiver"; readonly fee: N; readonly spreadStepUp: N}
    | {readonly type: "equityCure"; readonly limit: N}
    | {readonly type: "accelerate"};
  /** Set once its waiver's step-up has been applied; what its cures have used. */
  stepped: boolean;
  cured: N;
}

export function facilityState<N>(ar: Arithmetic<N>, input: FacilityInput, start: string): FacilityState<N> {
  const draws = amountsByQuarter(ar, input.draws, start);
  let undrawn = ar.zero;
  for (const amount of draws.values()) undrawn = ar.add(undrawn, amount);
  return facilityStateOf<N>(ar, {
    id: input.id,
    name: input.name,
    kind: "term",
    balance: ar.of(input.principal),
    rate: prepareRate(ar, input.rate),
    amortisation: input.amortisation.type,
    maturity: quarterOffset(start, input.maturity),
    draws,
    undrawn,
    upfrontFeeRate: ar.of(input.upfrontFeeRate),
    commitmentFeePerQuarter: ar.perQuarter(ar.of(input.commitmentFeeRate)),
    refinanceable: input.refinanceable
  }, {
    pikShare: ar.of(input.pikShare),
    hedge: input.hedge
      ? {type: input.hedge.type, notional: ar.of(input.hedge.notional), rate: ar.of(input.hedge.type === "swap" ? input.hedge.fixedRate : input.hedge.strike), until: quarterOffset(start, input.hedge.until)}
      : null,
    discount: discountSchedule(ar, ar.of(input.discount), quarterOffset(start, input.maturity)),
    prepayments: input.prepayments.length ? amountsByQuarter(ar, input.prepayments, start) : null,
    prepaymentPremium: ar.of(input.prepaymentPremium),
    covenants: input.covenants.map((c) => ({
      kind: c.kind,
      threshold: ar.of(c.threshold),
      breachBound: breachBound(ar, c.kind, ar.of(c.threshold)),
      consequence: c.consequence.type === "waiver"
        ? {type: "waiver" as const, fee: ar.of(c.consequence.fee), spreadStepUp: ar.of(c.consequence.spreadStepUp)}
        : c.consequence.type === "equityCure" ? {type: "equityCure" as const, limit: ar.of(c.consequence.limit)} : {type: "accelerate" as const},
      stepped: false,
      cured: ar.zero
    }))
  });
}

/**
 * Short by less than a cent is not short (float could not tell); a ratio must pass its
 * threshold by 1e-9 of it (at least 1e-12). A tie, or a miss smaller than float can
 * resolve, is not a breach, so the two arithmetics never disagree on one that the numbers
 * cannot decide.
 */
function breachBound<N>(ar: Arithmetic<N>, kind: PreparedCovenant<N>["kind"], threshold: N): N {
  if (kind === "minimumLiquidity") return ar.sub(threshold, CENT.get(ar));
  const margin = ar.max(ar.mul(threshold, RATIO_MARGIN.get(ar)), LEAST_RATIO_MARGIN.get(ar));
  return kind === "maximumLeverage" ? ar.add(threshold, margin) : ar.sub(threshold, margin);
}

const CENT = arithmeticConstant(CENT_IN_MILLIONS);
const RATIO_MARGIN = arithmeticConstant(1e-9);
const LEAST_RATIO_MARGIN = arithmeticConstant(1e-12);

/** A facility's terms as its kind has them, before the debt-schedule features. */
export type FacilityTerms<N> = Pick<FacilityState<N>, "id" | "name" | "kind" | "balance" | "rate" | "amortisation" | "maturity" | "draws" | "undrawn" | "upfrontFeeRate" | "commitmentFeePerQuarter" | "refinanceable">;

/**
 * A facility state: its terms and the debt-schedule fields, always all of them, in one
 * object literal. Every facility state (term, revolver, new borrowing) is made here, so all
 * have one shape and the quarter loop's reads stay monomorphic; field by field, because a
 * spread of the features cost more than the rest of making the state.
 */
export function facilityStateOf<N>(ar: Arithmetic<N>, t: FacilityTerms<N>, f: {
  pikShare?: N; hedge?: PreparedHedge<N> | null; covenants?: PreparedCovenant<N>[];
  discount?: {discountPerQuarter: N | undefined; discountLast: N | undefined; discountLastQuarter: number | undefined};
  prepayments?: ReadonlyMap<number, N> | null; prepaymentPremium?: N;
} = {}): FacilityState<N> {
  const premium = f.prepaymentPremium ?? ar.zero;
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    balance: t.balance,
    rate: t.rate,
    amortisation: t.amortisation,
    maturity: t.maturity,
    draws: t.draws,
    undrawn: t.undrawn,
    upfrontFeeRate: t.upfrontFeeRate,
    commitmentFeePerQuarter: t.commitmentFeePerQuarter,
    refinanceable: t.refinanceable,
    pikShare: f.pikShare ?? ar.zero,
    hedge: f.hedge ?? null,
    discountPerQuarter: f.discount?.discountPerQuarter,
    discountLast: f.discount?.discountLast,
    discountLastQuarter: f.discount?.discountLastQuarter,
    covenants: f.covenants ?? [],
    prepayments: f.prepayments ?? null,
    prepaymentPremium: premium,
    prepaymentCost: ar.add(ar.one, premium),
    pendingFee: ar.zero,
    averageFactorRate: null,
    averageFactor: null,
    lastRate: {terms: null, baseRate: null, annual: ar.zero, perQuarter: ar.zero}
  };
}

/**
 * The level payment (interest + principal) that repays `principal` over `periods`
 * periods at `periodRate` a period: Excel's PMT with the sign turned positive,
 * P·r / (1 − (1 + r)^−n), or P / n at a zero rate.
 */
export function annuityPayment<N>(ar: Arithmetic<N>, periodRate: N, periods: number, principal: N): N {
  // Below 1e-12 a period the rate changes the payment by less than n·r/2 ≤ 1e-10 of it,
  // and float could no longer resolve it: both arithmetics take it as zero.
  if (ar.lt(ar.neg(NEGLIGIBLE_RATE.get(ar)), periodRate) && ar.lt(periodRate, NEGLIGIBLE_RATE.get(ar))) {
    return ar.div(principal, ar.of(periods));
  }
  return ar.div(ar.mul(principal, periodRate), ar.annuityDenominator(periodRate, periods));
}

const NEGLIGIBLE_RATE = arithmeticConstant(1e-12);

/**
 * Principal falling due in quarter `offset` on the balance outstanding after the
 * quarter's draws. At maturity the whole balance is due. Before it, a straight-line
 * facility repays an equal share of its balance over the quarters left (so a later draw
 * is spread over what remains), and an annuity repays what its level payment leaves
 * after interest, re-solved each quarter on the current rate, as a floating-rate
 * mortgage re-amortises.
 */
export function scheduledPrincipal<N>(ar: Arithmetic<N>, facility: FacilityState<N>, offset: number, balance: N, quarterInterest: N, periodRate: N): N {
  if (offset >= facility.maturity) return balance;
  const quartersLeft = facility.maturity - offset + 1;
  switch (facility.amortisation) {
    case "bullet":
      return ar.zero;
    case "straightLine":
      return ar.div(balance, ar.of(quartersLeft));
    case "annuity":
      return ar.sub(annuityPayment(ar, periodRate, quartersLeft, balance), quarterInterest);
  }
}

/**
 * Straight line over the quarters to maturity, that quarter included; the last quarter
 * takes what the equal shares leave, so the total amortised is the discount exactly.
 */
function discountSchedule<N>(ar: Arithmetic<N>, discount: N, maturity: number): {discountPerQuarter: N | undefined; discountLast: N | undefined; discountLastQuarter: number | undefined} {
  if (ar.isZero(discount)) return {discountPerQuarter: undefined, discountLast: undefined, discountLastQuarter: undefined};
  const last = Math.max(0, maturity);
  const perQuarter = ar.div(discount, ar.of(last + 1));
  return {discountPerQuarter: perQuarter, discountLast: ar.sub(discount, ar.mul(perQuarter, ar.of(last))), discountLastQuarter: last};
}

/** Amounts dated by quarter (draws, prepayments) by quarter offset, two in one quarter added together. */
function amountsByQuarter<N>(ar: Arithmetic<N>, dated: readonly {quarter: string; amount: number}[], start: string): Map<number, N> {
  const byQuarter = new Map<number, N>();
  for (const {quarter, amount} of dated) {
    const offset = quarterOffset(start, quarter);
    byQuarter.set(offset, ar.add(byQuarter.get(offset) ?? ar.zero, ar.of(amount)));
  }
  return byQuarter;
}
