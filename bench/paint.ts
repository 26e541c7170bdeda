import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {chromium} from "playwright-core";
import {chromiumPath} from "../scripts/chromium.js";
import {serve} from "../scripts/serve.js";

/**
 * input_to_paint_p95_ms: in Chromium, from an input event on a slider of the story page
 * to the next painted frame once every chart has redrawn (each marks it with a standard
 * performance mark), p95 over up to 60 moves of different sliders after 10 warm-up moves;
 * a move to the value a slider already has is skipped, and the count of samples is
 * reported beside the figure.
 *
 * "The next painted frame": a rAF loop records each frame's start and, by a message posted
 * from its rAF callback, when that frame's rendering is over. The frame that shows the
 * charts is the first whose rendering ends after the last chart's mark; the sample ends
 * at the start of the frame after it, when that one is on screen. (Until 2026-11-25 the
 * loop checked for the marks before awaiting each frame, and so counted one frame more
 * than it should whenever the charts redrew inside a frame's callbacks, as they do.)
 */
const MEASURE = `(async () => {
  const numbers = [...document.querySelectorAll(".controls input[type=number]")];
  const charts = document.querySelectorAll(".chart").length;
  const marks = () => performance.getEntriesByName("solvency:chart-updated");
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
  const times = [];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  // The first 10 moves warm the JIT up and are not counted; 60 are measured after them.
  for (let move = 0; move < 70; move++) {
    const input = numbers[move % numbers.length];
    const min = Number(input.min), max = Number(input.max), step = Number(input.step) || 1;
    const value = Math.min(max, Math.max(min, min + Math.round((random() * (max - min)) / step) * step));
    if (Number(input.value) === value) continue;
    const before = marks().length;
    await nextFrame();
    const started = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event("input", {bubbles: true}));
    let painted = null;
    while (performance.now() - started < 2000) {
      await nextFrame();
      const all = marks();
      if (all.length - before < charts) continue;
      const last = all[all.length - 1].startTime;
      const shown = frames.findIndex((f) => f.renderedBy > last && f.renderedBy !== Infinity);
      if (shown >= 0 && frames[shown + 1]) { painted = frames[shown + 1].start; break; }
    }
    if (painted !== null && move >= 10) times.push(painted - started);
  }
  running = false;
  return times;
})()`;

const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${root}dist/index.html`)) execFileSync("npm", ["run", "build"], {cwd: root, stdio: "ignore"});
const {server, origin} = await serve(`${root}dist/`);
const browser = await chromium.launch({executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]});
try {
  const page = await browser.newPage({viewport: {width: 1300, height: 1000}});
  await page.goto(`${origin}/index.html`, {waitUntil: "networkidle"});
  await page.waitForFunction(() => performance.getEntriesByName("solvency:chart-updated").length >= 5);
  // A string, not a function: tsx would add helpers to a function that the page lacks.
  const samples = (await page.evaluate(MEASURE)) as number[];
  samples.sort((a, b) => a - b);
  const p95 = samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)] ?? NaN;
  const p50 = samples[Math.floor(samples.length / 2)] ?? NaN;
  process.stdout.write(JSON.stringify({input_to_paint_p95_ms: p95, input_to_paint_p50_ms: p50, input_to_paint_samples: samples.length}));
} finally {
  await browser.close();
  server.close();
}
