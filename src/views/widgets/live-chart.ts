import embed, {type VisualizationSpec} from "vega-embed";
import type {View} from "vega";
import type {TopLevelSpec} from "vega-lite";
import {DATA_NAME, fitToWidth, type ChartMeta} from "../charts/common.js";
import {chartTable} from "./chart-table.js";
import {glossaryNote} from "./glossary-note.js";

/**
 * The one helper that calls vega-embed. A live chart is embedded once; `update` swaps its
 * data through the view's changeset, so moving an input redraws the marks without
 * rebuilding the page or the chart. Actions are limited to the exports: SVG and PNG, no
 * source, no link to an outside editor.
 *
 * It is drawn only once it has rows and a width: its width is its container's, read by a
 * ResizeObserver (a chart made before it is on the page, as a page's cell makes it, has
 * none yet), so that the first paint is the right size and nothing in it is cut; it is
 * drawn anew when the container's width changes. A chart with no rows draws nothing and says so
 * (vega would warn of each scale's infinite extent, and draw empty axes).
 *
 * Under the chart: the glossary's definitions of the terms it uses, and its table (its
 * text alternative), built when opened.
 */
export const UPDATED_MARK = "solvency:chart-updated";

export interface LiveChart {
  readonly element: HTMLElement;
  update(rows: readonly object[]): Promise<void>;
}

type Row = Record<string, unknown>;

/**
 * `mark` names the performance mark an update ends with: the story page's live-risk charts
 * use their own, so that the benchmark can tell the main charts' paint from theirs.
 */
export function liveChart(spec: VisualizationSpec, rows: readonly object[], {mark = UPDATED_MARK}: {mark?: string} = {}): LiveChart {
  const meta = ((spec as {usermeta?: ChartMeta}).usermeta ?? {}) as ChartMeta;
  const title = chartTitle(spec);
  const element = document.createElement("div");
  element.className = "chart";
  const plot = document.createElement("div");
  plot.className = "chart-plot";
  const empty = Object.assign(document.createElement("p"), {className: "chart-empty-note", textContent: `${title}: nothing to draw yet.`});
  const table = chartTable(meta.table);
  element.append(plot, empty);
  if (meta.terms?.length) element.append(glossaryNote(meta.terms));
  element.append(table.element);

  let current = [...rows] as Row[];
  let width = 0;
  // The width the view was last given: vega sets its own width signal to the plot's.
  let viewWidth = 0;
  let view: View | null = null;
  // The rows vega holds as its tuples: an update with as many rows changes their fields in
  // place, so each mark keeps its scenegraph item and SVG element and only their attributes
  // change (replacing every tuple made vega build the whole SVG anew on each input).
  let tuples: Row[] = [];
  // The fields each row was given (vega-lite's transforms may add their own to a tuple).
  let given: string[][] = [];
  // Draws run one after another; each draws the rows and width current when it starts.
  let drawing: Promise<void> = Promise.resolve();
  let drawn = 0;
  let requested = 0;
  // How long the last draw took: a draw off screen waits for an idle stretch as long.
  let lastDrawMs = 0;
  // Whether vega drew a gradient (a colour legend), whose references need mending (`localGradients`).
  let hasGradients = false;
  const waiting: Array<{upTo: number; resolve: () => void}> = [];

  async function embedAt(w: number): Promise<void> {
    view?.finalize();
    plot.replaceChildren();
    const result = await embed(plot, fitToWidth(spec as TopLevelSpec, w, current) as VisualizationSpec, {
      actions: {export: {svg: true, png: true}, source: false, compiled: false, editor: false},
      renderer: "svg"
    });
    view = result.view;
    viewWidth = w;
    // Its height as drawn, held while it is off screen (style.css): measured once it is laid
    // out whole, so that a chart skipped off screen takes exactly the room it will need.
    element.classList.remove("skips-offscreen");
    element.style.containIntrinsicHeight = `auto ${Math.ceil(element.getBoundingClientRect().height)}px`;
    element.classList.add("skips-offscreen");
    hasGradients = plot.querySelector("linearGradient, radialGradient") !== null;
    tuples = view.data(DATA_NAME) as Row[];
    given = current.map((row) => Object.keys(row));
    // vega-embed's menu opens from a summary holding only an icon: name it.
    plot.querySelector("details > summary")?.setAttribute("aria-label", `Export ${title}`);
  }

  async function change(fresh: Row[]): Promise<void> {
    const v = view!;
    let changes = v.changeset();
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
    if (changed) await v.change(DATA_NAME, changes).runAsync();
  }

  async function draw(): Promise<void> {
    const upTo = requested;
    const hasRows = current.length > 0;
    element.classList.toggle("chart-empty", !hasRows);
    if (hasRows && width > 0) {
      // A new width draws the chart anew at it (it is rare: the window resized), so that it
      // is drawn exactly as a page opened at that width draws it; vega's own resizing of a
      // drawn chart lays it out a few pixels differently.
      const started = performance.now();
      if (!view || viewWidth !== width) await embedAt(width);
      else await change(current);
      // Each draw's time, by chart, as a standard performance measure (bench/paint.ts prints their medians).
      lastDrawMs = performance.measure(`solvency:draw ${title}`, {start: started}).duration;
    }
    if (hasGradients) localGradients(plot);
    table.show(current);
    drawn = upTo;
    for (const w of waiting.filter((w) => w.upTo <= drawn)) { waiting.splice(waiting.indexOf(w), 1); w.resolve(); }
  }

  // Whether the chart is on screen. A drawn chart off screen redraws when the page is idle
  // (as a rule straight after the move's frame), or as it comes into view, whichever is
  // first, rather than in the frame of the input that changed it: a move then costs only the
  // charts a reader can see. (Charts within 200 px of the screen used to redraw in the
  // move's frame too, which cost it up to two charts no one could see.)
  let inView = true;
  let deferred = false;
  const drawDeferred = () => {
    if (!deferred) return;
    deferred = false;
    drawing = drawing.then(draw, draw);
  };
  new IntersectionObserver((entries) => {
    inView = entries.at(-1)!.isIntersecting;
    if (inView) drawDeferred();
  }).observe(element);

  function request(): Promise<void> {
    const upTo = ++requested;
    const done = new Promise<void>((resolve) => waiting.push({upTo, resolve}));
    // Without a width, the draw that the width's arrival starts settles this request.
    if (width > 0 || current.length === 0) {
      if (view && !inView) {
        // One idle draw for any number of updates while off screen: it draws the newest rows.
        if (!deferred) {
          deferred = true;
          whenIdle(drawDeferred, () => lastDrawMs);
        }
      } else {
        drawing = drawing.then(draw, draw);
      }
    }
    return done;
  }

  new ResizeObserver((entries) => {
    const w = Math.floor(entries.at(-1)!.contentRect.width);
    if (w <= 0 || w === width) return;
    width = w;
    drawing = drawing.then(draw, draw);
  }).observe(element);

  void request();

  return {
    element,
    async update(next) {
      current = [...next] as Row[];
      await request();
      // A standard performance mark, so a benchmark can tell when every chart has redrawn.
      performance.mark(mark);
    }
  };
}

/**
 * After the page's pending work, in an idle stretch at least `cost()` ms long, within a
 * second at most. A draw is not cut short by the end of an idle stretch: one begun in the few
 * ms left after a frame held the next frame back (a slider being dragged skipped a frame).
 */
function whenIdle(run: () => void, cost: () => number): void {
  if (typeof requestIdleCallback !== "function") { setTimeout(run, 50); return; }
  const until = performance.now() + 1000;
  const wait = () => requestIdleCallback((deadline) => {
    if (deadline.didTimeout || deadline.timeRemaining() >= cost() || performance.now() >= until) run();
    else wait();
  }, {timeout: Math.max(1, until - performance.now())});
  wait();
}

/**
 * vega's SVG renderer refers to a gradient (a heatmap's colour legend) as
 * url(<the page's address>#gradient_N). Once the page rewrites its own address, as the story
 * page does to keep its inputs in the link, that reference names another document and the
 * gradient vanishes (vega/vega#3948, open). A reference to the fragment alone always
 * resolves in this document.
 */
export function localGradients(root: ParentNode): void {
  for (const attribute of ["fill", "stroke"]) {
    for (const element of root.querySelectorAll(`[${attribute}^="url("]`)) {
      const value = element.getAttribute(attribute)!;
      const local = value.replace(/^url\((['"]?)[^#'")]*#/, "url($1#");
      if (local !== value) element.setAttribute(attribute, local);
    }
  }
}

function chartTitle(spec: VisualizationSpec): string {
  const title = (spec as {title?: string | {text: string | string[]}}).title;
  const text = typeof title === "string" ? title : title?.text;
  return (Array.isArray(text) ? text.join(" ") : text) ?? "The chart";
}
