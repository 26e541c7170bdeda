import {mkdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {companyTables} from "../../data-loaders/dataset.js";
import {readProjection} from "../../src/readings/projection.js";
import {verdict} from "../../src/readings/verdict.js";
import {INPUTS, PROMINENT_INPUTS} from "../../src/scenario/inputs-table.js";
import {GLOSSARY} from "../../src/readings/glossary.js";
import {browserSession} from "./person.js";

/**
 * The story page as a person sees it: the answer in the first screen, the inputs beside the
 * charts on a laptop and above them on a phone, a typed value that is corrected out loud,
 * and Reset. Screenshots go to screenshots/ (git-ignored) for a person to look at.
 */
const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));
const session = browserSession();

beforeAll(() => { mkdirSync(SHOTS, {recursive: true}); });

const LAPTOP = {width: 1280, height: 800};
const PHONE = {width: 390, height: 844};

async function open(viewport: {width: number; height: number}, search = ""): Promise<{page: Page; errors: string[]}> {
  const context = await session.browser.newContext({viewport});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${session.origin}/index.html${search}`, {waitUntil: "networkidle"});
  await page.waitForSelector(".verdict .card");
  await page.waitForFunction(() => document.querySelectorAll(".chart:not(.live-risk .chart) svg.marks").length === 5);
  await page.waitForFunction(() => (document.querySelector(".summary")?.textContent ?? "").includes("First quarter"));
  return {page, errors};
}

/** The box of an element, relative to the page's top-left when it has not been scrolled. */
const box = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => {
  const r = e.getBoundingClientRect();
  return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width};
});

/** What the charts draw: their marks, to tell whether a move changed them. */
const marks = (page: Page) => page.evaluate(() => [...document.querySelectorAll(".chart:not(.live-risk .chart) svg .role-mark")].map((e) => e.outerHTML).join("\n"));

/** Types into an input's box as a person would, and waits for the charts to settle. */
async function typeInto(page: Page, key: string, text: string): Promise<void> {
  const input = page.locator(`form.control[data-key=${key}] input[type=number]`);
  await input.fill(text);
  await input.press("Enter");
  await page.waitForTimeout(300);
}

const { base } = baseInputs();
const tables = companyTables();

describe("the story page, at 1280 × 800", () => {
  it("answers the question in the first screen, with the figures the verdict module computes from the data and the model", async () => {
    const {page, errors} = await open(LAPTOP);
    const answer = await box(page, ".verdict-answer");
    expect(answer.top).toBeLessThan(800);
    expect(answer.bottom).toBeLessThan(800);
    // The same reading, computed here from the dataset and the base case, is what the page shows.
    const expected = verdict(tables.financials, readProjection(base.input).numbers, {caseName: "the base case", newBorrowingLimit: base.input.newBorrowing?.limit ?? null});
    expect((await page.locator(".verdict-answer").innerText()).replace(/\s+/g, " ")).toBe(expected.sentences.join(" "));
    expect(await page.locator(".verdict-lead").innerText()).toBe(expected.sentences[0]);
    expect(await page.locator(".verdict .card .card-value").allInnerTexts()).toEqual(expected.cards.map((c) => c.value));
    // Each card says what it covers and links to its source or definition.
    for (const card of await page.locator(".verdict .card").all()) {
      expect(await card.locator(".card-covers").innerText()).toMatch(/reported|projected/);
      expect(await card.locator("a").getAttribute("href")).toMatch(/^\.\/(data|docs)\.html#/);
    }
    // And each link lands on a heading that is there.
    for (const href of new Set(expected.cards.map((c) => c.href))) {
      const target = await page.context().newPage();
      await target.goto(new URL(href, `${session.origin}/index.html`).href, {waitUntil: "networkidle"});
      expect(await target.locator(`[id="${href.split("#")[1]}"]`).count(), href).toBe(1);
      await target.close();
    }
    // The cards' row starts in the first screen too.
    expect((await box(page, ".verdict-cards")).top).toBeLessThan(800);
    await page.screenshot({path: `${SHOTS}story-1280x800.png`});
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("puts the inputs, prominent drivers first, in a sticky panel beside the charts, the rest under More", async () => {
    const {page} = await open(LAPTOP);
    const panel = await box(page, ".inputs-panel");
    const charts = await box(page, ".workbench-charts");
    expect(panel.width).toBeGreaterThan(250);
    expect(panel.width).toBeLessThan(340);
    expect(charts.left).toBeGreaterThanOrEqual(panel.right);
    expect(await page.locator(".controls-main form.control").evaluateAll((forms) => forms.map((f) => (f as HTMLElement).dataset.key))).toEqual([...PROMINENT_INPUTS]);
    expect(await page.locator(".controls-more").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator(".controls-more > summary").innerText()).toMatch(/^More inputs/);
    // Scrolled down to the fourth chart: the panel is still in view, beside it.
    await page.locator(".chart:not(.live-risk .chart)").nth(3).scrollIntoViewIfNeeded();
    const inView = await page.locator(".inputs-panel").evaluate((e) => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; });
    expect(inView.top).toBeGreaterThanOrEqual(0);
    expect(inView.top).toBeLessThan(200);
    expect(await page.locator(".inputs-panel").evaluate((e) => getComputedStyle(e).position)).toBe("sticky");
    // The growth input and the cash chart fit in one screen together.
    await page.locator(".chart:not(.live-risk .chart)").nth(1).scrollIntoViewIfNeeded();
    const growth = await page.locator("form.control[data-key=growthPct]").evaluate((e) => e.getBoundingClientRect().bottom);
    const cash = await page.locator(".chart:not(.live-risk .chart)").nth(1).evaluate((e) => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; });
    expect(growth).toBeLessThanOrEqual(800);
    expect(cash.top).toBeGreaterThanOrEqual(0);
    expect(cash.bottom).toBeLessThanOrEqual(800);
    await page.screenshot({path: `${SHOTS}story-1280x800-charts.png`});
    // Reset is an ordinary button, not a bar.
    const reset = await box(page, ".controls button.reset");
    expect(reset.width).toBeLessThan(150);
    expect(await page.locator(".controls button.reset").evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(50);
    await page.context().close();
  });

  it("clamps an out-of-range typed value, says so beside the input, and the model takes the clamped value", async () => {
    const {page, errors} = await open(LAPTOP);
    const {max} = INPUTS.growthPct;
    await typeInto(page, "growthPct", "999");
    const message = page.locator("form.control[data-key=growthPct] .control-message");
    expect(await message.isVisible()).toBe(true);
    expect(await message.innerText()).toBe(`999 is above the highest, ${max}: set to ${max}.`);
    // The box shows what the model uses, and so does the address.
    expect(await page.locator("form.control[data-key=growthPct] input[type=number]").inputValue()).toBe(String(max));
    await page.waitForFunction((max) => location.search.includes(`growthPct=${max}`), max);
    await page.screenshot({path: `${SHOTS}story-1280x800-clamped.png`});
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("defines each chart's terms under it on one line, each on hover, in full when opened", async () => {
    const {page} = await open(LAPTOP);
    const note = page.locator(".chart details.glossary", {hasText: "Funding gap"}).first();
    expect(await note.locator("summary").innerText()).toBe("Terms: Funding gap");
    expect(await note.locator("summary abbr").getAttribute("title")).toBe(GLOSSARY.fundingGap.definition);
    expect(await note.locator("dd").isVisible()).toBe(false);
    await note.locator("summary").click();
    expect(await note.locator("dd").innerText()).toBe(GLOSSARY.fundingGap.definition);
    await page.context().close();
  });

  it("refuses what is not a number with a message, keeping the model's value and showing it in the box", async () => {
    const {page} = await open(LAPTOP);
    const before = await marks(page);
    const input = page.locator("form.control[data-key=capexIntensity] input[type=number]");
    const kept = await input.inputValue();
    await input.fill("");
    await input.press("Tab");
    await page.waitForTimeout(300);
    expect(await page.locator("form.control[data-key=capexIntensity] .control-message").innerText()).toBe(`Not a number: the model keeps ${kept} (enter 0 to 10).`);
    expect(await input.inputValue()).toBe(kept);
    expect(await marks(page)).toBe(before);
    await page.context().close();
  });

  it("draws the base case faint once an input moves, and Reset puts every input and chart back", async () => {
    const {page} = await open(LAPTOP);
    const faint = () => page.locator(".chart:not(.live-risk .chart) svg .mark-line path[stroke-dasharray='4,3']").count();
    const before = await marks(page);
    const start = await page.locator(".controls input[type=number]").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(await faint()).toBe(0);
    await typeInto(page, "growthPct", "2");
    await typeInto(page, "rateChangeBp", "300");
    await page.waitForFunction(() => location.search.includes("rateChangeBp=300"));
    await page.waitForTimeout(500);
    // Cash against debt due: three series; coverage: three ratios; each has its faint twin.
    expect(await faint()).toBeGreaterThanOrEqual(2);
    expect(await marks(page)).not.toBe(before);
    await page.click(".controls button.reset");
    await page.waitForFunction(() => location.search === "");
    await page.waitForTimeout(500);
    expect(await page.locator(".controls input[type=number]").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(start);
    expect(await faint()).toBe(0);
    expect(await marks(page)).toBe(before);
    await page.context().close();
  });
});

describe("the story page, at 390 × 844", () => {
  it("stacks the panel above the charts, and nothing scrolls sideways", async () => {
    const {page, errors} = await open(PHONE);
    const panel = await box(page, ".inputs-panel");
    const charts = await box(page, ".workbench-charts");
    expect(charts.top).toBeGreaterThanOrEqual(panel.bottom);
    expect(await page.locator(".inputs-panel").evaluate((e) => getComputedStyle(e).position)).toBe("static");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({path: `${SHOTS}story-390x844.png`});
    await page.screenshot({path: `${SHOTS}story-390x844-full.png`, fullPage: true});
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
