import type Decimal from "decimal.js";
import type {LedgerQuarter} from "../model/index.js";

/**
 * Operating cash flow as a cash-flow statement reports it under US GAAP: after the interest
 * paid in cash (interest less the part paid in kind). The engine's own `operatingCashFlow`
 * is before debt service; this is the figure to set beside a reported one.
 */
export function operatingCashFlowAfterInterest(q: LedgerQuarter<Decimal>): Decimal {
  return q.operatingCashFlow.minus(q.interest.minus(q.pikInterest));
}
