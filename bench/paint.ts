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
 */
const MEASURE = `(async () => {
  const numbers = [...document.querySelectorAll(".controls input[type=number]")];
  const charts = document.querySelectorAll(".chart").length;
  const updates = () => performance.getEntriesByName("solvency:chart-updated").length;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const times = [];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  // The first 10 moves warm the JIT up and are not counted; 60 are measured after them.
  for (let move = 0; move < 70; move++) {
    const input = numbers[move % numbers.length];
    const min = Number(input.min), max = Number(input.max), step = Number(input.step) || 1;
    const value = Math.min(max, Math.max(min, min + Math.round((random() * (max - min)) / step) * step));
    if (Number(input.value) === value) continue;
    const before = updates();
    const started = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event("input", {bubbles: true}));
    // Every chart marks its redraw (live-chart.ts); the sample ends at the first frame
    // painted after the last of them, when the summary has long been updated too.
    let painted = null;
    while (performance.now() - started < 2000) {
      const done = updates() - before >= charts;
      const time = await frame();
      if (done) { painted = time; break; }
    }
    if (painted !== null && move >= 10) times.push(painted - started);
  }
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
  process.stdout.write(JSON.stringify({input_to_paint_p95_ms: p95, input_to_paint_samples: samples.length}));
} finally {
  await browser.close();
  server.close();
}
