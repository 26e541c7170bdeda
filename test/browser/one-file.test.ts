import {readFileSync, statSync} from "node:fs";
import ExcelJS from "exceljs";
import {pathToFileURL} from "node:url";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ONE_FILE_REPORTS, scenarioReports} from "../../scripts/one-file-report.js";
import {DIST, launchChromium} from "./person.js";

// `npm run build` (run before the tests) writes the one-file reports beside the site; they
// are opened from disk, so this file launches a browser but serves nothing.
const REPORT = `${DIST}${ONE_FILE_REPORTS[0].out}`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => { await browser?.close(); });

describe("the one-file report", () => {
  it("is one file under 3 MB that names no other file of the site to load", () => {
    expect(statSync(REPORT).size).toBeLessThan(3 * 1024 * 1024);
    const html = readFileSync(REPORT, "utf8");
    expect(html).not.toMatch(/<link rel="(?:modulepreload|stylesheet|preload)"/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/"path":"\.\/_file\//);
    expect(html.match(/<script type="module">/g)).toHaveLength(1);
  });

  it("works opened from disk with the network off: its charts draw and redraw when an input moves", async () => {
    const context = await browser.newContext();
    await context.setOffline(true);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
    await page.goto(pathToFileURL(REPORT).href);
    // The five main charts: the live risk's heatmap and fan are charts too, and where they draw
    // in the frame of the last main chart, a count of all charts goes from four to seven.
    await page.waitForFunction(() => document.querySelectorAll(".chart:not(.live-risk .chart) svg.marks").length === 5, null, {timeout: 30_000});
    const drawn = () => page.evaluate(() => [...document.querySelectorAll(".chart svg, .summary")].map((e) => e.innerHTML).join("\n"));
    const before = await drawn();
    const marks = await page.evaluate(() => performance.getEntriesByName("solvency:chart-updated").length);
    // The reference rate up 600 bp, as a reader would type it in the slider's box.
    await page.evaluate(() => {
      const rate = document.querySelector<HTMLInputElement>(".controls form[data-key=rateChangeBp] input[type=number]")!;
      rate.value = rate.max;
      rate.dispatchEvent(new Event("input", {bubbles: true}));
    });
    await page.waitForFunction((m) => performance.getEntriesByName("solvency:chart-updated").length >= m + 5, marks, {timeout: 30_000});
    expect(await drawn()).not.toBe(before);
    expect(await page.locator("text=/\\bNaN\\b/").count()).toBe(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });

  it("is written for each scenario's page too, and a scenario's report draws its charts from disk", async () => {
    const reports = scenarioReports(DIST);
    expect(reports.map((r) => r.out)).toContain("scenario-rates-up-300bp.html");
    const context = await browser.newContext({acceptDownloads: true});
    await context.setOffline(true);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(pathToFileURL(`${DIST}scenario-rates-up-300bp.html`).href);
    await page.waitForFunction(() => document.querySelectorAll(".chart svg.marks").length >= 4, null, {timeout: 30_000});
    expect(await page.textContent("main")).toContain("Rates up 300 bp");
    // Its workbook too, from disk with the network off: an .xlsx (a zip) of the five sheets.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".workbook-download button")]);
    expect(download.suggestedFilename()).toBe("solvency-rates-up-300bp.xlsx");
    const bytes = readFileSync((await download.path())!);
    const workbook = await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Inputs", "Facilities", "Ledger", "Metrics", "Sources"]);
    expect(workbook.getWorksheet("Ledger")!.getCell("D4").formula).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });
});
