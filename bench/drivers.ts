import {baseInputs} from "../cli/scenario-files.js";
import {decimalArithmetic, floatArithmetic, parseModelInput, project, type ModelInputDraft} from "../src/model/index.js";
import {applyControls} from "../src/scenario/controls.js";
import type {Controls} from "../src/scenario/inputs-table.js";
import {interleavedRatio} from "./measure.js";

/**
 * What the economic drivers cost: the CoreWeave base case with every driver on (growth
 * fading along a path, revenue from the backlog with the largest customer defaulting, a
 * shorter useful life, equity raised every quarter, capex following growth with the
 * reported vintages replaced as they wear out, a cap on new borrowing a quarter) over the same
 * base as the model stood before them (growth held, nothing raised), on the same horizon,
 * each in decimal and in float, timed in alternation in one process (interleavedRatio) so
 * that a busy machine slows both alike. Printed as JSON ratios.
 */
const {base, controls} = baseInputs();
const before: Partial<Controls> = {fadeQuarters: 0, equityRaisedPerQuarter: 0, capexFollowsGrowth: 0};
const drivers: Partial<Controls> = {fadeQuarters: 12, revenueFollowsBacklog: 1, largestCustomerStopsQuarter: 8, largestCustomerStopsBecause: 1, usefulLifeQuarters: 12, equityRaisedPerQuarter: 500, capexFollowsGrowth: 1, newBorrowingPerQuarter: 2500};
// Before the drivers, depreciation had no reported vintages (and so no maintenance capex).
const withoutVintages = (draft: ModelInputDraft): ModelInputDraft => ({...draft, depreciation: {...draft.depreciation, vintages: []}});
const inputs = {
  before: parseModelInput(withoutVintages(applyControls(base.input, {...controls, ...before}))),
  drivers: parseModelInput(applyControls(base.input, {...controls, ...drivers}))
};

// As the all-features ratio is timed: the same alternation, batches and rounds.
const ratios = {
  drivers_slowdown_decimal: interleavedRatio(() => project(inputs.before, decimalArithmetic), () => project(inputs.drivers, decimalArithmetic), 5),
  drivers_slowdown_float: interleavedRatio(() => project(inputs.before, floatArithmetic), () => project(inputs.drivers, floatArithmetic), 200)
};
process.stdout.write(JSON.stringify(ratios));
