import {decimalArithmetic, floatArithmetic, parseModelInput, project} from "../src/model/index.js";
import {benchCompany, benchCompanyAllFeatures} from "./company.js";
import {interleavedRatio, medianMs} from "./measure.js";
import {buildModelSheet, type ModelSheet} from "./sheet.js";

/**
 * One measurement, run in a fresh process by bench/run.ts and printed as JSON. A fresh
 * process matters: once the decimal path has run, the engine's call sites are
 * polymorphic and the float path is slower than in the Web Worker that runs simulations,
 * where only float is used. Both figures are reported.
 */
const input = parseModelInput(benchCompany);
const allFeatures = parseModelInput(benchCompanyAllFeatures);
const decimal = () => medianMs(() => project(input, decimalArithmetic), {samples: 101, warmup: 50});
const float = () => medianMs(() => project(input, floatArithmetic), {samples: 51, batch: 200, warmup: 1000});

const measurements: Record<string, () => number> = {
  all_features_slowdown_decimal: () => interleavedRatio(() => project(input, decimalArithmetic), () => project(allFeatures, decimalArithmetic), 5),
  all_features_slowdown_float: () => interleavedRatio(() => project(input, floatArithmetic), () => project(allFeatures, floatArithmetic), 200),
  projection_decimal_all_features_ms: () => medianMs(() => project(allFeatures, decimalArithmetic), {samples: 101, warmup: 50}),
  projection_float_all_features_ms: () => medianMs(() => project(allFeatures, floatArithmetic), {samples: 51, batch: 200, warmup: 1000}),
  projection_decimal_ms: decimal,
  projection_float_ms: float,
  projection_float_after_decimal_ms: () => {
    decimal();
    return float();
  },
  hyperformula_recalc_ms: () => {
    const sheet = checkedSheet();
    return medianMs(recalculation(sheet), {samples: 101, warmup: 10});
  },
  // The decimal projection over HyperFormula's recalculation, the two timed in alternation
  // in this one process (interleavedRatio), as the slowdowns are: two medians taken in
  // processes a minute apart on a shared machine can differ by half for either side.
  engine_vs_hyperformula: () => interleavedRatio(recalculation(checkedSheet()), () => project(input, decimalArithmetic), 5)
};

/** The same model as a spreadsheet, checked against the engine: otherwise the comparison means nothing. */
function checkedSheet(): ModelSheet {
  const sheet = buildModelSheet(benchCompany);
  const engineCash = project(input, floatArithmetic).quarters.at(-1)!.ledger.closingCash;
  if (Math.abs(engineCash - sheet.closingCash()) > 1e-9 * Math.abs(engineCash)) {
    throw new Error(`the sheet (${sheet.closingCash()}) and the engine (${engineCash}) disagree: they are not the same model`);
  }
  return sheet;
}

/**
 * One input changes (a shift of every quarter's base rate, by turns 0.25 % and none),
 * HyperFormula recalculates what depends on it, and the closing cash is read back.
 */
function recalculation(sheet: ModelSheet): () => number {
  let shift = 0;
  return () => {
    shift = shift === 0 ? 0.0025 : 0;
    sheet.setBaseRateShift(shift);
    return sheet.closingCash();
  };
}

const name = process.argv[2] ?? "";
const measure = measurements[name];
if (!measure) throw new Error(`unknown measurement "${name}"; one of ${Object.keys(measurements).join(", ")}`);
process.stdout.write(JSON.stringify({[name]: measure()}));
