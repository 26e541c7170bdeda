import type {Arithmetic} from "./arithmetic.js";
import type {FacilityState} from "./facility.js";
import type {ModelInput} from "./inputs.js";
import {facilityStateOf} from "./facility.js";
import {prepareRate} from "./rates.js";
import {quarterOffset} from "./quarter.js";

/**
 * The revolver as a facility: `undrawn` is its free capacity. It is never refinanced:
 * at its maturity what is drawn falls due like a bullet.
 */
export function revolverState<N>(ar: Arithmetic<N>, input: ModelInput): FacilityState<N> | null {
  const r = input.revolver;
  if (!r) return null;
  return facilityStateOf(ar, {
    id: "revolver",
    name: r.name,
    kind: "revolver",
    balance: ar.of(r.drawn),
    rate: prepareRate(ar, r.rate),
    amortisation: "bullet",
    maturity: r.maturity === undefined ? Infinity : quarterOffset(input.start, r.maturity),
    draws: new Map(),
    undrawn: ar.of(r.capacity - r.drawn),
    upfrontFeeRate: ar.zero,
    commitmentFeePerQuarter: ar.perQuarter(ar.of(r.commitmentFeeRate)),
    refinanceable: false
  });
}

/**
 * New borrowing to fund a shortfall, as one facility: `undrawn` is what is left of the
 * limit. It bears base + its spread; its maturity is set `tenorQuarters` after the first
 * quarter it is drawn, and later borrowing joins the same balance (a simplification:
 * one maturity for all of it), which refinances at maturity like any term facility.
 */
export function newBorrowingState<N>(ar: Arithmetic<N>, input: ModelInput): FacilityState<N> | null {
  const nb = input.newBorrowing;
  if (nb.limit <= 0) return null;
  return facilityStateOf(ar, {
    id: "new-borrowing",
    name: "New borrowing",
    kind: "newBorrowing",
    balance: ar.zero,
    rate: {type: "floating", spread: ar.of(nb.spread), floor: null},
    amortisation: "bullet",
    maturity: Infinity,
    draws: new Map(),
    undrawn: ar.of(nb.limit),
    upfrontFeeRate: ar.of(nb.feeRate),
    commitmentFeePerQuarter: ar.zero,
    refinanceable: true
  });
}

export interface LiquidityActions<N> {
  readonly revolverDraw: N;
  readonly revolverRepayment: N;
  /** Gross of its fee, which is paid from the proceeds. */
  readonly newBorrowing: N;
  readonly newBorrowingFee: N;
  readonly closingCash: N;
}

export interface LiquidityContext<N> {
  readonly offset: number;
  /** Cash after every operating, investing and scheduled debt flow of the quarter. */
  readonly cash: N;
  readonly minimumCash: N;
  readonly revolver: FacilityState<N> | null;
  readonly newBorrowing: FacilityState<N> | null;
  readonly newBorrowingTenor: number;
  /** The most new borrowing a quarter, gross of its fee; null: no cap a quarter. */
  readonly newBorrowingPerQuarter: N | null;
  readonly marketOpen: boolean;
  /** One cent in USD millions. */
  readonly cent: N;
}

/**
 * Holding minimum cash, at the quarter's end. A shortfall draws the revolver first,
 * then new borrowing while markets are open (grossed up so that, after its fee, it nets
 * what is missing), up to what each has left and, for new borrowing, up to its cap a
 * quarter. Cash above the minimum repays the revolver. Amounts drawn here bear interest
 * from the next quarter. Mutates the two facilities.
 */
export function holdMinimumCash<N>(ar: Arithmetic<N>, context: LiquidityContext<N>): LiquidityActions<N> {
  const {offset, minimumCash, revolver, newBorrowing} = context;
  let cash = context.cash;
  let revolverDraw = ar.zero;
  let revolverRepayment = ar.zero;
  let borrowed = ar.zero;
  let fee = ar.zero;
  const revolverAvailable = revolver !== null && offset < revolver.maturity;

  if (ar.lt(cash, minimumCash)) {
    let need = ar.sub(minimumCash, cash);
    if (revolverAvailable && ar.gt(revolver.undrawn, ar.zero)) {
      revolverDraw = ar.min(need, revolver.undrawn);
      revolver.balance = ar.add(revolver.balance, revolverDraw);
      revolver.undrawn = ar.sub(revolver.undrawn, revolverDraw);
      need = ar.sub(need, revolverDraw);
    }
    // What can be borrowed this quarter: what is left of the limit, and at most the cap a quarter.
    const room = newBorrowing === null ? ar.zero
      : context.newBorrowingPerQuarter === null ? newBorrowing.undrawn : ar.min(newBorrowing.undrawn, context.newBorrowingPerQuarter);
    if (newBorrowing !== null && context.marketOpen && ar.gt(need, ar.zero) && ar.gt(room, ar.zero)) {
      const grossNeeded = ar.div(need, ar.sub(ar.one, newBorrowing.upfrontFeeRate));
      borrowed = ar.min(grossNeeded, room);
      // When the room allows, the fee is what the gross-up added, so that the net is
      // exactly what was missing and cash lands on the minimum, not a rounding below it.
      // When the limit or the cap a quarter binds, the fee is borrowing × fee rate.
      const coversAll = borrowed === grossNeeded;
      fee = coversAll ? ar.sub(grossNeeded, need) : ar.mul(borrowed, newBorrowing.upfrontFeeRate);
      newBorrowing.balance = ar.add(newBorrowing.balance, borrowed);
      newBorrowing.undrawn = ar.sub(newBorrowing.undrawn, borrowed);
      // Its maturity starts with the first borrowing of at least a cent, so that float
      // dust cannot start it in one arithmetic and not the other.
      if (newBorrowing.maturity === Infinity && ar.gt(borrowed, context.cent)) newBorrowing.maturity = offset + context.newBorrowingTenor;
      need = coversAll ? ar.zero : ar.sub(need, ar.sub(borrowed, fee));
    }
    // A shortfall met in full leaves exactly the minimum (in float, cash + (min − cash)
    // need not be min, and a minimum of zero must not turn into a default of −1e-16).
    cash = ar.gt(need, ar.zero) ? ar.sub(minimumCash, need) : minimumCash;
  } else if (revolverAvailable && ar.gt(revolver.balance, ar.zero)) {
    revolverRepayment = ar.min(ar.sub(cash, minimumCash), revolver.balance);
    revolver.balance = ar.sub(revolver.balance, revolverRepayment);
    revolver.undrawn = ar.add(revolver.undrawn, revolverRepayment);
    cash = ar.sub(cash, revolverRepayment);
  }
  return {revolverDraw, revolverRepayment, newBorrowing: borrowed, newBorrowingFee: fee, closingCash: cash};
}
