import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {BrowserContext, Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {baseInputs, readScenarios, SCENARIO_DIR} from "../../cli/scenario-files.js";
import {resolveControls} from "../../src/scenario/scenario.js";
import {addView, storedText, viewKey, VIEW_KEY_PREFIX} from "../../src/scenario/saved-views.js";
import {browserSession} from "./person.js";

/**
 * The story page's saved views, in the built report, as a reader uses them. The inputs are
 * set through the page's address (its URL state), so that these tests do not depend on how
 * the inputs form is laid out.
 */
const SCREENSHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));
const {controls: baseControls} = baseInputs();
const session = browserSession();

/** A fresh browser profile (empty storage), recording console errors and page errors. */
async function profile(viewport = {width: 1280, height: 800}): Promise<{context: BrowserContext; page: Page; errors: string[]}> {
  const context = await session.browser.newContext({acceptDownloads: true, viewport});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  return {context, page, errors};
}

/** Opens the story page (with `search` as its address's query) and waits until it has drawn and settled. */
async function openStory(page: Page, search = ""): Promise<void> {
  await page.goto(`${session.origin}/index.html${search}`, {waitUntil: "networkidle"});
  await ready(page);
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector(".saved-views");
  await page.waitForFunction(() => document.querySelectorAll(".chart svg.marks").length > 0);
  await settled(page);
}

/** Waits until what the page shows (and its address) has stopped changing for 250 ms. */
async function settled(page: Page): Promise<void> {
  let last = "";
  let stableSince = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const now = await page.evaluate(() => [location.search, document.querySelector("main")?.innerHTML ?? ""].join("\n"));
    if (now !== last) { last = now; stableSince = Date.now(); }
    else if (Date.now() - stableSince >= 250) return;
    await page.waitForTimeout(50);
  }
  throw new Error("the page kept changing for 30 s");
}

async function saveAs(page: Page, name: string): Promise<void> {
  await page.fill(".saved-views-save input[type=text]", name);
  await page.click(".saved-views-save button[type=submit]");
  await page.waitForFunction((name) => document.querySelector(".saved-views-message")?.textContent === `Saved "${name}".`, name);
}

const listed = (page: Page) => page.locator(".saved-views-list .saved-view-name").allTextContents();
const card = (page: Page, name: string) => page.locator(".saved-views-list li.saved-view").filter({has: page.locator(".saved-view-name", {hasText: name})});

/** The legend's labels of each comparison chart. */
const legends = (page: Page) => page.evaluate(() => [...document.querySelectorAll(".saved-views-chart")].map((chart) =>
  [...chart.querySelectorAll(".role-legend-label text")].map((t) => t.textContent)));

// A name that would be markup if the page ever put it in as HTML.
const HOSTILE = `Capex 3,000 <img src=x onerror="document.title='pwned'">`;

describe("saved views on the story page", () => {
  it("saves two views, lists them after a reload, compares them, loads one, downloads one the CLI runs, deletes one", async () => {
    const {context, page, errors} = await profile();
    await openStory(page, "?rateChangeBp=300");
    await saveAs(page, "Rates up 300bp");
    await openStory(page, "?capex=3000");
    await saveAs(page, HOSTILE);
    expect(await listed(page)).toEqual(["Rates up 300bp", HOSTILE]);
    // The name is text: no image was made of it, and its handler never ran.
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.title()).not.toBe("pwned");

    await page.reload({waitUntil: "networkidle"});
    await ready(page);
    expect(await listed(page)).toEqual(["Rates up 300bp", HOSTILE]);
    expect(await card(page, "Rates up 300bp").locator(".saved-view-changes").textContent()).toBe("Differs from the base case in Reference-rate change (bp): 300.");

    // Compared: both views and the base case, on each of the two charts, one line each.
    expect(await page.locator(".saved-views-chart").count()).toBe(0);
    await card(page, "Rates up 300bp").getByLabel("Compare").check();
    await card(page, HOSTILE).getByLabel("Compare").check();
    await page.waitForFunction(() => document.querySelectorAll(".saved-views-chart .role-legend-label text").length === 6);
    // Vega orders a legend's names alphabetically.
    expect(await legends(page)).toEqual([["Base case", HOSTILE, "Rates up 300bp"], ["Base case", HOSTILE, "Rates up 300bp"]]);
    expect(await page.locator(".saved-views-chart").first().locator(".mark-line path").count()).toBe(3);
    expect(await page.locator(".saved-views-chart .role-title-text").allTextContents()).toEqual(["Closing cash by view", "Funding gap by view"]);
    await card(page, HOSTILE).getByLabel("Compare").uncheck();
    await page.waitForFunction(() => document.querySelectorAll(".saved-views-chart .role-legend-label text").length === 4);

    // Loaded: the inputs (and so the address, which holds what differs from the base case) are the view's.
    await card(page, "Rates up 300bp").getByRole("button", {name: "Load"}).click();
    await page.waitForFunction(() => location.search === "?rateChangeBp=300");
    await settled(page);
    expect(await page.locator(".saved-views-message").textContent()).toBe('Loaded "Rates up 300bp" into the inputs.');

    // Downloaded: a scenario file that the CLI's loader reads, giving the view's inputs.
    const [download] = await Promise.all([page.waitForEvent("download"), card(page, "Rates up 300bp").getByRole("link", {name: "Download scenario file"}).click()]);
    expect(download.suggestedFilename()).toBe("rates-up-300bp-view.json");
    const dir = mkdtempSync(join(tmpdir(), "saved-view-"));
    cpSync(SCENARIO_DIR, dir, {recursive: true});
    writeFileSync(join(dir, download.suggestedFilename()), readFileSync((await download.path())!, "utf8"));
    expect(resolveControls("rates-up-300bp-view", readScenarios(dir), baseControls)).toEqual({...baseControls, rateChangeBp: 300});

    await card(page, "Rates up 300bp").getByRole("button", {name: "Delete"}).click();
    expect(await listed(page)).toEqual([HOSTILE]);
    await page.reload({waitUntil: "networkidle"});
    await ready(page);
    expect(await listed(page)).toEqual([HOSTILE]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("renames a view, and undoes a delete", async () => {
    const {context, page, errors} = await profile();
    await openStory(page, "?growthPct=10");
    await saveAs(page, "Growth 10");
    await card(page, "Growth 10").getByRole("button", {name: "Rename"}).click();
    await page.fill(".saved-view-rename input", "  Growth   halves ");
    await page.click(".saved-view-rename button[type=submit]");
    expect(await listed(page)).toEqual(["Growth halves"]);
    await card(page, "Growth halves").getByRole("button", {name: "Delete"}).click();
    expect(await listed(page)).toEqual([]);
    await page.click(".saved-views-undo");
    expect(await listed(page)).toEqual(["Growth halves"]);
    await page.reload({waitUntil: "networkidle"});
    await ready(page);
    expect(await listed(page)).toEqual(["Growth halves"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reports entries it cannot read, keeps them until asked, and the page works on", async () => {
    const {context, page, errors} = await profile();
    await openStory(page);
    const good = addView([], {id: "good1", name: "Good one", controls: {...baseControls, capex: 4000}, savedAt: "2026-11-30T12:00:00.000Z"});
    if (!good.ok) throw new Error(good.reason);
    const bad: Record<string, string> = {
      [`${VIEW_KEY_PREFIX}corrupt1`]: '{"version":1,"name":"Cut',
      [`${VIEW_KEY_PREFIX}proto1`]: '{"__proto__":{"polluted":1},"version":1,"name":"P","savedAt":"2026-11-30T12:00:00.000Z","assumptions":{}}',
      [`${VIEW_KEY_PREFIX}range1`]: JSON.stringify({version: 1, name: "Too high", savedAt: "2026-11-30T12:00:00.000Z", assumptions: {rateChangeBp: 9000}})
    };
    await page.evaluate((entries) => { for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text); },
      {...bad, [viewKey("good1")]: storedText(good.value)});
    await page.reload({waitUntil: "networkidle"});
    await ready(page);

    expect(await listed(page)).toEqual(["Good one"]);
    const notice = await page.locator(".saved-views-notice").innerText();
    expect(notice).toMatch(/3 saved entries were not read/);
    expect(notice).toMatch(/corrupt1 is not JSON/);
    expect(notice).toMatch(/proto1 has unknown field __proto__/);
    expect(notice).toMatch(/range1 assumptions\.rateChangeBp must be at most 600/);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();

    // The page works on: a view loads and the charts follow, and a new view saves beside the bad entries.
    const charts = await page.evaluate(() => performance.getEntriesByName("solvency:chart-updated").length);
    await card(page, "Good one").getByRole("button", {name: "Load"}).click();
    await page.waitForFunction(() => location.search === "?capex=4000");
    await page.waitForFunction((charts) => performance.getEntriesByName("solvency:chart-updated").length > charts, charts);
    await saveAs(page, "Saved beside them");
    expect(await listed(page)).toEqual(["Good one", "Saved beside them"]);
    // Nothing was deleted without asking...
    const kept = (keys: string[]) => page.evaluate((keys) => keys.map((key) => localStorage.getItem(key)), keys);
    expect(await kept(Object.keys(bad))).toEqual(Object.values(bad));
    // ...and when asked, only the unreadable entries go.
    await page.click(".saved-views-discard");
    expect(await page.locator(".saved-views-notice").isHidden()).toBe(true);
    expect(await kept(Object.keys(bad))).toEqual([null, null, null]);
    expect(await listed(page)).toEqual(["Good one", "Saved beside them"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets no more than four views be compared at once", async () => {
    const {context, page} = await profile();
    await openStory(page);
    const entries: Record<string, string> = {};
    for (let i = 0; i < 5; i++) {
      const view = addView([], {id: `v${i}`, name: `Rate +${(i + 1) * 50}`, controls: {...baseControls, rateChangeBp: (i + 1) * 50}, savedAt: `2026-11-30T12:0${i}:00.000Z`});
      if (!view.ok) throw new Error(view.reason);
      entries[viewKey(view.value.id)] = storedText(view.value);
    }
    await page.evaluate((entries) => { for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text); }, entries);
    await page.reload({waitUntil: "networkidle"});
    await ready(page);
    for (let i = 0; i < 4; i++) await card(page, `Rate +${(i + 1) * 50}`).getByLabel("Compare").check();
    expect(await card(page, "Rate +250").getByLabel("Compare").isDisabled()).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll(".saved-views-chart:first-of-type .role-legend-label text").length === 5);
    await context.close();
  });

  for (const viewport of [{width: 1280, height: 800}, {width: 390, height: 844}]) {
    it(`fits its section at ${viewport.width}×${viewport.height}, screenshot in screenshots/`, async () => {
      const {context, page, errors} = await profile(viewport);
      await openStory(page, "?rateChangeBp=300");
      await saveAs(page, "Rates up 300bp");
      await openStory(page, "?growthPct=10&capex=3000");
      await saveAs(page, "Growth 10 % a quarter, capex 3,000");
      await page.evaluate((key) => localStorage.setItem(key, "{not json"), `${VIEW_KEY_PREFIX}broken1`);
      await page.reload({waitUntil: "networkidle"});
      await ready(page);
      for (const name of ["Rates up 300bp", "Growth 10 % a quarter, capex 3,000"]) await card(page, name).getByLabel("Compare").check();
      await page.waitForFunction(() => document.querySelectorAll(".saved-views-chart .role-legend-label text").length === 6);
      await settled(page);
      // Each chart's legend, grown from two names to three, lies inside its chart's box.
      const outside = await page.evaluate(() => [...document.querySelectorAll(".saved-views-chart")].flatMap((chart) => {
        const box = chart.querySelector("svg")!.getBoundingClientRect();
        return [...chart.querySelectorAll(".role-legend-label text")].filter((t) => t.getBoundingClientRect().bottom > box.bottom + 0.5).map((t) => t.textContent);
      }));
      expect(outside).toEqual([]);
      // Nothing in the section reaches past the page's right edge.
      const overflow = await page.evaluate(() => [...document.querySelectorAll(".saved-views, .saved-views *")]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => `${e.tagName} ${e.getAttribute("class")} right ${Math.round(e.getBoundingClientRect().right)}`));
      expect(overflow).toEqual([]);
      mkdirSync(SCREENSHOTS, {recursive: true});
      // What a person sees at this size: the section from its heading, then its charts.
      await page.evaluate(() => document.querySelector("h2#saved-views")!.scrollIntoView());
      await page.screenshot({path: join(SCREENSHOTS, `saved-views-${viewport.width}x${viewport.height}.png`)});
      await page.evaluate(() => document.querySelector(".saved-views-charts")!.scrollIntoView());
      await page.screenshot({path: join(SCREENSHOTS, `saved-views-${viewport.width}x${viewport.height}-charts.png`)});
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
