import type {CompanyTables} from "../../data-loaders/dataset.js";
import type {ClaimsData, ModelView} from "./claims.js";

/** The claims' view of the dataset's tables. */
export function claimsData(tables: CompanyTables, model: ModelView | null): ClaimsData {
  return {
    statements: tables.financials.map((f) => ({period: f.period, period_start: f.period_start, period_end: f.period_end, line_item: f.line_item, value: f.value, source: f.source, locator: f.locator})),
    facts: tables.facts,
    sources: tables.sources.map(({source_id, grade, title, url}) => ({source_id, kind: grade, title, url})),
    model
  };
}
