import {readCompany} from "./read.js";
import {facilitiesTable, financialsTable, maturityScheduleTable, sourcesTable, type FacilityTidyRow, type FinancialRow} from "./tidy.js";

/** The tables the notebook publishes, as rows, for the loaders in src/data/. */
export function companyTables(company = "coreweave") {
  const data = readCompany(company);
  return {
    // arquero's objects() is untyped; the rows are those the tidy step built.
    financials: financialsTable(company, data).objects() as FinancialRow[],
    facilities: facilitiesTable(company, data).objects() as FacilityTidyRow[],
    maturities: maturityScheduleTable(company, data).objects(),
    sources: sourcesTable(data).objects(),
    facts: data.facts
  };
}

export type CompanyTables = ReturnType<typeof companyTables>;
