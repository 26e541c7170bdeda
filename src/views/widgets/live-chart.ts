import embed, {type VisualizationSpec} from "vega-embed";
import {DATA_NAME} from "../charts/common.js";

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
  // The rows vega holds as its tuples: an update with as many rows changes their fields in
  // place, so each mark keeps its scenegraph item and SVG element and only their attributes
  // change (replacing every tuple made vega build the whole SVG anew on each input).
  let tuples = [...rows] as Array<Record<string, unknown>>;
  // The fields each row was given (vega-lite's transforms may add their own to a tuple).
  let given = tuples.map((row) => Object.keys(row));
  const ready = embed(element, spec, {
    actions: {export: {svg: true, png: true}, source: false, compiled: false, editor: false},
    renderer: "svg"
  }).then(async (result) => {
    await result.view.change(DATA_NAME, result.view.changeset().insert(tuples)).runAsync();
    return result.view;
  });
  return {
    element,
    async update(next) {
      const view = await ready;
      const fresh = next as ReadonlyArray<Record<string, unknown>>;
      let changes = view.changeset();
      let changed = fresh.length !== tuples.length;
      if (!changed) {
        fresh.forEach((row, i) => {
          const tuple = tuples[i]!;
          for (const key of new Set([...given[i]!, ...Object.keys(row)])) {
            if (!Object.is(tuple[key], row[key])) { changes = changes.modify(tuple, key, row[key]); changed = true; }
          }
        });
      } else {
        tuples = [...fresh];
        changes = changes.remove(() => true).insert(tuples);
      }
      given = fresh.map((row) => Object.keys(row));
      // Rows as they were (the regime band, say, when only the rate moved): nothing to redraw.
      if (changed) await view.change(DATA_NAME, changes).runAsync();
      // A standard performance mark, so a benchmark can tell when every chart has redrawn.
      performance.mark(UPDATED_MARK);
    }
  };
}
