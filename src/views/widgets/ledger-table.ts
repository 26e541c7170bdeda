import Decimal from "decimal.js";
import type {LedgerQuarter, ProjectedQuarter, Projection} from "../../model/index.js";
import {Money} from "../../model/index.js";
import {quarterLabel, quarterOrdinal} from "../../model/quarter.js";
import {operatingCashFlowAfterInterest} from "../../readings/cash-flow.js";
import {formatMillions, formatRatio} from "../../readings/format.js";

interface LedgerLine {
  readonly label: string;
  /** How the line is computed, shown on hover. */
  readonly how: string;
  readonly value: (quarter: ProjectedQuarter<Decimal>) => string;
}

const money = (field: keyof LedgerQuarter<Decimal>) => (q: ProjectedQuarter<Decimal>) => formatMillions(q.ledger[field] as Decimal);

const LINES: readonly LedgerLine[] = [
  {label: "Opening cash", how: "Closing cash of the quarter before", value: money("openingCash")},
  {label: "Revenue", how: "Last quarter's revenue × (1 + growth)", value: money("revenue")},
  {label: "EBITDA", how: "Revenue − cash operating costs", value: money("ebitda")},
  {label: "Taxes", how: "Tax rate × (EBIT − reported interest expense), when positive", value: money("taxes")},
  {label: "Operating cash flow", how: "EBITDA − taxes − lease payments − interest paid in cash: after interest, as US GAAP reports it (the reported column is the cash-flow statement's)", value: (q) => formatMillions(operatingCashFlowAfterInterest(q.ledger))},
  {label: "Capex", how: "Capital expenditure for the quarter: for growth (intensity × revenue added) and maintenance, or the reported pace", value: money("capex")},
  {label: "…of which maintenance", how: "Replacing the vintages (reported or projected) whose useful life ends this quarter, at their cost", value: money("maintenanceCapex")},
  {label: "Interest", how: "Σ balance × annual rate / 4, over the facilities (on the average balance where that convention is chosen; a hedged part at the swap's or cap's rate)", value: money("interest")},
  {label: "…of which paid in kind", how: "Σ interest × PIK share: added to the facility's balance, not paid in cash", value: money("pikInterest")},
  {label: "Reported interest expense", how: "Interest + discount and issuance costs amortised − interest capitalised", value: money("reportedInterestExpense")},
  {label: "Fees", how: "Commitment, upfront, refinancing and borrowing fees", value: money("fees")},
  {label: "Principal due", how: "Scheduled amortisation plus balances at maturity", value: money("principalDue")},
  {label: "Refinanced", how: "Principal due rolled into new terms instead of paid", value: money("refinanced")},
  {label: "Revolver draw", how: "Drawn to hold minimum cash", value: money("revolverDraw")},
  {label: "New borrowing", how: "Borrowed to fund a shortfall the revolver could not", value: money("newBorrowing")},
  {label: "Lease payments", how: "A fixed charge paid in cash after EBITDA (already in operating cash flow)", value: money("leasePayments")},
  {label: "Optional prepayment", how: "Term debt repaid early by choice, from cash above minimum cash (never borrowed for), before the sweep; not debt service", value: money("prepayment")},
  {label: "…call premium on it", how: "Premium paid in cash on the amount prepaid: a loss on extinguishment, not interest or a fee", value: money("prepaymentPremium")},
  {label: "Cash sweep", how: "Share of cash above minimum cash and the buffer, repaying term debt in seniority order", value: money("sweepRepayment")},
  {label: "Equity raised", how: "Cash raised from shareholders at the quarter's start (an input: a placement or an offering); not debt; none while markets are shut, where they shut equity too", value: money("equityRaised")},
  {label: "Equity cure", how: "Equity put in to cure a minimum-liquidity covenant", value: money("equityCure")},
  {label: "Closing cash", how: "Opening cash + operating cash flow + borrowing + equity raised + equity cure − interest paid in cash − fees − capex − repayments − prepayment premiums; below zero, what no source covered (the funding gap)", value: money("closingCash")},
  {label: "Funding gap, in all", how: "What no source (cash, the revolver, new borrowing, refinancing) covered, to the quarter's end: closing cash below zero, shown as a gap; the first quarter with one is the first it cannot pay", value: (q) => formatMillions(Decimal.max(0, q.ledger.closingCash.negated()))},
  {label: "Closing debt", how: "Σ closing balances of the facilities", value: money("closingDebt")},
  {label: "Interest coverage (EBITDA)", how: "EBITDA / interest", value: (q) => formatRatio(q.metrics.interestCoverageEbitda)},
  {label: "Minsky regime", how: "Hedge: operating cash flow covers interest and principal due; speculative: interest only; Ponzi: not even interest", value: (q) => q.regime},
  {label: "…after maintenance capex", how: "The same tests on operating cash flow less maintenance capex", value: (q) => q.regimeAfterMaintenance}
];

/** A reported quarter set beside the projection: the figures the dataset holds, by ledger line. */
export interface ReportedQuarter {
  readonly quarter: string;
  /** By ledger line label ("Revenue", "EBITDA", "Interest"), USD millions. */
  readonly figures: Readonly<Record<string, number>>;
  /** What each figure is, e.g. "adjusted EBITDA (pr-2025q3)". */
  readonly notes: Readonly<Record<string, string>>;
  /** False for a quarter inside the reported range that the dataset holds nothing for. */
  readonly reported?: boolean;
}

/**
 * The ledger as a table, rows × quarters, built with DOM calls and textContent only (no
 * HTML strings), so that no figure or name can inject markup. Reported quarters, where
 * given, stand before the projected ones and are marked; a line the dataset does not hold
 * for them reads "—".
 */
export function ledgerTable(projection: Projection<Decimal>, reported: readonly ReportedQuarter[] = []): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "ledger";
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.textContent = "USD millions";
  head.append(corner);
  for (const r of reported) {
    const th = document.createElement("th");
    th.scope = "col";
    th.className = "reported";
    th.textContent = r.reported === false ? `${r.quarter} not reported` : `${r.quarter} reported`;
    head.append(th);
  }
  for (const q of projection.quarters) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = q.ledger.quarter;
    head.append(th);
  }
  const body = table.createTBody();
  for (const line of LINES) {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = line.label;
    th.title = line.how;
    // Focusable, so a keyboard reader can see how the line is computed (style.css shows it).
    th.tabIndex = 0;
    th.dataset.how = line.how;
    row.append(th);
    for (const r of reported) {
      const cell = row.insertCell();
      cell.className = "reported";
      const figure = r.figures[line.label];
      cell.textContent = figure === undefined ? "—" : formatMillions(new Money(figure));
      cell.title = figure === undefined ? "not reported in the dataset" : `${line.label}, reported: ${r.notes[line.label] ?? ""}`;
    }
    for (const q of projection.quarters) {
      const cell = row.insertCell();
      cell.textContent = line.value(q);
      cell.title = `${line.label} = ${line.how}`;
    }
  }
  return table;
}

const REPORTED_LINES: Readonly<Record<string, {label: string; note: string}>> = {
  revenue: {label: "Revenue", note: "revenue"},
  adjusted_ebitda: {label: "EBITDA", note: "adjusted EBITDA"},
  operating_cash_flow: {label: "Operating cash flow", note: "net cash from operating activities"},
  purchases_of_property_and_equipment: {label: "Capex", note: "purchases of property and equipment"},
  interest_expense_net: {label: "Interest", note: "interest expense, net"},
  interest_expense_on_debt: {label: "Reported interest expense", note: "interest expense on debt (the debt note's)"},
  cash_and_cash_equivalents: {label: "Closing cash", note: "cash and cash equivalents at the quarter end"},
  total_debt_principal: {label: "Closing debt", note: "total principal of debt at the quarter end"}
};


/**
 * The dataset's quarterly figures as reported columns for the ledger, oldest first: every
 * quarter from the first the dataset holds to the last, a quarter it holds nothing for
 * included (marked not reported), so the columns have no gaps.
 */
export function reportedQuarters(financials: ReadonlyArray<{period: string; line_item: string; value: number; source: string; status?: string}>): ReportedQuarter[] {
  const byQuarter = new Map<string, {figures: Record<string, number>; notes: Record<string, string>}>();
  for (const f of financials) {
    const line = REPORTED_LINES[f.line_item];
    if (!line || !/^\d{4}Q[1-4]$/.test(f.period)) continue;
    const entry = byQuarter.get(f.period) ?? {figures: {}, notes: {}};
    entry.figures[line.label] = f.value;
    entry.notes[line.label] = `${line.note} (${f.status === "derived" ? `derived: ${f.source}` : f.source})`;
    byQuarter.set(f.period, entry);
  }
  const held = [...byQuarter.keys()].map(quarterOrdinal);
  if (held.length === 0) return [];
  const quarters: ReportedQuarter[] = [];
  for (let o = Math.min(...held); o <= Math.max(...held); o++) {
    const quarter = quarterLabel(o);
    const entry = byQuarter.get(quarter);
    quarters.push({quarter, figures: entry?.figures ?? {}, notes: entry?.notes ?? {}, reported: entry !== undefined});
  }
  return quarters;
}
