import {readCompany} from "./read.js";
import {facilitiesTable, financialsTable, maturityScheduleTable, sourcesTable} from "./tidy.js";

/** The tables the notebook publishes, as rows, for the loaders in src/data/. */
export function companyTables(company = "coreweave") {
  const data = readCompany(company);
  return {
    financials: financialsTable(company, data).objects(),
    facilities: facilitiesTable(company, data).objects(),
    maturities: maturityScheduleTable(company, data).objects(),
    sources: sourcesTable(data).objects()
  };
}

export type CompanyTables = ReturnType<typeof companyTables>;
