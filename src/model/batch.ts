// The batched float path's public surface: many projections in lockstep over typed arrays.
export {projectLanes, type BatchOptions, type LaneDraws} from "./batch-project.js";
export {LaneMemory} from "./batch-memory.js";
export {FACILITY_LINES, LEDGER_LINES, METRIC_LINES, PONZI, REGIMES, type BatchRecording, type FacilityLine, type LaneProjections, type LedgerLine, type MetricLine} from "./batch-lines.js";
