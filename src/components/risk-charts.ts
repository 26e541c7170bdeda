import type {TopLevelSpec} from "vega-lite";
import {DATA_NAME} from "./charts.js";

/**
 * Spec builders for the risk tools' charts: pure, one data source each (see risk-rows.ts),
 * with a title, axis units, tooltips and a description for screen readers.
 */
const frame = (height = 300) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: "container",
  height,
  autosize: {type: "fit-x", contains: "padding"},
  data: {name: DATA_NAME},
  config: {font: "system-ui, sans-serif"}
}) as const;

const onLayer = (layer: string) => ({filter: `datum.layer === '${layer}'`});

export interface HeatmapLabels {
  readonly x: string;
  readonly y: string;
  readonly outcome: string;
  readonly unit: string;
}

export function heatmapChart(labels: HeatmapLabels): TopLevelSpec {
  const x = {field: "x", type: "quantitative", title: labels.x, scale: {zero: false, nice: false}} as const;
  const y = {field: "y", type: "quantitative", title: labels.y, scale: {zero: false, nice: false}} as const;
  return {
    ...frame(360),
    title: `${labels.outcome}: ${labels.y} against ${labels.x}`,
    description: `A heatmap of ${labels.outcome.toLowerCase()} (${labels.unit}) for each pair of ${labels.x} and ${labels.y}, the other inputs held. A dashed line outlines where the company turns to Ponzi finance in some quarter, a solid line where it cannot pay in some quarter; the ring marks the inputs as set. Grey cells have no value (it always pays, or there is no interest to cover).`,
    layer: [
      {
        transform: [onLayer("cell")],
        mark: {type: "rect"},
        encoding: {
          x: {...x, field: "x0"}, x2: {field: "x1"}, y: {...y, field: "y0"}, y2: {field: "y1"},
          color: {
            condition: {test: "datum.value === null", value: "#dddddd"},
            field: "value", type: "quantitative", title: labels.unit, scale: {scheme: "redyellowblue"}
          },
          tooltip: [{field: "x", title: labels.x, format: ",.2f"}, {field: "y", title: labels.y, format: ",.2f"}, {field: "shown", title: labels.outcome}]
        }
      },
      {
        transform: [onLayer("ponzi")],
        mark: {type: "rule", color: "black", strokeDash: [4, 3], strokeWidth: 1.5},
        encoding: {x: {...x}, x2: {field: "x2"}, y: {...y}, y2: {field: "y2"}}
      },
      {
        transform: [onLayer("cannot pay")],
        mark: {type: "rule", color: "black", strokeWidth: 2.5},
        encoding: {x: {...x}, x2: {field: "x2"}, y: {...y}, y2: {field: "y2"}}
      },
      {
        transform: [onLayer("current")],
        mark: {type: "point", shape: "circle", size: 160, filled: false, color: "black", strokeWidth: 2.5},
        encoding: {x, y, tooltip: [{field: "shown", title: "Marks"}, {field: "x", title: labels.x}, {field: "y", title: labels.y}]}
      }
    ]
  } as TopLevelSpec;
}

export function tornadoChart(outcome: string, unit: string): TopLevelSpec {
  return {
    ...frame(320),
    title: `What moves ${outcome.toLowerCase()} most`,
    description: `For each input moved down and up by the step in its label, the other inputs held, the bar runs from ${outcome.toLowerCase()} with the inputs as set (the line) to its value at that end, in ${unit}. Largest swing at the top.`,
    layer: [
      {
        mark: {type: "bar"},
        encoding: {
          y: {field: "input", type: "nominal", title: null, sort: {field: "rank", order: "ascending"}},
          x: {field: "centre", type: "quantitative", title: `${outcome} (${unit})`, scale: {zero: false}},
          x2: {field: "outcome"},
          color: {field: "end", type: "nominal", title: "Input moved", scale: {domain: ["down", "up"], range: ["#4c78a8", "#f58518"]}},
          tooltip: [{field: "input", title: "Input"}, {field: "end", title: "Moved"}, {field: "moved", title: "To", format: ",.2f"}, {field: "outcome", title: unit, format: ",.2f"}]
        }
      },
      {mark: {type: "rule", color: "black"}, encoding: {x: {field: "centre", type: "quantitative", aggregate: "min"}}}
    ]
  } as TopLevelSpec;
}

const quarter = {field: "quarter", type: "ordinal", title: "Quarter", sort: "ascending", axis: {labelAngle: -45}} as const;

export function probabilityChart(): TopLevelSpec {
  return {
    ...frame(240),
    title: "How likely: unable to pay, and Ponzi finance",
    description: "Across the simulated paths, the share that have been unable to pay by each quarter, and the share in Ponzi finance in that quarter (operating cash flow short of interest), from 0 to 100 %.",
    mark: {type: "line", point: true},
    encoding: {
      x: quarter,
      y: {field: "value", type: "quantitative", title: "Share of paths", axis: {format: ".0%"}, scale: {domain: [0, 1]}},
      color: {field: "series", type: "nominal", title: null},
      tooltip: [{field: "quarter", title: "Quarter"}, {field: "series", title: "Share"}, {field: "value", title: "%", format: ".1%"}]
    }
  } as TopLevelSpec;
}

export function fanChart(what: string): TopLevelSpec {
  const y = (field: string) => ({field, type: "quantitative", title: "USD millions", axis: {format: ",.0f"}}) as const;
  return {
    ...frame(260),
    title: `${what}: the spread of paths`,
    description: `${what} each quarter across the simulated paths, in USD millions: the light band holds 90 % of paths (5th to 95th percentile), the dark band half (25th to 75th), the line is the median.`,
    layer: [
      {mark: {type: "area", opacity: 0.25, color: "#4c78a8"}, encoding: {x: quarter, y: y("p5"), y2: {field: "p95"}}},
      {mark: {type: "area", opacity: 0.45, color: "#4c78a8"}, encoding: {x: quarter, y: y("p25"), y2: {field: "p75"}}},
      {
        mark: {type: "line", color: "#1f3b5a", point: true},
        encoding: {
          x: quarter, y: y("p50"),
          tooltip: [{field: "quarter", title: "Quarter"}, {field: "p5", title: "5th pct", format: ",.0f"}, {field: "p50", title: "Median", format: ",.0f"}, {field: "p95", title: "95th pct", format: ",.0f"}]
        }
      }
    ]
  } as TopLevelSpec;
}
