import {pathToFileURL} from "node:url";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {baseInputs} from "../../cli/scenario-files.js";
import {outcomeSummary} from "../../src/views/page-state/projection-state.js";
import {readProjection} from "../../src/readings/projection.js";
import {applyControls, controlsOf} from "../../src/scenario/controls.js";
import {browserSession, DIST, watchedPage} from "./person.js";

/**
 * The story page's live risk, as a reader moving the inputs meets it: a heatmap and a fan of
 * closing cash beside the charts that follow the inputs, the newest inputs winning; and the
 * summary, painted from the fast path in the input's frame, then from the exact ledger.
 */
const session = browserSession();

const LIVE_MARK = "solvency:live-risk-updated";
const liveMarks = (page: Page) => page.evaluate((name) => performance.getEntriesByName(name).length, LIVE_MARK);

/** `beforeScripts`: run in the page before its own scripts. */
async function open(width: number, height: number, {beforeScripts}: {beforeScripts?: string} = {}) {
  const watched = await watchedPage(session.browser, {width, height});
  if (beforeScripts) await watched.page.addInitScript(beforeScripts);
  await watched.page.goto(`${session.origin}/index.html`, {waitUntil: "networkidle"});
  await watched.page.waitForFunction((name) => performance.getEntriesByName(name).length >= 1, LIVE_MARK, {timeout: 60_000});
  return watched;
}

/** Sets an input's value as its slider would, and tells the page. */
const move = (page: Page, key: string, value: number) => page.evaluate(([k, v]) => {
  const box = document.querySelector<HTMLInputElement>(`form.control[data-key=${k}] input[type=range]`)!;
  box.value = String(v);
  box.dispatchEvent(new Event("input", {bubbles: true}));
}, [key, value] as const);

const { base } = baseInputs();

describe("the live risk on the story page", () => {
  it("sits in the charts' column after the cash chart, with both its charts drawn and a status that says what ran", async () => {
    const {page, messages} = await open(1280, 800);
    const order = await page.locator(".workbench-charts > *").evaluateAll((children) => children.map((c) => c.className.split(" ")[0]));
    expect(order.indexOf("live-risk")).toBe(order.indexOf("chart") + 2);
    expect(await page.locator(".live-risk .chart svg.marks").count()).toBe(2);
    const status = await page.locator(".live-risk-status").innerText();
    expect(status).toMatch(/ % of 2,000 simulated paths cannot pay by \d{4}Q[1-4]\. In (every one|none|\d+) of the grid.s 143 cells [^.]*\. 143 grid cells and 2,000 paths on the fast \(floating-point\) path, \d+ ms in (a Web Worker|\d Web Workers)/);
    // Its assumptions are named as the notebook's, beside it.
    expect(await page.locator(".live-risk .assumption").innerText()).toMatch(/^Assumed \(this notebook's choices, not filed figures\)/);
    expect(messages).toEqual([]);
    await page.context().close();
  });

  it("follows a burst of moves with one drawing, for the newest inputs: the runs for the older ones are cancelled", async () => {
    const {page, messages} = await open(1280, 800);
    const before = await liveMarks(page);
    const circle = () => page.locator(".live-risk .mark-symbol.role-mark path").first().getAttribute("transform");
    const where = await circle();
    // Five moves in one task, as a fast drag delivers them: only the last is drawn.
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>("form.control[data-key=growthPct] input[type=range]")!;
      for (const v of [1, 2, 3, 4, -12]) { slider.value = String(v); slider.dispatchEvent(new Event("input", {bubbles: true})); }
    });
    await page.waitForFunction(([name, n]) => performance.getEntriesByName(name as string).length > (n as number), [LIVE_MARK, before] as const, {timeout: 30_000});
    await page.waitForTimeout(1_000);
    expect(await liveMarks(page)).toBe(before + 1);
    // The heatmap's circle (the inputs as set) moved down the growth axis.
    const after = await circle();
    expect(after).not.toBe(where);
    const y = (transform: string | null) => Number(/translate\([^,]+,([^)]+)\)/.exec(transform ?? "")?.[1]);
    expect(y(after)).toBeGreaterThan(y(where));
    expect(messages).toEqual([]);
    await page.context().close();
  });

  it("asks for a dragged slider's live risk once it rests, not for each value it passes through", async () => {
    // When the page asks its workers for a grid (a run's first request), as the page's clock reads.
    // A string, not a function: the test's compiler may add helpers to a function that the page lacks.
    const {page, messages} = await open(1280, 800, {beforeScripts: `
      window.gridsAsked = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message && message.kind === "cells") window.gridsAsked.push(performance.now());
        return post.call(this, message, ...rest);
      };`});
    const circle = () => page.locator(".live-risk .mark-symbol.role-mark path").first().getAttribute("transform");
    const where = await circle();
    // An input a frame, made in the frame's callbacks, as Chromium delivers a dragged slider's.
    const {second, last} = await page.evaluate(async () => {
      const slider = document.querySelector<HTMLInputElement>("form.control[data-key=growthPct] input[type=range]")!;
      const times: number[] = [];
      for (const v of [2, 0, -2, -4, -6, -8, -10, -12]) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        slider.value = String(v);
        times.push(performance.now());
        slider.dispatchEvent(new Event("input", {bubbles: true}));
      }
      return {second: times[1]!, last: times.at(-1)!};
    });
    await page.waitForFunction(([name, t]) => performance.getEntriesByName(name as string).some((m) => m.startTime > (t as number)), [LIVE_MARK, last] as const, {timeout: 30_000});
    await page.waitForTimeout(500);
    // The drag's first value is asked at once (nothing told it a drag had begun); from its
    // second input on, the workers are asked nothing until it rests, then once, for the last
    // value. (Asked for each value, as before, they were asked six times during it. A frame
    // slower than DRAG_REST_MS, on a loaded machine, is a rest: hence "fewer than three".)
    const asked = await page.evaluate(() => (window as unknown as {gridsAsked: number[]}).gridsAsked);
    expect(asked.filter((t) => t > second && t <= last).length).toBeLessThan(3);
    expect(asked.filter((t) => t > last)).toHaveLength(1);
    // What is drawn is the last value's: the heatmap's circle moved down the growth axis.
    const y = (transform: string | null) => Number(/translate\([^,]+,([^)]+)\)/.exec(transform ?? "")?.[1]);
    expect(y(await circle())).toBeGreaterThan(y(where));
    expect(messages).toEqual([]);
    await page.context().close();
  });

  it("draws a first look from the grid and the first 500 paths, saying so and busy, then all 2,000", async () => {
    const {page, messages} = await open(1280, 800);
    const seen = await page.evaluate(async () => {
      const status = document.querySelector(".live-risk-status")!, section = document.querySelector(".live-risk")!;
      const texts: Array<{text: string; busy: boolean}> = [];
      const observer = new MutationObserver(() => texts.push({text: status.textContent ?? "", busy: section.getAttribute("aria-busy") === "true"}));
      observer.observe(status, {childList: true, characterData: true, subtree: true});
      // The marks in the order they are made: two made in one task can carry the same time.
      const order: string[] = [], mark = performance.mark.bind(performance);
      performance.mark = (name, options) => { order.push(name); return mark(name, options); };
      const started = performance.now();
      const slider = document.querySelector<HTMLInputElement>("form.control[data-key=rateChangeBp] input[type=range]")!;
      slider.value = "150";
      slider.dispatchEvent(new Event("input", {bubbles: true}));
      const after = (name: string) => performance.getEntriesByName(name).filter((m) => m.startTime > started);
      while (after("solvency:live-risk-updated").length === 0 && performance.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
      observer.disconnect();
      return {texts, order: order.filter((name) => name === "solvency:live-risk-first-look" || name === "solvency:live-risk-updated")};
    });
    // The first look is drawn, then the whole run, each once.
    expect(seen.order).toEqual(["solvency:live-risk-first-look", "solvency:live-risk-updated"]);
    expect(seen.texts.at(0)).toEqual({text: expect.stringMatching(/ % of 500 simulated paths \(a first look: the other 1,500 are running\) cannot pay by \d{4}Q[1-4]\. .*500 paths on the fast/), busy: true});
    expect(seen.texts.at(-1)).toEqual({text: expect.stringMatching(/ % of 2,000 simulated paths cannot pay by /), busy: false});
    expect(messages).toEqual([]);
    await page.context().close();
  });

  it("keeps the heatmap's colour key drawn once the page has written the inputs into its address", async () => {
    const {page} = await open(1280, 800);
    const before = await liveMarks(page);
    await move(page, "rateChangeBp", 200);
    await page.waitForFunction(() => location.search.includes("rateChangeBp=200"), null, {timeout: 10_000});
    await page.waitForFunction(([name, n]) => performance.getEntriesByName(name as string).length > (n as number), [LIVE_MARK, before] as const, {timeout: 30_000});
    const references = await page.locator(".live-risk [fill^='url(']").evaluateAll((elements) => elements.map((e) => e.getAttribute("fill")!));
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      // A reference to this document's own element, which is there.
      const id = /^url\(#([^)]+)\)$/.exec(reference)?.[1];
      expect(id, reference).toBeTruthy();
      expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    }
    await page.context().close();
  });

  it("paints the summary from the fast path in the move's frame, then the exact ledger's once the reader pauses", async () => {
    const {page} = await open(1280, 800);
    const moved = {...controlsOf(base.input), growthPct: 9};
    const painted = await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>("form.control[data-key=growthPct] input[type=range]")!;
      slider.value = "9";
      slider.dispatchEvent(new Event("input", {bubbles: true}));
      // Read in the same task as the move: the summary is already this move's.
      return {arithmetic: document.querySelector<HTMLElement>(".summary")!.dataset.arithmetic, text: document.querySelector(".summary")!.textContent};
    });
    expect(painted.arithmetic).toBe("float");
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".summary")!.dataset.arithmetic === "decimal", null, {timeout: 10_000});
    const exact = outcomeSummary(readProjection(applyControls(base.input, moved)).numbers);
    const text = await page.locator(".summary").innerText();
    for (const figure of Object.values(exact)) expect(text).toContain(figure);
    // The fast path's figures read the same as the exact ones here.
    for (const figure of Object.values(exact)) expect(painted.text).toContain(figure);
    expect(await page.locator(".arithmetic-note").innerText()).toBe("These figures are the exact decimal ledger's.");
    await page.context().close();
  });

  it("runs on the page itself in the one-file report opened from disk, where no worker can start, and says so", async () => {
    const context = await session.browser.newContext();
    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(pathToFileURL(`${DIST}solvency-notebook.html`).href);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length >= 1, LIVE_MARK, {timeout: 60_000});
    expect(await page.locator(".live-risk-status").innerText()).toMatch(/ms on the page \(this copy cannot start workers\)\.$/);
    expect(await page.locator(".live-risk .chart svg.marks").count()).toBe(2);
    await context.close();
  });

  it("stacks its two charts on a phone, each the column's width", async () => {
    const {page, messages} = await open(390, 844);
    const boxes = await page.locator(".live-risk .chart").evaluateAll((charts) => charts.map((c) => { const r = c.getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width}; }));
    expect(boxes).toHaveLength(2);
    expect(boxes[1]!.top).toBeGreaterThan(boxes[0]!.top);
    for (const b of boxes) expect(b.width).toBeGreaterThan(300);
    expect(messages).toEqual([]);
    await page.context().close();
  });
});
