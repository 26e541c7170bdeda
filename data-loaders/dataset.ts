import {readCompany} from "./read.js";
import type {SourceRow} from "./schemas.js";
import {commitmentsTable, debtDiscountsTable, doubtfulFigures, facilitiesTable, financialsTable, issuancesTable, maturityScheduleTable, sourcesTable, type FacilityTidyRow, type FinancialRow} from "./tidy.js";

/** The tables the notebook publishes, as rows, for the loaders in src/data/. */
/** `data` is the company's validated raw files, read here unless a caller already holds them. */
export function companyTables(company = "coreweave", data = readCompany(company)) {
  return {
    // arquero's objects() is untyped; the rows are those the tidy step built.
    financials: financialsTable(company, data).objects() as FinancialRow[],
    facilities: facilitiesTable(company, data).objects() as FacilityTidyRow[],
    maturities: maturityScheduleTable(company, data).objects(),
    discounts: debtDiscountsTable(company, data).objects() as DebtDiscountTidyRow[],
    issuances: issuancesTable(company, data).objects() as IssuanceTidyRow[],
    commitments: commitmentsTable(company, data).objects() as CommitmentTidyRow[],
    sources: sourcesTable(data).objects() as SourceRow[],
    /** Figures shown on the Data page but kept out of the model: unconfirmed or contradicted. */
    doubtful: doubtfulFigures(company, data),
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

/** A debt issuance after a debt table's date (see `debt_issuances.csv`). */
export interface IssuanceTidyRow {
  readonly company: string;
  readonly issued: string;
  readonly facility: string;
  /** USD millions. */
  readonly principal: number;
  /** Fixed, a year, as a decimal. */
  readonly coupon: number;
  readonly maturity: string;
  readonly unit: string;
  readonly source: string;
  readonly source_url: string;
  readonly locator: string;
}

/** A committed facility's terms at a debt table's date (see `facility_commitments.csv`). */
export interface CommitmentTidyRow {
  readonly company: string;
  readonly as_of: string;
  readonly facility: string;
  /** USD millions. */
  readonly commitment: number;
  /** The last month draws can be made in (YYYY-MM), or null where it is not settled. */
  readonly draws_until: string | null;
  readonly unit: string;
  readonly source: string;
  readonly source_url: string;
  readonly locator: string;
  readonly status: "accepted" | "confirmed" | "unconfirmed";
  readonly basis: string;
}

export type CompanyTables = ReturnType<typeof companyTables>;
