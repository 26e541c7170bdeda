import {parseModelInput, type ModelInputDraft} from "../model/index.js";
import {addQuarters} from "../model/quarter.js";
import {covenantKeys, facilitiesSheet} from "./facilities-sheet.js";
import {inputsSheet, type SourceOf} from "./inputs-sheet.js";
import {BookBuilder, type WorkbookModel} from "./layout.js";
import {ledgerSheet} from "./ledger-sheet.js";
import {metricsSheet} from "./metrics-sheet.js";

export {type WorkbookModel, type WorkbookSheet, type SheetRow, type CellValue, FIRST_VALUE_COLUMN} from "./layout.js";
export {writeXlsx, type ExcelLibrary} from "./xlsx.js";

/** Where the figures come from: the base case's provenance and the dataset's sources. */
export interface WorkbookSources {
  readonly provenance: readonly {readonly input: string; readonly value: string; readonly status: string; readonly basis: string}[];
  readonly documents: readonly {readonly source_id: string; readonly kind: string; readonly title: string; readonly url: string; readonly published: string}[];
}

export interface WorkbookScenario {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The scenario's controls, as set (shown on the sources sheet; the model reads the inputs sheet). */
  readonly controls: Readonly<Record<string, number>>;
}

/**
 * A scenario as a workbook whose model is live: inputs, then facilities, ledger and metrics
 * sheets of formulas over them, then the sources. Pure: the same input gives the same
 * workbook; `writeXlsx` turns it into a file.
 */
export function workbookModel(draft: ModelInputDraft, scenario: WorkbookScenario, sources: WorkbookSources, sourceOf: SourceOf): WorkbookModel {
  const input = parseModelInput(draft);
  const quarters = Array.from({length: input.quarters}, (_, t) => addQuarters(input.start, t));
  const book = new BookBuilder(quarters);
  inputsSheet(book, input, sourceOf);
  facilitiesSheet(book, input);
  ledgerSheet(book, input);
  metricsSheet(book, covenantKeys(input).map((c) => `${c.key}.breached`));
  sourcesSheet(book, scenario, sources);
  return book.build();
}

function sourcesSheet(book: BookBuilder, scenario: WorkbookScenario, sources: WorkbookSources): void {
  const sheet = book.sheet("Sources", false, ["Item", "Status", "Basis or title", "Value or address"]);
  sheet.heading(`Scenario: ${scenario.title} (${scenario.name})`);
  sheet.scalar({label: "Description", note: scenario.description, kind: "heading", value: () => null});
  for (const [key, value] of Object.entries(scenario.controls)) sheet.scalar({label: key, unit: "control", note: "the notebook's control, as the scenario sets it; the inputs sheet holds its effect", value: () => value});
  sheet.blank();
  sheet.heading("Where each base-case input comes from");
  for (const p of sources.provenance) sheet.scalar({label: p.input, unit: p.status, note: p.basis, value: () => p.value});
  sheet.blank();
  sheet.heading("Documents");
  for (const d of sources.documents) sheet.scalar({label: d.source_id, unit: d.kind, note: `${d.title} (${d.published})`, value: () => d.url});
}
