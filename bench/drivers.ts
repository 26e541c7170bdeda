import {baseInputs} from "../cli/scenario-files.js";
import {decimalArithmetic, floatArithmetic, parseModelInput, project} from "../src/model/index.js";
import {applyControls} from "../src/scenario/controls.js";
import type {Controls} from "../src/scenario/inputs-table.js";
import {median} from "./measure.js";

/**
 * What the economic drivers cost: the CoreWeave base case with every driver on (growth
 * fading along a path, a shorter useful life, equity raised every quarter, capex following
 * growth, a cap on new borrowing a quarter) over the same
 * base as the model stood before them (growth held, nothing raised), on the same horizon,
 * each in decimal and in float, timed in alternation in one process so that a busy machine
 * slows both alike. Printed as JSON ratios.
 */
const {base, controls} = baseInputs();
const before: Partial<Controls> = {fadeQuarters: 0, equityRaisedPerQuarter: 0};
const drivers: Partial<Controls> = {fadeQuarters: 12, usefulLifeQuarters: 12, equityRaisedPerQuarter: 500, capexFollowsGrowth: 1, newBorrowingPerQuarter: 2500};
const inputs = {
  before: parseModelInput(applyControls(base.input, {...controls, ...before})),
  drivers: parseModelInput(applyControls(base.input, {...controls, ...drivers}))
};

const ratios: Record<string, number> = {};
for (const [name, arithmetic, repeat] of [["decimal", decimalArithmetic, 5], ["float", floatArithmetic, 200]] as const) {
  const run = (input: typeof inputs.before) => { for (let i = 0; i < repeat; i++) project(input, arithmetic as typeof floatArithmetic); };
  for (let i = 0; i < 5; i++) { run(inputs.before); run(inputs.drivers); }
  const times = {before: [] as number[], drivers: [] as number[]};
  for (let round = 0; round < 21; round++) {
    for (const key of ["before", "drivers"] as const) {
      const started = performance.now();
      run(inputs[key]);
      times[key].push(performance.now() - started);
    }
  }
  ratios[`drivers_slowdown_${name}`] = median(times.drivers) / median(times.before);
}
process.stdout.write(JSON.stringify(ratios));
