import type {QuarterLabel} from "./quarter.js";

/** What happened in a projection that a reader should be told: a refinancing, a maturity while markets were shut, the first quarter the company cannot pay, a covenant breach. */
export type ProjectionEvent =
  | {readonly kind: "refinanced"; readonly quarter: QuarterLabel; readonly facilityId: string; readonly amount: number}
  | {readonly kind: "maturedWhileShut"; readonly quarter: QuarterLabel; readonly facilityId: string; readonly amount: number}
  | {readonly kind: "cannotPay"; readonly quarter: QuarterLabel; readonly shortfall: number}
  | {readonly kind: "covenantBreach"; readonly quarter: QuarterLabel; readonly facilityId: string; readonly covenant: string; readonly value: number | null; readonly threshold: number; readonly consequence: string};
