import {z} from "zod";

/**
 * The raw files' row schemas: cells as a person types them into a spreadsheet, read
 * into typed values. Every figure is kept as printed (e.g. USD thousands) with its unit;
 * the tidy step converts units.
 */

const isoDate = z.string({message: "is missing"}).regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), "is not a real date");

/** A number as printed, without thousands separators; a sign for negatives. */
const printedNumber = z.string({message: "is missing"}).regex(/^-?\d+(\.\d+)?$/, "is not a number (write it without thousands separators, e.g. -310555)").transform(Number);

const text = z.string({message: "is missing"}).min(1);

export const UNITS = ["USD", "USD thousands", "USD millions", "percent"] as const;
export type Unit = (typeof UNITS)[number];
const unit = z.enum(UNITS, {message: `must be one of ${UNITS.join(", ")}`});

export const SOURCE_KINDS = ["filing", "press_release", "article"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

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
  largest_customer_revenue_share: "percent"
} as const satisfies Record<string, "money" | "percent">;
export type LineItem = keyof typeof LINE_ITEMS;
const lineItem = z.enum(Object.keys(LINE_ITEMS) as [LineItem, ...LineItem[]], {message: "is not a known line item (see LINE_ITEMS in data-loaders/schemas.ts)"});

export const sourceRow = z.object({
  source_id: z.string({message: "is missing"}).regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
  kind: z.enum(SOURCE_KINDS, {message: `must be one of ${SOURCE_KINDS.join(", ")}`}),
  title: text,
  url: z.url({message: "is not an address"}).refine((u) => /^https?:\/\//.test(u), "must be an http(s) address"),
  // As precise as the document states it: a year, a month or a day.
  published: z.string({message: "is missing"}).regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD")
});
export type SourceRow = z.output<typeof sourceRow>;

export const statementRow = z.object({
  period_start: isoDate,
  period_end: isoDate,
  line_item: lineItem,
  value: printedNumber,
  unit,
  source_id: text,
  locator: text
});
export type StatementRow = z.output<typeof statementRow>;

/** "March 2028", or a range "March 2026 – May 2028" (an en dash or a hyphen). */
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
  const months = parts.map(parseMonth);
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
  facility: text,
  /** When the facility was entered into, where a filing states it. */
  issued: isoDate.optional(),
  maturity,
  effective_interest_rate: percentRange.optional(),
  rate_type: z.enum(["fixed", "floating", "mixed"]).optional(),
  base_rate: z.string().optional(),
  spread: percentRange.optional(),
  amortisation: z.string().optional(),
  principal: printedNumber.refine((v) => v >= 0, "must not be negative"),
  undrawn: printedNumber.refine((v) => v >= 0, "must not be negative").optional(),
  security: z.string().optional(),
  unit,
  source_id: text,
  locator: text
});
export type FacilityRow = z.output<typeof facilityRow>;

export const principalPaymentRow = z.object({
  as_of: isoDate,
  /** A calendar year, "remaining YYYY" for the rest of the current one, or "thereafter". */
  year: z.string({message: "is missing"}).regex(/^(remaining \d{4}|\d{4}|thereafter)$/, 'must be a year, "remaining YYYY" or "thereafter"'),
  amount: printedNumber.refine((v) => v >= 0, "must not be negative"),
  unit,
  source_id: text,
  locator: text
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
  locator: text
});
export type DebtDiscountRow = z.output<typeof debtDiscountRow>;

/**
 * Debt issued after a debt table's date, as an 8-K states it: the table that lists it is
 * not held yet, but its principal, coupon and dates are. Fixed coupons only: a floating
 * issuance would need the reference rate it was priced over.
 */
export const debtIssuanceRow = z.object({
  issued: isoDate,
  facility: text,
  principal: printedNumber.refine((v) => v > 0, "must be more than zero"),
  unit,
  coupon: percentRange.refine((r) => r.low === r.high, "must be one fixed rate, not a range"),
  maturity: isoDate,
  source_id: text,
  locator: text
});
export type DebtIssuanceRow = z.output<typeof debtIssuanceRow>;

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
  period: text,
  source_id: text,
  locator: text,
  note: z.string().optional()
}).superRefine((fact, context) => {
  if (fact.unit === "flag" && fact.value !== 0 && fact.value !== 1) context.addIssue({code: "custom", path: ["value"], message: "a flag is 1 or 0"});
  if (fact.unit === "percent" && (fact.value < 0 || fact.value > 100)) context.addIssue({code: "custom", path: ["value"], message: "a percent is from 0 to 100"});
});
export type FactRow = z.output<typeof factRow>;
