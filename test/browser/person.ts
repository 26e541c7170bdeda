import {readFileSync} from "node:fs";
import type {Server} from "node:http";
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {chromiumPath} from "../../scripts/chromium.js";
import {serve} from "../../scripts/serve.js";

/**
 * What a person sees on a page, measured: the browser tests that "look like a person" ask
 * these questions of every page at a desktop's and a phone's width (see looks.test.ts).
 */

/** The built report, as `npm run build` (the tests' globalSetup) leaves it. */
export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

/** No sandbox (the tests run as root) and nothing that would reach outside or update itself. */
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Debian's Chromium (never a downloaded browser), launched as every browser test launches it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: chromiumPath(), args: CHROMIUM_FLAGS});
}

/** What a test file's browser tests share: dist/ served on 127.0.0.1, and one browser. */
export interface BrowserSession {
  /** Where dist/ is served, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Serves dist/ and launches Chromium before a test file's tests, and closes both after them.
 * Call it once at the file's top level; read `origin` and `browser` in hooks and tests, where
 * the session has started (read before, they throw rather than hand out nothing).
 */
export function browserSession(): BrowserSession {
  let started: {server: Server; origin: string; browser: Browser} | undefined;
  beforeAll(async () => {
    const {server, origin} = await serve(DIST);
    const browser = await launchChromium().catch((error: unknown) => { server.close(); throw error; });
    started = {server, origin, browser};
  });
  afterAll(async () => {
    await started?.browser.close();
    started?.server.close();
    started = undefined;
  });
  const session = () => {
    if (!started) throw new Error("the browser session has not started: read it inside a test or a hook");
    return started;
  };
  return {
    get origin() { return session().origin; },
    get browser() { return session().browser; }
  };
}

/** A desktop window and a phone, as the issue tried them. */
export const WIDTHS = [
  {name: "desktop", width: 1280, height: 800},
  {name: "phone", width: 390, height: 844}
] as const;

export interface Watched {
  readonly page: Page;
  /** Console errors and warnings, page errors, failed responses: each one a person's console would show. */
  readonly messages: string[];
}

/** A fresh page of its own size, recording every console error and warning from the start. */
export async function watchedPage(browser: Browser, size: {width: number; height: number}): Promise<Watched> {
  const context = await browser.newContext({viewport: {width: size.width, height: size.height}, acceptDownloads: true});
  const page = await context.newPage();
  const messages: string[] = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") messages.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  page.on("response", (r) => { if (r.status() >= 400) messages.push(`${r.status()} ${r.url()}`); });
  return {page, messages};
}

/**
 * Waits until the page has drawn what it draws at first paint: every chart container holds
 * its SVG (or says it has nothing to draw yet), and the page has stopped changing for half
 * a second. Open it with `waitUntil: "networkidle"`: before its data arrive a page can stand
 * still that long with nothing drawn. Nothing is resized or scrolled first: what is measured is what a
 * person opening the page sees.
 */
export async function firstPaint(page: Page): Promise<void> {
  // Every chart drawn (or saying it has nothing to draw), and every value a page's text waits for filled in.
  await page.waitForFunction(() => [...document.querySelectorAll(".chart")].every((c) => c.querySelector("svg.marks") || c.classList.contains("chart-empty"))
    && document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
  let last = "";
  let stableSince = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const now = await page.evaluate(() => document.body.innerHTML.length + ":" + (document.querySelector("main")?.innerHTML ?? ""));
    if (now !== last) { last = now; stableSince = Date.now(); }
    else if (Date.now() - stableSince >= 500) return;
    await page.waitForTimeout(60);
  }
  throw new Error("the page kept changing for 30 s");
}

/** A piece of chart text drawn outside its chart's box, worded for the failure message. */
export interface Overflow {
  readonly chart: string;
  readonly text: string;
  readonly side: string;
}

/**
 * Every text element of every chart's SVG (labels, titles, legends) against the box of its
 * SVG and of the chart's container: a text that pokes out of either is cut off or runs over
 * its neighbours. Half a pixel of slack for rounding.
 */
export async function chartTextOutside(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: Array<{chart: string; text: string; side: string}> = [];
    const slack = 0.5;
    document.querySelectorAll(".chart").forEach((chart, i) => {
      const svg = chart.querySelector("svg.marks");
      if (!svg) return;
      const name = `chart ${i + 1} (${svg.getAttribute("aria-label")?.slice(0, 40) ?? "no label"})`;
      const boxes = {svg: svg.getBoundingClientRect(), container: chart.getBoundingClientRect()};
      svg.querySelectorAll("text").forEach((text) => {
        const content = text.textContent?.trim();
        if (!content) return;
        const r = text.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) return;
        for (const [boxName, box] of Object.entries(boxes)) {
          const sides = [r.left < box.left - slack && "left", r.right > box.right + slack && "right", r.top < box.top - slack && "top", r.bottom > box.bottom + slack && "bottom"].filter(Boolean);
          if (sides.length) found.push({chart: name, text: content, side: `${sides.join(", ")} of its ${boxName}`});
        }
      });
    });
    return found;
  });
}

/** How far the page scrolls sideways, in CSS pixels (0: it does not). */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** Lines of the page's text holding a template's `${`, which a page printed instead of filling in. */
export async function literalTemplates(page: Page): Promise<string[]> {
  return page.evaluate(() => document.body.innerText.split("\n").filter((line) => line.includes("${")));
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical violations, each as "rule: nodes" for the failure message. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({content: AXE_SOURCE});
  const violations = await page.evaluate(async () => {
    // The rows of a long table are built alike: its first twenty stand for the rest (the
    // Data page's tables run to thousands of cells, and axe's time grows with each).
    const context = {exclude: [["table tbody tr:nth-child(n+21)"]]};
    // @ts-expect-error axe is the global the script above defines
    const result = await window.axe.run(context, {resultTypes: ["violations"]});
    return (result.violations as Array<{id: string; impact: string | null; help: string; nodes: Array<{target: unknown[]}>}>)
      .map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => String(n.target.join(" ")))}));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join("; ")}`);
}

/** The longest stretch of a page a screenshot takes, in CSS pixels: the Data page runs to tens of thousands. */
const SHOT_HEIGHT = 6000;

/** A screenshot of the page from its top, as long as the page or SHOT_HEIGHT. */
export async function screenshot(page: Page, path: string): Promise<void> {
  const {width, height} = await page.evaluate(() => ({width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight}));
  await page.screenshot({path, fullPage: true, clip: {x: 0, y: 0, width, height: Math.min(height, SHOT_HEIGHT)}});
}
