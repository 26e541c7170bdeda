import {readCompany} from "./read.js";
import {debtDiscountsTable, facilitiesTable, financialsTable, maturityScheduleTable, sourcesTable, type FacilityTidyRow, type FinancialRow} from "./tidy.js";

/** The tables the notebook publishes, as rows, for the loaders in src/data/. */
export function companyTables(company = "coreweave") {
  const data = readCompany(company);
  return {
    // arquero's objects() is untyped; the rows are those the tidy step built.
    financials: financialsTable(company, data).objects() as FinancialRow[],
    facilities: facilitiesTable(company, data).objects() as FacilityTidyRow[],
    maturities: maturityScheduleTable(company, data).objects(),
    discounts: debtDiscountsTable(company, data).objects() as DebtDiscountTidyRow[],
    sources: sourcesTable(data).objects(),
    facts: data.facts
  };
}

export interface DebtDiscountTidyRow {
  readonly company: string;
  readonly as_of: string;
  /** USD millions. */
  readonly amount: number;
  readonly unit: string;
  readonly source: string;
  readonly source_url: string;
  readonly locator: string;
}

export type CompanyTables = ReturnType<typeof companyTables>;
