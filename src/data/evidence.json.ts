// Emits evidence.json: how sure the dataset is of its figures (counts by status and grade),
// the figures kept out of the model (unconfirmed or contradicted) and the debt tables.
import {companyTables} from "../../data-loaders/dataset.js";
import {readCompany} from "../../data-loaders/read.js";

const company = readCompany("coreweave");
const tables = companyTables("coreweave", company);
const count = <T>(rows: readonly T[], key: (r: T) => string) => rows.reduce<Record<string, number>>((acc, r) => ({...acc, [key(r)]: (acc[key(r)] ?? 0) + 1}), {});
process.stdout.write(JSON.stringify({
  rows: company.figures.length,
  byStatus: count(company.figures, (f) => f.status),
  publishedByStatus: count(tables.financials, (f) => f.status),
  publishedByGrade: count(tables.financials, (f) => f.grade),
  doubtful: tables.doubtful,
  debtTables: company.debtTables
}));
