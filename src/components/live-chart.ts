import embed, {type VisualizationSpec} from "vega-embed";
import {DATA_NAME} from "./charts.js";

/**
 * The one helper that calls vega-embed. A live chart is embedded once; `update` swaps its
 * data through the view's changeset, so moving an input redraws the marks without
 * rebuilding the page or the chart. Actions are limited to the exports: SVG and PNG, no
 * source, no link to an outside editor.
 */
export const UPDATED_MARK = "solvency:chart-updated";

export interface LiveChart {
  readonly element: HTMLElement;
  update(rows: readonly object[]): Promise<void>;
}

export function liveChart(spec: VisualizationSpec, rows: readonly object[]): LiveChart {
  const element = document.createElement("div");
  element.className = "chart";
  const ready = embed(element, spec, {
    actions: {export: {svg: true, png: true}, source: false, compiled: false, editor: false},
    renderer: "svg"
  }).then(async (result) => {
    await result.view.change(DATA_NAME, result.view.changeset().insert(rows as object[])).runAsync();
    return result.view;
  });
  return {
    element,
    async update(next) {
      const view = await ready;
      await view.change(DATA_NAME, view.changeset().remove(() => true).insert(next as object[])).runAsync();
      // A standard performance mark, so a benchmark can tell when every chart has redrawn.
      performance.mark(UPDATED_MARK);
    }
  };
}
