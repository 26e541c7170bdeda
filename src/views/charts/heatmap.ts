import type {TopLevelSpec} from "vega-lite";
import {OUTCOMES} from "../../readings/outcomes.js";
import {boundary, halfSteps, type SensitivityGrid} from "../../risk/grid.js";
import type {Controls} from "../../scenario/controls.js";
import {formatNumber} from "../../readings/format.js";
import {fields, frame, meta} from "./common.js";

/**
 * The sensitivity grid as a heatmap: all its marks in one table (a `layer` field tells
 * them apart), so that the chart reads one data source and can change it in place.
 */
export type HeatmapRow =
  | {readonly layer: "cell"; readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number; readonly x: number; readonly y: number; readonly value: number | null; readonly shown: string}
  | {readonly layer: "ponzi" | "cannot pay"; readonly x: number; readonly y: number; readonly x2: number; readonly y2: number}
  | {readonly layer: "current"; readonly x: number; readonly y: number; readonly shown: string};
const F = fields<HeatmapRow>({layer: "layer", x0: "x0", x1: "x1", y0: "y0", y1: "y1", x: "x", y: "y", x2: "x2", y2: "y2", value: "value", shown: "shown"});

export function heatmapRows(grid: SensitivityGrid, current: Controls): HeatmapRow[] {
  const outcome = OUTCOMES[grid.outcome];
  const {dx, dy} = halfSteps(grid);
  const cells: HeatmapRow[] = grid.cells.map((c) => ({
    layer: "cell", x0: c.x - dx, x1: c.x + dx, y0: c.y - dy, y1: c.y + dy, x: c.x, y: c.y,
    value: c.value !== null && Number.isFinite(c.value) ? c.value : null,
    shown: c.value === null ? outcome.absent : `${formatNumber(c.value, 2)} ${outcome.unit}`
  }));
  // A kind of outline the grid does not have is one point of zero length (it draws
  // nothing): its layer then never reads an empty set, whose extent on the shared axes vega
  // would warn is infinite.
  const first = grid.cells[0];
  const edges = (layer: "ponzi" | "cannot pay", status: (c: SensitivityGrid["cells"][number]) => boolean): HeatmapRow[] => {
    const found = boundary(grid, status).map((s) => ({layer, ...s}));
    return found.length || !first ? found : [{layer, x: first.x, y: first.y, x2: first.x, y2: first.y}];
  };
  return [
    ...cells,
    ...edges("ponzi", (c) => c.ponzi),
    ...edges("cannot pay", (c) => c.cannotPay),
    {layer: "current", x: current[grid.x.key], y: current[grid.y.key], shown: "the inputs as set"}
  ];
}

export interface HeatmapLabels {
  readonly x: string;
  readonly y: string;
  readonly outcome: string;
  readonly unit: string;
}

const onLayer = (layer: HeatmapRow["layer"]) => ({filter: `datum.${F.layer} === '${layer}'`});

/** What the heatmap's lines and marker mean, as its legends say it. */
export const HEATMAP_KEY = {
  lines: "Lines, for some quarter of the projection",
  cannotPay: "Solid: outlines where it cannot pay",
  ponzi: "Dashed: outlines where it is in Ponzi finance",
  current: "Circle: the inputs as set"
} as const;

// The two lines share one legend (a stroke-dash scale over the key's words), the circle has
// its own (a one-shape scale): a rule or a point has no legend unless a channel encodes it.
// Every legend sits under the plot, one above the other, so that on a narrow screen they
// take height, not the plot's width.
const lineKey = (which: "cannotPay" | "ponzi") => ({
  datum: HEATMAP_KEY[which],
  scale: {domain: [HEATMAP_KEY.cannotPay, HEATMAP_KEY.ponzi], range: [[1, 0], [4, 3]]},
  legend: {title: HEATMAP_KEY.lines, orient: "bottom", direction: "vertical", labelLimit: 0, titleLimit: 0, symbolStrokeWidth: 2, symbolSize: 300}
});
const markerKey = {
  datum: HEATMAP_KEY.current,
  scale: {domain: [HEATMAP_KEY.current], range: ["circle"]},
  legend: {title: null, orient: "bottom", labelLimit: 0}
};

/** `height`: the plot's, in CSS pixels (the story page's live heatmap is smaller than the Risk page's). */
export function heatmapChart(labels: HeatmapLabels, height = 360): TopLevelSpec {
  const x = {field: F.x, type: "quantitative", title: labels.x, scale: {zero: false, nice: false}} as const;
  const y = {field: F.y, type: "quantitative", title: labels.y, scale: {zero: false, nice: false}} as const;
  const framed = frame(height);
  return {
    ...framed,
    // Vega's legend layout, which vega-lite passes through but does not type (hence the cast below).
    config: {...framed.config, legend: {layout: {bottom: {anchor: "start", direction: "vertical", margin: 8}}}},
    ...meta({terms: ["ponzi", "fundingGap"], table: {where: {field: F.layer, equals: "cell"}, columns: [
      {field: F.x, title: labels.x}, {field: F.y, title: labels.y}, {field: F.shown, title: labels.outcome}
    ]}}),
    title: `${labels.outcome}: ${labels.y} against ${labels.x}`,
    description: `A heatmap of ${labels.outcome.toLowerCase()} (${labels.unit}) for each pair of ${labels.x} and ${labels.y}, the other inputs held. A dashed line outlines where the company turns to Ponzi finance in some quarter, a solid line where it cannot pay in some quarter; the ring marks the inputs as set. Grey cells have no value (it always pays, or there is no interest to cover).`,
    layer: [
      {
        transform: [onLayer("cell")],
        mark: {type: "rect"},
        encoding: {
          x: {...x, field: F.x0}, x2: {field: F.x1}, y: {...y, field: F.y0}, y2: {field: F.y1},
          color: {
            condition: {test: `datum.${F.value} === null`, value: "#dddddd"},
            field: F.value, type: "quantitative", title: labels.unit, scale: {scheme: "redyellowblue"},
            legend: {orient: "bottom", direction: "horizontal", gradientLength: 200, titleLimit: 0}
          },
          tooltip: [{field: F.x, title: labels.x, format: ",.2f"}, {field: F.y, title: labels.y, format: ",.2f"}, {field: F.shown, title: labels.outcome}]
        }
      },
      {
        transform: [onLayer("ponzi")],
        mark: {type: "rule", color: "black", strokeDash: [4, 3], strokeWidth: 1.5},
        encoding: {x: {...x}, x2: {field: F.x2}, y: {...y}, y2: {field: F.y2}, strokeDash: lineKey("ponzi")}
      },
      {
        transform: [onLayer("cannot pay")],
        mark: {type: "rule", color: "black", strokeWidth: 2.5},
        encoding: {x: {...x}, x2: {field: F.x2}, y: {...y}, y2: {field: F.y2}, strokeDash: lineKey("cannotPay")}
      },
      {
        transform: [onLayer("current")],
        mark: {type: "point", shape: "circle", size: 160, filled: false, color: "black", strokeWidth: 2.5},
        encoding: {x, y, shape: markerKey, tooltip: [{field: F.shown, title: "Marks"}, {field: F.x, title: labels.x}, {field: F.y, title: labels.y}]}
      }
    ]
  } as unknown as TopLevelSpec;
}
