import {parseModelInput, type ModelInputDraft} from "../model/index.js";
import {addQuarters} from "../model/quarter.js";
import {covenantKeys, facilitiesSheet} from "./facilities-sheet.js";
import {INPUTS, inputsSheet, type SourceOf} from "./inputs-sheet.js";
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
  /**
   * The scenario's inputs as the notebook shows them, as set, and the keys of the
   * inputs-sheet rows each moves (shown on the sources sheet; the model reads the inputs
   * sheet). A bare record of values (a fixture's) is shown by key.
   */
  readonly controls: readonly ControlRow[] | Readonly<Record<string, number>>;
}

export interface ControlRow {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  readonly moves: readonly string[];
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
  const controls: readonly ControlRow[] = Array.isArray(scenario.controls)
    ? scenario.controls
    : Object.entries(scenario.controls).map(([key, value]) => ({key, label: key, unit: "input", value, moves: []}));
  for (const c of controls) {
    const rows = [...new Set(c.moves.flatMap((key) => book.rowsMatching(INPUTS, key)))].sort((a, b) => a - b);
    const where = rows.length ? `it moves row${rows.length > 1 ? "s" : ""} ${rows.join(", ")} of the ${INPUTS} sheet` : "it moves no single row (the horizon, for one, is the number of quarter columns)";
    sheet.scalar({label: `${c.label} [${c.key}]`, unit: c.unit, note: `the notebook's input, as the scenario sets it; ${where}`, value: () => c.value});
  }
  sheet.blank();
  sheet.heading("Where each base-case input comes from");
  for (const p of sources.provenance) sheet.scalar({label: p.input, unit: p.status, note: p.basis, value: () => p.value});
  sheet.blank();
  sheet.heading("Documents");
  for (const d of sources.documents) sheet.scalar({label: d.source_id, unit: d.kind, note: `${d.title} (${d.published})`, value: () => d.url});
}
