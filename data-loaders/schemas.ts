import {z} from "zod";

/**
 * The raw files' row schemas: cells as a person types them into a spreadsheet, read
 * into typed values. Every figure is kept as printed (e.g. USD thousands) with its unit;
 * the tidy step converts units.
 */

const isoDate = z.string({message: "is missing"}).regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), "is not a real date");

/** A number as printed, without thousands separators; a sign for negatives. */
const printedNumber = z.string({message: "is missing"}).regex(/^-?\d+(\.\d+)?$/, "is not a number (write it without thousands separators, e.g. -310555)")
  // Four hundred nines are digits too, and read as Infinity: no filing prints a figure past 10^15.
  .refine((text) => !(Math.abs(Number(text)) >= 1e15), "is too large to be a figure (at most 15 digits before the point)")
  .transform(Number);

const text = z.string({message: "is missing"}).min(1);

/**
 * Words a person typed (a title, a locator, a note, a facility's name): never starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet opening a download reads
 * as a formula. The downloads neutralise such text anyway (src/readings/safe-cells.ts); here
 * it is refused where it has no business, so the dataset holds none.
 */
const FORMULA_LEAD = /^[=+\-@\t\r]/;
const formulaMessage = (value: string) =>
  `starts with ${JSON.stringify(value.slice(0, 1))}, which a spreadsheet reads as a formula: write it without (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
const plainWords = (schema: z.ZodString) => schema.superRefine((value, context) => {
  if (FORMULA_LEAD.test(value)) context.addIssue({code: "custom", message: formulaMessage(value)});
});
const words = plainWords(text);
const optionalWords = plainWords(z.string()).optional();

export const UNITS = ["USD", "USD thousands", "USD millions", "percent"] as const;
export type Unit = (typeof UNITS)[number];
const unit = z.enum(UNITS, {message: `must be one of ${UNITS.join(", ")}`});

/**
 * How far a source is trusted, best first: the SEC's own page of a filing; the company's
 * press release; a verbatim copy of either (or of the SEC's XBRL data) held by a third
 * party; a third party's extraction of a filing's figures; an article. A figure graded
 * `extraction` or `article` is used only once a second source or an identity confirms it
 * (see evidence.ts).
 */
export const SOURCE_GRADES = ["filing", "press-release", "copy", "extraction", "article"] as const;
export type SourceGrade = (typeof SOURCE_GRADES)[number];
/** Grades whose figures stand alone; the others need confirming. */
export const TRUSTED_GRADES: readonly SourceGrade[] = ["filing", "press-release", "copy"];

/**
 * The line items the dataset knows, each with what its value measures. A flow covers a
 * period (period_start to period_end); its sign follows its name (an expense positive,
 * a loss negative), as printed with the form noted in the locator.
 */
export const LINE_ITEMS = {
  revenue: "money",
  cost_of_revenue: "money",
  technology_and_infrastructure: "money",
  sales_and_marketing: "money",
  general_and_administrative: "money",
  operating_expenses: "money",
  operating_income: "money",
  interest_expense_net: "money",
  net_income: "money",
  adjusted_ebitda: "money",
  adjusted_operating_income: "money",
  adjusted_net_income: "money",
  contractual_interest_expense: "money",
  amortization_of_debt_discounts_and_issuance_costs: "money",
  capitalized_interest: "money",
  interest_expense_on_debt: "money",
  operating_cash_flow: "money",
  purchases_of_property_and_equipment: "money",
  proceeds_from_debt: "money",
  repayments_of_debt: "money",
  interest_paid: "money",
  proceeds_from_equity: "money",
  depreciation_and_amortization: "money",
  largest_customer_revenue_share: "percent",
  top_two_customers_revenue_share: "percent",
  // Balance-sheet and backlog items: a value at a date (period_start left empty).
  cash_and_cash_equivalents: "money",
  restricted_cash_current: "money",
  restricted_cash_non_current: "money",
  property_and_equipment_net: "money",
  total_assets: "money",
  debt_current: "money",
  debt_non_current: "money",
  total_debt_carrying: "money",
  total_debt_principal: "money",
  operating_lease_liabilities_current: "money",
  operating_lease_liabilities_non_current: "money",
  finance_lease_liabilities_current: "money",
  finance_lease_liabilities_non_current: "money",
  total_liabilities: "money",
  total_equity: "money",
  temporary_equity: "money",
  total_liabilities_and_equity: "money",
  revenue_backlog: "money",
  remaining_performance_obligations: "money"
} as const satisfies Record<string, "money" | "percent">;
export type LineItem = keyof typeof LINE_ITEMS;

/** Line items read at a date (a balance, a backlog) rather than over a period. */
export const INSTANT_ITEMS: ReadonlySet<LineItem> = new Set<LineItem>([
  "cash_and_cash_equivalents", "restricted_cash_current", "restricted_cash_non_current", "property_and_equipment_net",
  "total_assets", "debt_current", "debt_non_current", "total_debt_carrying", "total_debt_principal",
  "operating_lease_liabilities_current", "operating_lease_liabilities_non_current", "finance_lease_liabilities_current",
  "finance_lease_liabilities_non_current", "total_liabilities", "total_equity", "temporary_equity", "total_liabilities_and_equity",
  "revenue_backlog", "remaining_performance_obligations"
]);
export const isInstant = (item: LineItem) => INSTANT_ITEMS.has(item);
const lineItem = z.enum(Object.keys(LINE_ITEMS) as [LineItem, ...LineItem[]], {message: "is not a known line item (see LINE_ITEMS in data-loaders/schemas.ts)"});

export const sourceRow = z.object({
  source_id: z.string({message: "is missing"}).regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
  grade: z.enum(SOURCE_GRADES, {message: `must be one of ${SOURCE_GRADES.join(", ")}`}),
  /** The SEC accession number of the filing the source is, or quotes, where known. */
  accession: z.string().regex(/^\d{10}-\d{2}-\d{6}$/, "is not an accession number like 0001769628-26-000222").optional(),
  title: words,
  // An http(s) address, or "stored:<id>" for a text held in the stored public material this
  // dataset was built from, where no address of it is known (the Data page shows it as text).
  url: z.string({message: "is missing"}).refine((u) => /^stored:\d{1,12}$/.test(u) || (/^https?:\/\/[^\s"<>]+$/.test(u) && URL.canParse(u)), "must be an http(s) address (or stored:<id>)"),
  // As precise as the document states it: a year, a month or a day.
  published: z.string({message: "is missing"}).regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD")
});
export type SourceRow = z.output<typeof sourceRow>;

export const statementRow = z.object({
  /** Empty for a figure at a date (a balance); the start of the period for a flow. */
  period_start: isoDate.optional(),
  period_end: isoDate,
  line_item: lineItem,
  value: printedNumber,
  unit,
  source_id: text,
  locator: words
});
export type StatementRow = z.output<typeof statementRow>;

/**
 * "March 2028", or a range "March 2026 – May 2028" (an en dash or a hyphen). A range may end
 * in a bare year ("July 2026 – 2030", as some tables print it): read as that year's December,
 * the latest the words allow.
 */
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export interface MonthRange {
  readonly from: string; // YYYY-MM
  readonly to: string;
}
function parseMonth(textValue: string): string | null {
  const match = /^([A-Za-z]+) (\d{4})$/.exec(textValue.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]!.toLowerCase());
  return month < 0 ? null : `${match[2]}-${String(month + 1).padStart(2, "0")}`;
}
const maturity = z.string({message: "is missing"}).transform((value, context): MonthRange => {
  const parts = value.split(/\s+[–-]\s+/);
  const months = parts.map((part, i) => (i === 1 && /^\s*\d{4}\s*$/.test(part) ? `${part.trim()}-12` : parseMonth(part)));
  if (parts.length > 2 || months.some((m) => m === null)) {
    context.addIssue({code: "custom", message: `"${value}" is not a month like "March 2028" or a range "March 2026 – May 2028"`});
    return z.NEVER;
  }
  const from = months[0]!, to = months[months.length - 1]!;
  if (to < from) {
    context.addIssue({code: "custom", message: `"${value}" ends before it starts`});
    return z.NEVER;
  }
  return {from, to};
});

/** "15%", or a range "9-10%", as the debt table prints it; kept as decimals. */
export interface RateRange {
  readonly low: number;
  readonly high: number;
}
const percentRange = z.string().transform((value, context): RateRange => {
  const match = /^(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*%$/.exec(value);
  if (!match) {
    context.addIssue({code: "custom", message: `"${value}" is not a rate like 15% or 9-10%`});
    return z.NEVER;
  }
  const low = Number(match[1]) / 100, high = Number(match[2] ?? match[1]) / 100;
  if (high < low) {
    context.addIssue({code: "custom", message: `"${value}" is a range that falls`});
    return z.NEVER;
  }
  return {low, high};
});

export const facilityRow = z.object({
  as_of: isoDate,
  facility: words,
  /** When the facility was entered into, where a filing states it. */
  issued: isoDate.optional(),
  maturity,
  effective_interest_rate: percentRange.optional(),
  rate_type: z.enum(["fixed", "floating", "mixed"]).optional(),
  base_rate: optionalWords,
  spread: percentRange.optional(),
  amortisation: optionalWords,
  principal: printedNumber.refine((v) => v >= 0, "must not be negative"),
  undrawn: printedNumber.refine((v) => v >= 0, "must not be negative").optional(),
  security: optionalWords,
  unit,
  source_id: text,
  locator: words
});
export type FacilityRow = z.output<typeof facilityRow>;

export const principalPaymentRow = z.object({
  as_of: isoDate,
  /** A calendar year, "remaining YYYY" for the rest of the current one, or "thereafter". */
  year: z.string({message: "is missing"}).regex(/^(remaining \d{4}|\d{4}|thereafter)$/, 'must be a year, "remaining YYYY" or "thereafter"'),
  amount: printedNumber.refine((v) => v >= 0, "must not be negative"),
  unit,
  source_id: text,
  locator: words
});
export type PrincipalPaymentRow = z.output<typeof principalPaymentRow>;

/**
 * Original issue discount and issuance costs not yet amortised, as the debt table prints
 * them under the facilities ("Less: Unamortized discount and issuance costs"), at a date
 * the facilities are listed for.
 */
export const debtDiscountRow = z.object({
  as_of: isoDate,
  amount: printedNumber.refine((v) => v >= 0, "must not be negative (the table prints it in parentheses: enter it without)"),
  unit,
  source_id: text,
  locator: words
});
export type DebtDiscountRow = z.output<typeof debtDiscountRow>;

/**
 * Debt issued after a debt table's date, as an 8-K states it: the table that lists it is
 * not held yet, but its principal, coupon and dates are. Fixed coupons only: a floating
 * issuance would need the reference rate it was priced over.
 */
export const debtIssuanceRow = z.object({
  issued: isoDate,
  facility: words,
  principal: printedNumber.refine((v) => v > 0, "must be more than zero"),
  unit,
  coupon: percentRange.refine((r) => r.low === r.high, "must be one fixed rate, not a range"),
  maturity: isoDate,
  source_id: text,
  locator: words
});
export type DebtIssuanceRow = z.output<typeof debtIssuanceRow>;

/**
 * A committed facility's total commitment and the end of its draw window (the month after
 * which nothing more can be drawn: a "commitment termination date"), as a source states
 * them for a debt table's date. What is left to draw is the commitment less the principal
 * that table lists: derived, never entered. Several sources may state one facility's terms;
 * two that agree confirm them (see judgeCommitments in validate.ts).
 */
export const facilityCommitmentRow = z.object({
  as_of: isoDate,
  /** As the debt table at `as_of` names it. */
  facility: words,
  commitment: printedNumber.refine((v) => v > 0, "must be more than zero"),
  unit,
  draws_until: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM").optional(),
  source_id: text,
  locator: words
});
export type FacilityCommitmentRow = z.output<typeof facilityCommitmentRow>;

/**
 * The facts the debate's claims turn on that are not statement lines: shares of revenue,
 * lenders, defaults, sales of stock, borrowers. Each names the claim it bears on and the
 * subject a verdict reads; a flag is 1 (the filing says so) or 0 (it says not).
 */
export const FACT_UNITS = ["USD thousands", "USD millions", "percent", "flag"] as const;
export const FACT_SUBJECTS = [
  "largest_customer_revenue_share", "largest_customer_is_microsoft", "second_customer_is_nvidia", "top_two_customers_revenue_share",
  "technical_default_waived", "payment_default",
  "core_scientific_total_revenue", "core_scientific_self_mining_revenue", "core_scientific_hosted_mining_revenue",
  "core_scientific_colocation_revenue", "core_scientific_capex_funded_by_coreweave",
  "magnetar_loan_principal", "magnetar_notes_issued", "magnetar_ddtl_principal",
  "insider_sales_before_ipo", "insider_sales_after_ipo",
  "facility_borrower_is_subsidiary",
  "new_debt_proceeds_stated_for_repayment"
] as const;
export type FactSubject = (typeof FACT_SUBJECTS)[number];

export const factRow = z.object({
  fact_id: z.string({message: "is missing"}).regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
  claim: z.string({message: "is missing"}).regex(/^[1-9]$/, "must be the number of a claim, 1 to 9").transform(Number),
  subject: z.enum(FACT_SUBJECTS, {message: "is not a known subject (see FACT_SUBJECTS in data-loaders/schemas.ts)"}),
  value: printedNumber,
  unit: z.enum(FACT_UNITS, {message: `must be one of ${FACT_UNITS.join(", ")}`}),
  period: words,
  source_id: text,
  locator: words,
  note: optionalWords
}).superRefine((fact, context) => {
  if (fact.unit === "flag" && fact.value !== 0 && fact.value !== 1) context.addIssue({code: "custom", path: ["value"], message: "a flag is 1 or 0"});
  if (fact.unit === "percent" && (fact.value < 0 || fact.value > 100)) context.addIssue({code: "custom", path: ["value"], message: "a percent is from 0 to 100"});
});
export type FactRow = z.output<typeof factRow>;
