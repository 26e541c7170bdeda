import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {chromium} from "playwright-core";
import {chromiumPath} from "../scripts/chromium.js";
import {serve} from "../scripts/serve.js";

/**
 * In Chromium, on the story page with its live risk on, from an input event on a slider to
 * the next painted frame:
 * - input_to_paint_p95_ms: once every main chart on screen has redrawn (each marks it with a
 *   standard performance mark, "solvency:chart-updated"; a chart off screen redraws when the
 *   page is idle or it comes into view). Measured with the page scrolled as a reader working
 *   the inputs has it: the summary at the top, the regime and cash charts under it, the live
 *   risk's heatmap below them. (Until 2026-12-01 it was measured with the live risk centred,
 *   where no main chart is on screen: the figure was then the frame of the move's own work
 *   and of the charts just off screen.)
 * - live_risk_input_to_paint_p95_ms: once the live risk's heatmap and fan show the grid and
 *   all the paths for these inputs ("solvency:live-risk-updated", marked when both have
 *   redrawn), with the live risk centred on screen;
 * - live_risk_first_look_p95_ms: once they show the grid and the first look's paths (the
 *   plan's first 500 of 2,000, "solvency:live-risk-first-look"), drawn while the rest run.
 * Each view takes up to 60 moves of different sliders after 10 warm-up moves, each made once
 * the live risk of the move before has painted (a reader's separate moves, not a drag); a
 * move to the value a slider already has is skipped, and the count of samples is reported
 * beside the figures.
 *
 * "The next painted frame": a rAF loop records each frame's start and, by a message posted
 * from its rAF callback, when that frame's rendering is over. The frame that shows the
 * charts is the first whose rendering ends after the last mark; the sample ends at the
 * start of the frame after it, when that one is on screen. (Until 2026-11-25 the loop
 * checked for the marks before awaiting each frame, and so counted one frame more than it
 * should whenever the charts redrew inside a frame's callbacks.)
 */
const MEASURE = ({needsMainCharts}: {needsMainCharts: boolean}) => `(async () => {
  const numbers = [...document.querySelectorAll(".controls input[type=number]")];
  // The main charts on screen: a chart off screen redraws when the page is idle (live-chart.ts).
  const onScreen = (e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
  const mainCharts = [...document.querySelectorAll(".chart")].filter((c) => !c.closest(".live-risk") && onScreen(c)).length;
  if (${needsMainCharts} && mainCharts === 0) throw new Error("no main chart is on screen: input_to_paint would measure nothing");
  const marks = (name) => performance.getEntriesByName(name);
  const frames = [];
  let running = true;
  const loop = (start) => {
    const frame = {start, renderedBy: Infinity};
    frames.push(frame);
    // Posted during the frame's callbacks, delivered once its rendering is done.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { frame.renderedBy = performance.now(); };
    channel.port2.postMessage(0);
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  // The start of the frame after the one whose rendering ended after \`last\`, or null.
  const paintedAfter = (last) => {
    const shown = frames.findIndex((f) => f.renderedBy > last && f.renderedBy !== Infinity);
    return shown >= 0 && frames[shown + 1] ? frames[shown + 1].start : null;
  };
  const main = [], live = [], first = [];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  // The first 10 moves warm the JIT up and are not counted; 60 are measured after them.
  for (let move = 0; move < 70; move++) {
    const input = numbers[move % numbers.length];
    const min = Number(input.min), max = Number(input.max), step = Number(input.step) || 1;
    const value = Math.min(max, Math.max(min, min + Math.round((random() * (max - min)) / step) * step));
    if (Number(input.value) === value) continue;
    const before = marks("solvency:chart-updated").length;
    await nextFrame();
    const started = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event("input", {bubbles: true}));
    let mainPainted = null, livePainted = null, firstPainted = null;
    while (performance.now() - started < 5000 && livePainted === null) {
      await nextFrame();
      const all = marks("solvency:chart-updated");
      // The charts on screen draw in the move's task, before any off screen (which wait for
      // the page to be idle): the on-screen ones are the first marks after the move.
      if (mainPainted === null && all.length - before >= mainCharts) mainPainted = paintedAfter(all[before + mainCharts - 1].startTime);
      const firsts = marks("solvency:live-risk-first-look").filter((m) => m.startTime > started);
      if (firstPainted === null && firsts.length) firstPainted = paintedAfter(firsts[0].startTime);
      const lives = marks("solvency:live-risk-updated").filter((m) => m.startTime > started);
      if (mainPainted !== null && lives.length) livePainted = paintedAfter(lives[lives.length - 1].startTime);
    }
    if (move >= 10) {
      if (mainPainted !== null) main.push(mainPainted - started);
      if (livePainted !== null) live.push(livePainted - started);
      if (firstPainted !== null) first.push(firstPainted - started);
    }
  }
  running = false;
  // Each chart's draw times over the measured moves (live-chart.ts measures each draw).
  const draws = {};
  for (const e of performance.getEntriesByType("measure")) if (e.name.startsWith("solvency:draw ")) (draws[e.name.slice(14)] ??= []).push(e.duration);
  return {main, live, first, draws, mainCharts};
})()`;

/**
 * A reader dragging a slider: an input every frame, made in the frame's callbacks as Chromium
 * delivers a dragged slider's, for 30 frames a third of the slider's range out and 30 back,
 * on each of the panel's first sliders, twice; between drags, the pointer rests until the live
 * risk is drawn for the last value. Each frame of a drag is timed to the next frame's start;
 * over 25 ms, a frame was dropped: the move and the frame's rendering did not fit in one, or
 * other work (the live risk's worker, the browser's own threads) held them back. The moves
 * above are a reader's separate moves; this is the slider held and moved.
 */
export const DRAG = `(async () => {
  const sliders = [...document.querySelectorAll(".controls-main input[type=range]")];
  if (sliders.length === 0) throw new Error("no slider in the panel: the drag would measure nothing");
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const FRAMES = 30;
  const intervals = [];
  for (let round = 0; round < 2; round++) for (const slider of sliders) {
    const min = Number(slider.min), max = Number(slider.max);
    const from = slider.valueAsNumber, span = (max - min) / 3;
    const to = from + span <= max ? from + span : from - span;
    const path = [];
    for (let f = 1; f <= FRAMES; f++) path.push(from + ((to - from) * f) / FRAMES);
    for (let f = FRAMES - 1; f >= 0; f--) path.push(from + ((to - from) * f) / FRAMES);
    let frame = await nextFrame();
    let lastInput = 0;
    for (const value of path) {
      // The slider snaps the value to its step and range, as a dragged one does.
      slider.value = String(value);
      lastInput = performance.now();
      slider.dispatchEvent(new Event("input", {bubbles: true}));
      const next = await nextFrame();
      intervals.push(next - frame);
      frame = next;
    }
    const drawnAfter = () => performance.getEntriesByName("solvency:live-risk-updated").some((m) => m.startTime > lastInput);
    const resting = performance.now();
    while (!drawnAfter() && performance.now() - resting < 5000) await nextFrame();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return intervals;
})()`;

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? NaN;
};

/**
 * Moves shown two frames or more after the input. A sample runs from the move to a frame's
 * start, so it is close to a whole number of frames (16.7 ms at 60 Hz): over 25 ms is two or
 * more. The p95 is one of those frames too, and flips from one frame to two with a single
 * move more; this count shows how far a run is from either side of it.
 */
const lateMoves = (samples: number[]) => samples.filter((ms) => ms > 25).length;

const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${root}dist/index.html`)) execFileSync("npm", ["run", "build"], {cwd: root, stdio: "ignore"});
const {server, origin} = await serve(`${root}dist/`);
const browser = await chromium.launch({executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]});
try {
  const page = await browser.newPage({viewport: {width: 1300, height: 1000}});
  await page.goto(`${origin}/index.html`, {waitUntil: "networkidle"});
  await page.waitForFunction(() => performance.getEntriesByName("solvency:chart-updated").length >= 5);
  // Both live-risk charts drawn for the first inputs: the workers have started.
  await page.waitForFunction(() => performance.getEntriesByName("solvency:live-risk-updated").length >= 1, null, {timeout: 60_000});
  type Measured = {main: number[]; live: number[]; first: number[]; draws: Record<string, number[]>; mainCharts: number};
  // Scrolled as a reader working the inputs: the summary at the top, the main charts under it,
  // the inputs (sticky) beside them. A string, not a function: tsx would add helpers to a
  // function that the page lacks.
  await page.evaluate(() => window.scrollTo(0, document.querySelector(".summary")!.getBoundingClientRect().top + window.scrollY - 8));
  const {main, draws, mainCharts: onScreen} = (await page.evaluate(MEASURE({needsMainCharts: true}))) as Measured;
  // Scrolled as a reader watching the live risk: it in view, the inputs (sticky) beside it.
  await page.evaluate(() => document.querySelector(".live-risk")!.scrollIntoView({block: "center"}));
  const {live, first} = (await page.evaluate(MEASURE({needsMainCharts: false}))) as Measured;
  // Scrolled back as a reader working the inputs, a slider held and dragged.
  await page.evaluate(() => window.scrollTo(0, document.querySelector(".summary")!.getBoundingClientRect().top + window.scrollY - 8));
  const drag = (await page.evaluate(DRAG)) as number[];
  // To stderr, beside the figures: where a move's time goes, chart by chart (draws that ran
  // together overlap, so these do not add up).
  for (const [chart, times] of Object.entries(draws)) process.stderr.write(`draw p50 ${percentile(times, 0.5).toFixed(1)} ms (${times.length} draws): ${chart}\n`);
  process.stdout.write(JSON.stringify({
    input_to_paint_p95_ms: percentile(main, 0.95), input_to_paint_p50_ms: percentile(main, 0.5), input_to_paint_samples: main.length, input_to_paint_main_charts_on_screen: onScreen,
    input_to_paint_late_moves: lateMoves(main),
    live_risk_input_to_paint_p95_ms: percentile(live, 0.95), live_risk_input_to_paint_p50_ms: percentile(live, 0.5), live_risk_samples: live.length,
    live_risk_first_look_p95_ms: percentile(first, 0.95), live_risk_first_look_p50_ms: percentile(first, 0.5), live_risk_first_look_samples: first.length,
    drag_frame_p95_ms: percentile(drag, 0.95), drag_dropped_frames: lateMoves(drag), drag_frames: drag.length
  }));
} finally {
  await browser.close();
  server.close();
}
