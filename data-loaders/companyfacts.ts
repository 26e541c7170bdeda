import {csvFormat} from "d3-dsv";
import {z} from "zod";
import {isInstant, type LineItem, type SourceGrade} from "./schemas.js";
import {EMPTY_COMMITMENTS, validateCompany, type RawFiles} from "./validate.js";

/**
 * A path for any other filer: the SEC's XBRL companyfacts JSON (the format of
 * data.sec.gov/api/xbrl/companyfacts/CIK##########.json) into the same raw CSVs as
 * CoreWeave's, each fact citing the filing it came from by accession number.
 *
 * The concepts below are taken, in USD: flows (with a start and an end) for flow line items,
 * instants for balance-sheet line items. Debt tables and maturity schedules have no
 * standard tags that map one-to-one, so those files are written empty, to be filled from
 * the filings.
 */
const fact = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  val: z.number().finite(),
  accn: z.string().regex(/^\d{10}-\d{2}-\d{6}$/, "is not an accession number like 0001769628-25-000062"),
  fy: z.number().int().nullable().optional(),
  fp: z.string().nullable().optional(),
  form: z.string(),
  filed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  frame: z.string().optional()
});

export const companyFactsSchema = z.object({
  // The SEC's API gives a number; copies of it often keep the zero-padded string.
  cik: z.union([z.number().int().positive(), z.string().regex(/^\d{1,10}$/, "is not a CIK").transform(Number)]),
  entityName: z.string().min(1),
  facts: z.record(z.string(), z.record(z.string(), z.object({
    label: z.string().nullable().optional(),
    units: z.record(z.string(), z.array(fact))
  })))
});
export type CompanyFacts = z.output<typeof companyFactsSchema>;

/**
 * XBRL concepts and the line item each reports. Where a concept's sign differs from our
 * convention (a line item's sign follows its name) it is flipped, and said so here.
 */
export const CONCEPTS: Readonly<Record<string, LineItem>> = {
  "us-gaap:Revenues": "revenue",
  "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax": "revenue",
  "us-gaap:CostOfRevenue": "cost_of_revenue",
  "us-gaap:SellingAndMarketingExpense": "sales_and_marketing",
  "us-gaap:GeneralAndAdministrativeExpense": "general_and_administrative",
  "us-gaap:OperatingExpenses": "operating_expenses",
  "us-gaap:CostsAndExpenses": "operating_expenses",
  "us-gaap:OperatingIncomeLoss": "operating_income",
  "us-gaap:NetIncomeLoss": "net_income",
  "us-gaap:InterestExpense": "interest_expense_on_debt",
  "us-gaap:NetCashProvidedByUsedInOperatingActivities": "operating_cash_flow",
  "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment": "purchases_of_property_and_equipment",
  "us-gaap:ProceedsFromIssuanceOfLongTermDebt": "proceeds_from_debt",
  "us-gaap:ProceedsFromIssuanceOfDebt": "proceeds_from_debt",
  "us-gaap:RepaymentsOfLongTermDebt": "repayments_of_debt",
  "us-gaap:RepaymentsOfDebt": "repayments_of_debt",
  "us-gaap:InterestPaidNet": "interest_paid",
  "us-gaap:CostOfGoodsAndServicesSold": "cost_of_revenue",
  "us-gaap:InterestExpenseDebt": "interest_expense_on_debt",
  "us-gaap:DepreciationDepletionAndAmortization": "depreciation_and_amortization",
  "us-gaap:ProceedsFromIssuanceOfCommonStock": "proceeds_from_equity",
  // Instants: balances at a date.
  "us-gaap:CashAndCashEquivalentsAtCarryingValue": "cash_and_cash_equivalents",
  "us-gaap:PropertyPlantAndEquipmentNet": "property_and_equipment_net",
  "us-gaap:Assets": "total_assets",
  "us-gaap:Liabilities": "total_liabilities",
  "us-gaap:StockholdersEquity": "total_equity",
  "us-gaap:LiabilitiesAndStockholdersEquity": "total_liabilities_and_equity",
  // Long-term debt after discount, current maturities included: the balance sheet's debt, carried.
  "us-gaap:LongTermDebt": "total_debt_carrying",
  "us-gaap:LongTermDebtNoncurrent": "debt_non_current",
  "us-gaap:LongTermDebtCurrent": "debt_current",
  "us-gaap:RevenueRemainingPerformanceObligation": "remaining_performance_obligations"
};

/** One fact under our line item, with the filing it came from. */
export interface ChosenFact {
  readonly start: string | undefined;
  readonly end: string;
  readonly item: LineItem;
  readonly value: number;
  readonly accn: string;
  readonly form: string;
  readonly filed: string;
  readonly locator: string;
}

/**
 * Digits a value was reported to: 1364676000 is to the thousand, 1364000000 to the
 * million. A figure reported again, rounded, in a later filing's comparative column says
 * less than the first report.
 */
const precision = (value: number) => /0*$/.exec(String(Math.abs(value)))![0].length;

/**
 * Each (period, line item) once: the most precisely reported of the facts for it, and of
 * equally precise ones the latest filing's, since it carries any restatement.
 */
export function chooseFacts(raw: unknown): {facts: CompanyFacts; chosen: ChosenFact[]} {
  const facts = companyFactsSchema.parse(raw);
  const chosen = new Map<string, ChosenFact>();
  for (const [taxonomy, concepts] of Object.entries(facts.facts)) {
    for (const [concept, {units}] of Object.entries(concepts)) {
      const item = CONCEPTS[`${taxonomy}:${concept}`];
      if (!item) continue;
      for (const f of units["USD"] ?? []) {
        if (isInstant(item) === Boolean(f.start)) continue; // a flow's instant, or a balance's period: not the line item
        const key = `${f.start ?? ""}/${f.end}/${item}`;
        const current = chosen.get(key);
        if (current && (precision(current.value) < precision(f.val) || (precision(current.value) === precision(f.val) && current.filed >= f.filed))) continue;
        chosen.set(key, {start: f.start, end: f.end, item, value: f.val, accn: f.accn, form: f.form, filed: f.filed, locator: `XBRL ${taxonomy}:${concept}, ${f.form}${f.fy ? ` FY${f.fy}` : ""}${f.fp ? ` ${f.fp}` : ""}${f.frame ? ` (${f.frame})` : ""}`});
      }
    }
  }
  return {facts, chosen: [...chosen.values()]};
}

export interface CompanyFactsOptions {
  /** "filing" for the SEC's own response; "copy" for a third party's copy of it. */
  readonly grade?: SourceGrade;
  /** Where the facts were read, for each accession; the filing's folder on EDGAR by default. */
  readonly url?: (accn: string, cik: number) => string;
}

/** The raw files for `facts`; throws a RawDataError if the result would not validate. */
export function companyFactsToRaw(raw: unknown, options: CompanyFactsOptions = {}): RawFiles {
  const {facts, chosen} = chooseFacts(raw);
  const {sources, statements} = factsToRows(facts, chosen, options);
  const files: RawFiles = {
    "sources.csv": csvFormat(sources, [...SOURCE_COLUMNS]) + "\n",
    "statements.csv": csvFormat(statements, [...STATEMENT_COLUMNS]) + "\n",
    "debt_facilities.csv": "as_of,facility,maturity,effective_interest_rate,principal,unit,source_id,locator\n",
    "principal_payments.csv": "as_of,year,amount,unit,source_id,locator\n",
    "debt_discounts.csv": "as_of,amount,unit,source_id,locator\n",
    "debt_issuances.csv": "issued,facility,principal,unit,coupon,maturity,source_id,locator\n",
    "facility_commitments.csv": EMPTY_COMMITMENTS,
    "facts.csv": "fact_id,claim,subject,value,unit,period,source_id,locator,note\n"
  };
  validateCompany(files); // nothing is written that the loaders would refuse
  return files;
}

export const SOURCE_COLUMNS = ["source_id", "grade", "accession", "title", "url", "published"] as const;
export const STATEMENT_COLUMNS = ["period_start", "period_end", "line_item", "value", "unit", "source_id", "locator"] as const;

/** A filing's source id: "sec-…" read from the SEC itself, "accn-…" from a copy of its response. */
export const accessionSourceId = (accn: string, grade: SourceGrade = "filing") => `${grade === "filing" ? "sec" : "accn"}-${accn}`;
export const edgarFolder = (accn: string, cik: number) => `https://www.sec.gov/Archives/edgar/data/${cik}/${accn.replaceAll("-", "")}/`;

/** The chosen facts as raw rows: a source per filing (by accession number), a statement row per fact. */
export function factsToRows(facts: CompanyFacts, chosen: readonly ChosenFact[], options: CompanyFactsOptions = {}) {
  const grade = options.grade ?? "filing";
  const url = options.url ?? edgarFolder;
  const filings = new Map(chosen.map((c) => [c.accn, c]));
  const sources = [...filings.values()].sort((a, b) => a.filed.localeCompare(b.filed) || a.accn.localeCompare(b.accn)).map((c) => ({
    source_id: accessionSourceId(c.accn, grade),
    grade,
    accession: c.accn,
    title: `${facts.entityName} Form ${c.form} filed ${c.filed} (accession ${c.accn}), XBRL facts${grade === "copy" ? " as copied from the SEC's companyfacts response" : ""}`,
    url: url(c.accn, facts.cik),
    published: c.filed
  }));
  const statements = [...chosen]
    .sort((a, b) => a.item.localeCompare(b.item) || a.end.localeCompare(b.end) || (a.start ?? "").localeCompare(b.start ?? ""))
    .map((c) => ({period_start: c.start ?? "", period_end: c.end, line_item: c.item, value: String(c.value), unit: "USD", source_id: accessionSourceId(c.accn, grade), locator: c.locator}));
  return {sources, statements};
}
