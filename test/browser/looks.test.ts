import {mkdirSync, readdirSync} from "node:fs";
import {fileURLToPath, pathToFileURL} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  DIST, WIDTHS, browserSession, chartTextOutside, firstPaint, literalTemplates, screenshot, seriousAccessibilityViolations, sidewaysScroll, watchedPage, type Watched
} from "./person.js";

/**
 * Every page of the built report as a person opens it, at a desktop window's size and a
 * phone's: at first paint (nothing resized), no chart text outside its chart, no sideways
 * scroll, nothing printed as a template's `${…}`, a silent console (no error, no warning),
 * and no serious or critical accessibility violation by axe-core. A screenshot of each is
 * left in screenshots/ (git-ignored) for a person to look at.
 *
 * One browser for the file, one page per page and width, each checked once it has drawn.
 */
const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));
const scenarioNames = readdirSync(new URL("../../scenarios/", import.meta.url)).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).map((f) => f.replace(".json", ""));

// Served pages, by path; the one-file reports opened from disk, as an attachment would be.
const SERVED = ["index.html", "model.html", "risk.html", "claims.html", "data.html", "docs.html", "scenarios/index.html", ...scenarioNames.map((n) => `scenarios/${n}.html`)];
const FROM_DISK = ["solvency-notebook.html", "scenario-rates-up-300bp.html"];

const session = browserSession();

beforeAll(() => { mkdirSync(SHOTS, {recursive: true}); });

const pages = [
  ...SERVED.map((path) => ({name: path, url: () => `${session.origin}/${path}`})),
  ...FROM_DISK.map((file) => ({name: `${file} (one file, from disk)`, url: () => pathToFileURL(`${DIST}${file}`).href}))
];

for (const {name, url} of pages) {
  for (const size of WIDTHS) {
    describe(`${name} at ${size.width}×${size.height}`, () => {
      let watched: Watched;

      beforeAll(async () => {
        watched = await watchedPage(session.browser, size);
        // Network idle: the page's modules and data have arrived, so its cells are running.
        await watched.page.goto(url(), {waitUntil: "networkidle"});
        await firstPaint(watched.page);
        await screenshot(watched.page, `${SHOTS}${name.split(" ")[0]!.replaceAll("/", "_").replace(".html", "")}-${size.width}.png`);
      });

      afterAll(async () => { await watched?.page.context().close(); });

      it("draws every chart's text inside its chart", async () => {
        expect(await chartTextOutside(watched.page)).toEqual([]);
      });

      it("does not scroll sideways", async () => {
        expect(await sidewaysScroll(watched.page)).toBe(0);
      });

      it("prints no template's ${ as text", async () => {
        expect(await literalTemplates(watched.page)).toEqual([]);
      });

      it("has no serious or critical accessibility violation (axe-core)", async () => {
        expect(await seriousAccessibilityViolations(watched.page)).toEqual([]);
      });

      // Last, so that it also hears anything the checks above set off.
      it("logs no console error or warning", () => {
        expect(watched.messages).toEqual([]);
      });
    });
  }
}
