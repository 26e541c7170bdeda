import type {TopLevelSpec} from "vega-lite";

/**
 * Chart spec builders: pure functions from options to a vega-lite specification. Each
 * reads its rows from the named data source "table", so that a live chart changes its
 * data in place (see live-chart.ts) instead of being rebuilt. Each has a title, axis
 * titles with units, a tooltip with the figure and a description for screen readers.
 */
export const DATA_NAME = "table";
const MILLIONS = ",.1f";

interface ChartOptions {
  readonly width?: number | "container";
}

// A reference line drawn once, from a datum of its own: with the chart's rows it would be
// drawn once per row (and rebuilt on every input).
const ONE_DATUM = {values: [{}]} as const;

const quarterAxis = {field: "quarter", type: "ordinal", title: "Quarter", sort: "ascending", axis: {labelAngle: -45}} as const;
// The chart fills its container's width ("container"), padding included, so that axis
// titles and legends are never clipped by the page's column.
const base = (options: ChartOptions) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: options.width ?? "container",
  height: 240,
  autosize: {type: "fit-x", contains: "padding"},
  data: {name: DATA_NAME},
  config: {font: "system-ui, sans-serif"}
}) as const;

export function cashChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    title: "Cash against debt due",
    description: "Closing cash each quarter against the principal and interest falling due, in USD millions. Cash below zero is a quarter the company cannot pay.",
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#999"}, encoding: {y: {datum: 0}}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis,
          y: {field: "value", type: "quantitative", title: "USD millions", axis: {format: MILLIONS}},
          color: {field: "series", type: "nominal", title: null, scale: {domain: ["Closing cash", "Debt due (principal + interest)"], range: ["#1f77b4", "#d62728"]}},
          tooltip: [{field: "quarter", title: "Quarter"}, {field: "series", title: "Series"}, {field: "value", title: "USD millions", format: MILLIONS}]
        }
      }
    ]
  };
}

export function coverageChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    title: "Interest coverage and DSCR",
    description: "EBITDA over interest, and operating cash flow over debt service, each quarter, as multiples. Below the 1.0× line, the quarter's cash earnings do not cover what is owed. Quarters with nothing to cover are left out.",
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#d62728", strokeDash: [4, 4]}, encoding: {y: {datum: 1}, tooltip: {value: "1.0×: earnings just cover the charge"}}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis,
          y: {field: "value", type: "quantitative", title: "Multiple (×)", axis: {format: ".1f"}},
          color: {field: "series", type: "nominal", title: null},
          tooltip: [{field: "quarter", title: "Quarter"}, {field: "series", title: "Ratio"}, {field: "value", title: "×", format: ".2f"}]
        }
      }
    ]
  };
}

export const REGIME_COLOURS = {hedge: "#2ca02c", speculative: "#ff7f0e", ponzi: "#d62728"} as const;

export function regimeChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    height: 60,
    title: "Minsky regime by quarter",
    description: "Each quarter's financing regime: hedge when operating cash flow covers interest and principal due, speculative when it covers interest only, Ponzi when it does not cover interest. A black triangle marks a quarter in which a maintenance covenant is breached.",
    layer: [
      {
        mark: {type: "rect"},
        encoding: {
          x: quarterAxis,
          color: {field: "regime", type: "nominal", title: "Regime", scale: {domain: Object.keys(REGIME_COLOURS), range: Object.values(REGIME_COLOURS)}},
          tooltip: [{field: "quarter", title: "Quarter"}, {field: "regime", title: "Regime"}, {field: "cannotPay", title: "Cannot pay"}, {field: "breaches", title: "Covenant breaches"}]
        }
      },
      {
        // Covenant breaches, on the band: the first is an outcome beside the first quarter it cannot pay.
        transform: [{filter: "datum.breaches != null && datum.breaches != ''"}],
        mark: {type: "point", shape: "triangle-down", filled: true, color: "black", size: 80, yOffset: -4},
        encoding: {x: quarterAxis, tooltip: [{field: "quarter", title: "Quarter"}, {field: "breaches", title: "Covenant breaches"}]}
      }
    ]
  };
}

export function maturityWallChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    title: "The maturity wall: principal repaid in cash, by facility",
    description: "Principal each facility requires in cash each quarter (what falls due less what is refinanced), stacked, in USD millions.",
    mark: {type: "bar"},
    encoding: {
      x: quarterAxis,
      y: {field: "value", type: "quantitative", title: "USD millions", stack: "zero", axis: {format: MILLIONS}},
      color: {field: "series", type: "nominal", title: "Facility"},
      tooltip: [{field: "quarter", title: "Quarter"}, {field: "series", title: "Facility"}, {field: "value", title: "USD millions", format: MILLIONS}]
    }
  };
}

export function sourcesUsesChart(options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    title: "Sources and uses of cash",
    description: "Each quarter's sources of cash (above zero) and uses (below zero), in USD millions; the two balance.",
    layer: [
      {mark: {type: "bar"}, encoding: {
        x: quarterAxis,
        y: {field: "value", type: "quantitative", title: "USD millions (sources +, uses −)", stack: "zero", axis: {format: MILLIONS}},
        color: {field: "series", type: "nominal", title: null},
        tooltip: [{field: "quarter", title: "Quarter"}, {field: "series", title: "Flow"}, {field: "value", title: "USD millions", format: MILLIONS}]
      }},
      {data: ONE_DATUM, mark: {type: "rule", color: "#333"}, encoding: {y: {datum: 0}}}
    ]
  };
}

/** One measure, one line per scenario: to compare scenarios on the same axes. */
export function compareChart(measure: string, unit: string, options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    title: `${measure} by scenario`,
    description: `${measure} each quarter under each scenario compared, in ${unit}, one line per scenario.`,
    layer: [
      {data: ONE_DATUM, mark: {type: "rule", color: "#999"}, encoding: {y: {datum: 0}}},
      {
        mark: {type: "line", point: true},
        encoding: {
          x: quarterAxis,
          y: {field: "value", type: "quantitative", title: unit, axis: {format: MILLIONS}},
          color: {field: "series", type: "nominal", title: "Scenario"},
          tooltip: [{field: "quarter", title: "Quarter"}, {field: "series", title: "Scenario"}, {field: "value", title: unit, format: MILLIONS}]
        }
      }
    ]
  };
}

/** One measure of the hindcast: what the base case built at an earlier date projected, against what was reported. */
export function hindcastChart(measure: string, asOf: string, options: ChartOptions = {}): TopLevelSpec {
  return {
    ...base(options),
    height: 180,
    // A short title and a subtitle, so that neither is cut at a phone's width.
    title: {text: measure, subtitle: `dashed: projected from ${asOf}`, anchor: "start"},
    description: `${measure} each quarter, USD millions: the base case as built from the figures held at ${asOf}, and what was reported since.`,
    mark: {type: "line", point: true},
    encoding: {
      x: quarterAxis,
      y: {field: "value", type: "quantitative", title: "USD millions", axis: {format: MILLIONS}},
      color: {field: "series", type: "nominal", title: null, scale: {domain: ["projected", "reported"], range: ["#7f7f7f", "#1f77b4"]}, legend: {orient: "top"}},
      strokeDash: {field: "series", type: "nominal", legend: null, scale: {domain: ["projected", "reported"], range: [[4, 3], [1, 0]]}},
      tooltip: [{field: "quarter", title: "Quarter"}, {field: "series", title: "Series"}, {field: "value", title: "USD millions", format: MILLIONS}]
    }
  };
}
