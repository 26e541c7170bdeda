import {companyTables} from "../data-loaders/dataset.js";
import {withVerdictsBefore} from "../src/claims/claims.js";
import {claimsData} from "../src/claims/data.js";
import {modelView} from "../src/claims/model-view.js";
import {resolveControls} from "../src/scenario/scenario.js";
import {baseInputs, readScenarios} from "./scenario-files.js";

/** The I/O edge of the claims: the dataset and the scenario files, checked. */
export function checkedClaims() {
  const scenarios = readScenarios();
  const {base, controls} = baseInputs();
  const resolved = [...scenarios.values()].map((s) => ({name: s.name, title: s.title, controls: resolveControls(s.name, scenarios, controls)}));
  // The dataset ended at 2025-09-30 until the 2026 filings were added: a verdict they changed says so.
  return withVerdictsBefore(claimsData(companyTables(), modelView(base.input, resolved)), "2025-09-30");
}
