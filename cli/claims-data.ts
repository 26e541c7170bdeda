import {companyTables} from "../data-loaders/dataset.js";
import {checkClaims} from "../src/claims/claims.js";
import {claimsData} from "../src/claims/data.js";
import {modelView} from "../src/claims/model-view.js";
import {resolveControls} from "../src/scenario/scenario.js";
import {baseInputs, readScenarios} from "./scenario-files.js";

/** The I/O edge of the claims: the dataset and the scenario files, checked. */
export function checkedClaims() {
  const scenarios = readScenarios();
  const {base, controls} = baseInputs();
  const resolved = [...scenarios.values()].map((s) => ({name: s.name, title: s.title, controls: resolveControls(s.name, scenarios, controls)}));
  return checkClaims(claimsData(companyTables(), modelView(base.input, resolved)));
}
