// The engine's public surface. Pages, loaders, the CLI, workers and tests import from here.
export {decimalArithmetic, floatArithmetic, Money, roundToCent, type Arithmetic} from "./arithmetic.js";
export {annuityPayment, type FacilityInfo, type FacilityKind} from "./facility.js";
export {modelInputSchema, parseModelInput, parseVariant, ParsedFields, withPaths, ModelInputError, type PathChange, type ModelInput, type ModelInputDraft, type InputIssue} from "./inputs.js";
export {type SolvencyMetrics} from "./metrics.js";
export {project, type Projection, type ProjectedQuarter, type LedgerQuarter, type FacilityQuarter, type ProjectionEvent} from "./project.js";
export {addQuarters, quarterOffset, quarterOfMonth, isQuarterLabel, type QuarterLabel} from "./quarter.js";
export {minskyRegime, type Regime} from "./regime.js";
export {projectionToNumbers} from "./numbers.js";
