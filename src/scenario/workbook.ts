import {parseModelInput, type ModelInput} from "../model/index.js";
import {workbookModel, type WorkbookModel, type WorkbookSources} from "../workbook/index.js";
import type {BaseCase} from "./base-case.js";
import {applyControls, type Controls} from "./controls.js";
import {INPUT_KEYS, INPUTS} from "./inputs-table.js";

/**
 * A scenario as a live workbook: its model input (the base case with the scenario's
 * controls applied), each input's source (the base case's provenance, or the scenario
 * where it changes the base case's value), and the dataset's documents.
 */
export function scenarioWorkbook(base: BaseCase, scenario: {name: string; title: string; description: string}, controls: Controls, documents: WorkbookSources["documents"]): WorkbookModel {
  const input = parseModelInput(applyControls(base.input, controls));
  const baseInput = parseModelInput(base.input);
  const sourceOf = (field: string): string => {
    const basis = baseSource(base, baseInput, field);
    return JSON.stringify(valueAt(input, field)) === JSON.stringify(valueAt(baseInput, field))
      ? basis
      : `set by the scenario "${scenario.name}" (an assumption); in the base case: ${basis}`;
  };
  // The input parsed above: workbookModel takes it as validated rather than parsing again.
  const rows = INPUT_KEYS.map((key) => ({key, label: INPUTS[key].label, unit: INPUTS[key].unit, value: controls[key], moves: INPUTS[key].workbook}));
  return workbookModel(input, {...scenario, controls: rows}, {provenance: base.provenance, documents}, sourceOf);
}

/** The value at a field path such as "facilities[2].rate.type". */
function valueAt(input: ModelInput, field: string): unknown {
  let value: unknown = input;
  for (const key of field.split(/\.|\[|\]/).filter(Boolean)) value = value === undefined || value === null ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

// The base case's provenance names inputs as a reader would; this maps model fields to them.
const PROVENANCE_OF: Record<string, string> = {
  "revenue.lastQuarter": "Revenue of the last quarter",
  "revenue.growth": "Revenue growth a quarter",
  "revenue.backlog.follows": "Revenue follows",
  "revenue.backlog.opening": "Backlog at the start",
  "revenue.backlog.bookings": "Bookings a quarter",
  "revenue.backlog.termQuarters": "Backlog's weighted term",
  "revenue.largestCustomer.share": "Largest customer's share of revenue",
  "revenue.largestCustomer.stopsFrom": "Largest customer stops paying",
  "revenue.largestCustomer.because": "Largest customer stops paying",
  "costs.ebitdaMargin": "EBITDA margin",
  costs: "EBITDA margin",
  capitalisedInterestShare: "Capitalised interest",
  openingCash: "Opening cash",
  minimumCash: "Minimum cash",
  capex: "Capex a quarter",
  "capexIntensity.perAddedAnnualRevenue": "Capital intensity",
  "capexIntensity.leadQuarters": "Capex lead time",
  "capexIntensity.follows": "Capex follows growth",
  equityRaised: "Equity raised",
  marketShutIncludesEquity: "Equity markets shut too",
  depreciation: "Depreciation",
  taxRate: "Tax rate",
  "revolver.capacity": "Revolver capacity",
  baseRate: "Reference-rate change",
  refinancing: "Refinancing at maturity",
  "refinancing.marketShut": "Refinancing at maturity",
  newBorrowing: "New borrowing",
  "newBorrowing.perQuarter": "New borrowing a quarter"
};

function baseSource(base: BaseCase, input: ModelInput, field: string): string {
  const facility = /^facilities\[(\d+)\]\.(.*)$/.exec(field);
  let names: string[] = [];
  if (facility) {
    const name = input.facilities[Number(facility[1])]?.name ?? "";
    const term = facility[2] ?? "";
    names = term === "rate.type" || term === "amortisation" ? [`${name}: terms`]
      : term === "rate" ? [name, "Cash share of the effective rates"]
      : term === "discount" ? ["Unamortised discount and issuance costs"]
      : term === "principal" || term === "maturity" ? [name] : [];
  } else if (field === "start") {
    return `derived: the quarter after the last reported one (${base.lastReportedQuarter})`;
  } else if (field === "revolver.drawn") {
    names = base.provenance.filter((p) => p.input.endsWith(": drawn")).map((p) => p.input);
  } else if (PROVENANCE_OF[field]) {
    names = [PROVENANCE_OF[field]];
  }
  const found = names.flatMap((name) => base.provenance.filter((p) => p.input === name));
  return found.length
    ? found.map((p) => `${p.status}: ${p.input} ${p.value} (${p.basis})`).join("; ")
    : "not set by the base case: the model's default";
}
