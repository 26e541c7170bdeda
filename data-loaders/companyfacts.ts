import {csvFormat} from "d3-dsv";
import {z} from "zod";
import type {LineItem} from "./schemas.js";
import {validateCompany, type RawFiles} from "./validate.js";

/**
 * A path for any other filer: the SEC's XBRL companyfacts JSON (the format of
 * data.sec.gov/api/xbrl/companyfacts/CIK##########.json) into the same raw CSVs as
 * CoreWeave's, each fact citing the filing it came from by accession number.
 *
 * Only duration facts (with a start and an end) of the concepts below are taken, in USD.
 * Balance-sheet instants, debt tables and maturity schedules have no standard tags that
 * map one-to-one, so those files are written empty, to be filled from the filings.
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
  cik: z.number().int().positive(),
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
  "us-gaap:InterestPaidNet": "interest_paid"
};

const sourceId = (accn: string) => `accn-${accn}`;

/** The raw files for `facts`; throws a RawDataError if the result would not validate. */
export function companyFactsToRaw(raw: unknown): RawFiles {
  const facts = companyFactsSchema.parse(raw);
  type Chosen = {start: string; end: string; item: LineItem; value: number; accn: string; filed: string; locator: string};
  const chosen = new Map<string, Chosen>();
  const filings = new Map<string, {form: string; filed: string; fy?: number | null; fp?: string | null}>();
  for (const [taxonomy, concepts] of Object.entries(facts.facts)) {
    for (const [concept, {units}] of Object.entries(concepts)) {
      const item = CONCEPTS[`${taxonomy}:${concept}`];
      if (!item) continue;
      for (const f of units["USD"] ?? []) {
        if (!f.start) continue; // an instant: not a flow
        const key = `${f.start}/${f.end}/${item}`;
        const current = chosen.get(key);
        // The same period is reported again as a comparative in later filings: the latest
        // filing wins, since it carries any restatement.
        if (current && current.filed >= f.filed) continue;
        chosen.set(key, {start: f.start, end: f.end, item, value: f.val, accn: f.accn, filed: f.filed, locator: `XBRL ${taxonomy}:${concept}, ${f.form}${f.fy ? ` FY${f.fy}` : ""}${f.fp ? ` ${f.fp}` : ""}${f.frame ? ` (${f.frame})` : ""}`});
        filings.set(f.accn, {form: f.form, filed: f.filed, fy: f.fy, fp: f.fp});
      }
    }
  }
  const used = new Set([...chosen.values()].map((c) => c.accn));
  const sources = [...filings].filter(([accn]) => used.has(accn)).map(([accn, filing]) => ({
    source_id: sourceId(accn),
    kind: "filing",
    title: `${facts.entityName} Form ${filing.form}${filing.fy ? ` for FY${filing.fy}` : ""}${filing.fp ? ` ${filing.fp}` : ""} (accession ${accn})`,
    url: `https://www.sec.gov/Archives/edgar/data/${facts.cik}/${accn.replaceAll("-", "")}/`,
    published: filing.filed
  }));
  const statements = [...chosen.values()]
    .sort((a, b) => a.item.localeCompare(b.item) || a.end.localeCompare(b.end) || a.start.localeCompare(b.start))
    .map((c) => ({period_start: c.start, period_end: c.end, line_item: c.item, value: String(c.value), unit: "USD", source_id: sourceId(c.accn), locator: c.locator}));
  const files: RawFiles = {
    "sources.csv": csvFormat(sources, ["source_id", "kind", "title", "url", "published"]) + "\n",
    "statements.csv": csvFormat(statements, ["period_start", "period_end", "line_item", "value", "unit", "source_id", "locator"]) + "\n",
    "debt_facilities.csv": "as_of,facility,maturity,effective_interest_rate,principal,unit,source_id,locator\n",
    "principal_payments.csv": "as_of,year,amount,unit,source_id,locator\n",
    "debt_discounts.csv": "as_of,amount,unit,source_id,locator\n",
    "debt_issuances.csv": "issued,facility,principal,unit,coupon,maturity,source_id,locator\n",
    "facts.csv": "fact_id,claim,subject,value,unit,period,source_id,locator,note\n"
  };
  validateCompany(files); // nothing is written that the loaders would refuse
  return files;
}
