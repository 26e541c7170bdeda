// Emits scenarios.json: every scenario file, resolved down its lineage, with its changes
// from its parent, its full controls and its outcome.
import {baseInputs, readScenarios} from "../../cli/scenario-files.js";
import {diffControls, lineage, resolveControls} from "../scenario/scenario.js";
import {projectScenario} from "../scenario/outcomes.js";

const scenarios = readScenarios();
const {base, controls: baseControls} = baseInputs();
process.stdout.write(JSON.stringify([...scenarios.values()].map((s) => {
  const controls = resolveControls(s.name, scenarios, baseControls);
  const parentControls = s.parent ? resolveControls(s.parent, scenarios, baseControls) : baseControls;
  return {
    name: s.name, title: s.title, description: s.description, parent: s.parent ?? null,
    lineage: lineage(s.name, scenarios).map((l) => l.name),
    changes: diffControls(parentControls, controls),
    controls,
    outcome: projectScenario(base.input, controls).outcome
  };
})));
