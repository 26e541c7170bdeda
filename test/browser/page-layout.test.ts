import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {FULL_REPORT_SENTENCE, ONE_FILE_REPORTS, scenarioReports} from "../../scripts/one-file-report.js";
import {companyTables} from "../../data-loaders/dataset.js";
import {GOAL_QUESTIONS} from "../../src/risk/goal-seek.js";
import {DIST, browserSession} from "./person.js";

/**
 * How the built pages lie on a desk's screen and a phone's, as a person would see them:
 * no page scrolls sideways, wide tables scroll in a box of their own with their first
 * column in view, nothing runs under the table of contents, no template or raw string
 * shows, every input has a name, and a one-file report links to no missing file. Each page
 * is also saved as a screenshot under screenshots/ (git-ignored) for a person to look at.
 */
const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));
const SCENARIOS = readdirSync(new URL("../../scenarios/", import.meta.url)).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).map((f) => f.replace(".json", ""));
const PAGES = ["index.html", "model.html", "risk.html", "claims.html", "data.html", "docs.html", "scenarios/index.html", ...SCENARIOS.map((s) => `scenarios/${s}.html`)];
const DESK = {width: 1280, height: 800};
const PHONE = {width: 390, height: 844};

const session = browserSession();

/** Opens a built page at a screen size and waits until its cells have run and its charts are drawn. */
async function open(path: string, viewport: {width: number; height: number}): Promise<Page> {
  const page = await session.browser.newPage({viewport});
  await page.goto(`${session.origin}/${path}`, {waitUntil: "networkidle"});
  await ready(page);
  return page;
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll(".chart")].every((c) => c.querySelector("svg.marks")), null, {timeout: 30_000});
  // Until what main shows has stopped changing for a quarter of a second.
  let last = "";
  let stableSince = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const now = await page.evaluate(() => document.querySelector("main")?.innerHTML ?? "");
    if (now !== last) { last = now; stableSince = Date.now(); }
    else if (Date.now() - stableSince >= 250) return;
    await page.waitForTimeout(50);
  }
  throw new Error("the page kept changing for 30 s");
}

const shotName = (path: string, viewport: {width: number}) => `${SHOTS}${viewport.width}/${path.replace(/\//g, "_").replace(/\.html$/, "")}.png`;

for (const viewport of [DESK, PHONE]) {
  describe(`every page at ${viewport.width}×${viewport.height}`, () => {
    beforeAll(() => mkdirSync(`${SHOTS}${viewport.width}`, {recursive: true}));

    for (const path of PAGES) {
      it(`${path}: no sideways scroll, no template text or raw value, tables in scroll boxes, nothing under the contents`, async () => {
        const page = await open(path, viewport);
        await page.screenshot({path: shotName(path, viewport), fullPage: true});

        // The page itself never scrolls sideways; a wide table or formula scrolls in its own box.
        const {scrollWidth, clientWidth} = await page.evaluate(() => ({scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth}));
        expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(clientWidth);

        // Markdown's inline code is not interpolated: a `${…}` there would show as typed.
        expect(await page.locator("main").innerText()).not.toContain("${");
        // A bare string or number given to display() shows as a value (quoted, monospaced).
        expect(await page.locator("main .observablehq--inspect").count(), "a raw value is displayed").toBe(0);

        // Every records table and the ledger sit in a named, focusable scroll box no wider
        // than the column, with headers, and their first column stays in view.
        const tables = await page.evaluate(() => {
          const main = document.querySelector("main")!;
          const style = getComputedStyle(main);
          const column = main.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return [...main.querySelectorAll<HTMLTableElement>("table.records, table.ledger")].map((table) => {
            const box = table.parentElement!;
            const firstCell = table.querySelector("tbody tr > :first-child");
            return {
              inBox: box.classList.contains("table-scroll") && getComputedStyle(box).overflowX === "auto",
              boxFits: box.getBoundingClientRect().width <= column + 1,
              focusable: box.tabIndex === 0 && Boolean(box.getAttribute("aria-label")),
              headers: table.querySelectorAll("thead th").length,
              stickyFirst: !firstCell || getComputedStyle(firstCell).position === "sticky"
            };
          });
        });
        for (const table of tables) expect(table).toEqual({inBox: true, boxFits: true, focusable: true, headers: expect.any(Number), stickyFirst: true});
        for (const table of tables) expect(table.headers).toBeGreaterThan(0);

        // With the table of contents shown, nothing in main reaches under it: every element
        // and every run of text ends left of it, except what is inside a scroll box.
        const under = await page.evaluate(() => {
          const toc = document.querySelector("#observablehq-toc");
          if (!toc || getComputedStyle(toc).display === "none") return [];
          const edge = toc.getBoundingClientRect().left;
          const scrolled = (node: Node) => Boolean(node.parentElement?.closest(".table-scroll, pre, .chart"));
          const found: string[] = [];
          for (const element of document.querySelectorAll("main *")) {
            const r = element.getBoundingClientRect();
            if (r.width > 0 && r.right > edge + 1 && !scrolled(element)) found.push(`${element.tagName}.${element.className}`);
          }
          const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(text);
            if (range.getBoundingClientRect().right > edge + 1 && !scrolled(text)) found.push(`text "${text.textContent!.slice(0, 40)}"`);
          }
          // A chart's box itself must end left of the contents too.
          for (const chart of document.querySelectorAll("main .chart")) if (chart.getBoundingClientRect().right > edge + 1) found.push("a chart");
          return found;
        });
        expect(under, "under the table of contents").toEqual([]);
        await page.close();
      });
    }
  });
}

describe("wide tables", () => {
  it("scroll inside their box on a phone, the scenario names staying in view", async () => {
    const page = await open("scenarios/index.html", PHONE);
    const box = page.locator(".table-scroll").first();
    const before = await box.evaluate((b) => {
      const first = b.querySelector("tbody tr > :first-child")!.getBoundingClientRect().left;
      const last = b.querySelector("tbody tr > :last-child")!.getBoundingClientRect().left;
      b.scrollLeft = 400;
      return {scrolls: b.scrollWidth > b.clientWidth, first, last};
    });
    const after = await box.evaluate((b) => ({
      scrolled: b.scrollLeft,
      first: b.querySelector("tbody tr > :first-child")!.getBoundingClientRect().left,
      last: b.querySelector("tbody tr > :last-child")!.getBoundingClientRect().left
    }));
    expect(before.scrolls).toBe(true);
    expect(after.scrolled).toBeGreaterThan(0);
    // The scenario's name stays where it was; the outcomes move left by what was scrolled.
    expect(after.first).toBeCloseTo(before.first, 0);
    expect(before.last - after.last).toBeCloseTo(after.scrolled, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it("the ledger takes the page's whole width: no table of contents beside it", async () => {
    const page = await open("model.html", DESK);
    expect(await page.locator("#observablehq-toc").count()).toBe(0);
    const {box, column} = await page.evaluate(() => {
      const main = document.querySelector("main")!;
      const style = getComputedStyle(main);
      return {
        box: document.querySelector(".table-scroll:has(table.ledger)")!.getBoundingClientRect().width,
        column: main.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      };
    });
    // 1280 less the sidebar and the margins: far wider than the 640-px reading column.
    expect(box).toBeCloseTo(column, 0);
    expect(box).toBeGreaterThan(850);
    await page.close();
  });
});

describe("the risk page's questions and answers (the goal-seek table)", () => {
  /** Each row's question and answer cells, as laid out. */
  const laidOut = (page: Page) => questionsTable(page).locator("tbody tr").evaluateAll((rows) => rows.map((row) => {
    const [question, answer] = [...row.children].map((cell) => {
      const r = cell.getBoundingClientRect();
      return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width};
    });
    return {question: question!, answer: answer!, questionWeight: Number(getComputedStyle(row.children[0]!).fontWeight)};
  }));
  const questionsTable = (page: Page) => page.locator("table.records", {has: page.locator("thead th", {hasText: /^Question$/})});

  it("on a phone, shows each question as a bold line above its answer, and the answer at the column's width", async () => {
    const page = await open("risk.html", PHONE);
    const rows = await laidOut(page);
    expect(rows).toHaveLength(GOAL_QUESTIONS.length);
    for (const {question, answer, questionWeight} of rows) {
      // 390 px less the page's margins leaves a column of about 326 px, and 80 % of the screen
      // is 312 px. Side by side, the answer had 151 px and ran to 10 to 15 lines of two words.
      expect(answer.width).toBeGreaterThanOrEqual(0.8 * PHONE.width);
      expect(question.bottom).toBeLessThanOrEqual(answer.top + 0.5);
      expect(question.left).toBeCloseTo(answer.left, 0);
      expect(questionWeight).toBeGreaterThanOrEqual(600);
    }
    // Still a table to a screen reader: each question heads its row, the headings are there.
    const table = questionsTable(page);
    expect(await table.getByRole("rowheader").count()).toBe(GOAL_QUESTIONS.length);
    expect(await table.getByRole("cell").count()).toBe(GOAL_QUESTIONS.length);
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual(["Question", "Answer"]);
    await page.close();
  });

  it("at a desk, is still a table: each answer beside its question, under the headings", async () => {
    const page = await open("risk.html", DESK);
    const rows = await laidOut(page);
    expect(rows).toHaveLength(GOAL_QUESTIONS.length);
    for (const {question, answer} of rows) {
      expect(answer.left).toBeGreaterThanOrEqual(question.right - 0.5);
      expect(answer.top).toBeCloseTo(question.top, 0);
    }
    expect(await questionsTable(page).locator("thead").isVisible()).toBe(true);
    await page.close();
  });
});

describe("what a page writes", () => {
  it("a scenario page names itself in its export command", async () => {
    const page = await open("scenarios/rates-up-300bp.html", DESK);
    expect(await page.locator("main code", {hasText: "npm run scenario -- export"}).innerText()).toBe("npm run scenario -- export rates-up-300bp --xlsx FILE");
    await page.close();
  });

  it("the data page says how many quarters are backtested and held in sentences, not quoted strings", async () => {
    const page = await open("data.html", DESK);
    const backtest = await page.locator("main p", {hasText: /quarters? (can be )?backtested/}).innerText();
    expect(backtest).toMatch(/^(Only \d quarters? can be backtested with the figures held so far|\d+ quarters backtested: \d+ within ±10 %)/);
    expect(await page.locator("main p", {hasText: /line-item quarters held\.$/}).innerText()).toMatch(/^\d+ of \d+ line-item quarters held\.$/);
    await page.close();
  });
});

describe("the scenarios' comparison chart", () => {
  for (const viewport of [DESK, PHONE]) {
    it(`shows every scenario's whole name in its legend, inside the chart, at ${viewport.width} px`, async () => {
      const page = await open("scenarios/index.html", viewport);
      const legends = await page.evaluate(() => [...document.querySelectorAll(".chart")].map((chart) => {
        const svg = chart.querySelector("svg.marks")!.getBoundingClientRect();
        const labels = [...chart.querySelectorAll(".role-legend-label text")];
        return {
          labels: labels.map((t) => t.textContent).sort(),
          outside: labels.filter((t) => { const r = t.getBoundingClientRect(); return r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1; }).map((t) => t.textContent),
          svgRight: svg.right
        };
      }));
      expect(legends).toHaveLength(2);
      for (const legend of legends) {
        // Vega cuts a label that passes its limit with "…": each name must be whole.
        expect(legend.labels).toEqual([...SCENARIOS].sort());
        expect(legend.outside).toEqual([]);
        expect(legend.svgRight).toBeLessThanOrEqual(viewport.width);
      }
      await page.close();
    });
  }
});

describe("inputs and tables for assistive technology", () => {
  // The story page's and the ledger's inputs panel (.controls) is checked with its own widget.
  for (const path of ["risk.html", "scenarios/index.html", "scenarios/base.html", "data.html", "claims.html", "index.html", "model.html"]) {
    it(`${path}: every input, list and button has a name; every table has headers`, async () => {
      const page = await open(path, DESK);
      const unnamed = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>("main input, main select, main textarea, main button")]
        .filter((e) => !e.closest(".controls") && e.type !== "hidden")
        .filter((e) => {
          const labelled = [...(e.labels ?? [])].some((l) => l.textContent!.trim());
          const named = ["aria-label", "aria-labelledby", "title"].some((a) => e.getAttribute(a)?.trim());
          return !labelled && !named && !(e.tagName === "BUTTON" && e.textContent!.trim());
        })
        .map((e) => e.outerHTML.slice(0, 120)));
      expect(unnamed).toEqual([]);
      expect(await page.locator("main table:not(:has(th))").count()).toBe(0);
      await page.close();
    });
  }
});

describe("a one-file report copied on its own", () => {
  const reports = [...ONE_FILE_REPORTS.map((r) => r.out), ...scenarioReports(DIST).map((r) => r.out)];
  // The documents the dataset cites: the only outside addresses a report may link to.
  const cited = new Set(companyTables().sources.map((s) => s.url));

  /** Why an address would lead nowhere from a lone file, or null when it is fine. */
  const broken = (href: string): string | null => {
    if (href.startsWith("#") || href.startsWith("data:") || href.startsWith("blob:")) return null;
    if (/^https:\/\//.test(href) || /^http:\/\//.test(href)) return cited.has(href) ? null : `not a cited source: ${href}`;
    return `a file beside it: ${href}`;
  };

  it("has a report for the story page and one for each scenario", () => {
    expect(reports).toEqual(expect.arrayContaining(["solvency-notebook.html", ...SCENARIOS.map((s) => `scenario-${s}.html`)]));
  });

  for (const report of ["solvency-notebook.html", "scenario-rates-up-300bp.html", "scenario-base.html"]) {
    it(`${report}: as written, every address in it is in the page, data, or a cited source, and it says where the full report lives`, async () => {
      const page = await session.browser.newPage();
      const html = readFileSync(`${DIST}${report}`, "utf8");
      const found = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "text/html");
        return {
          hrefs: [...doc.querySelectorAll("[href]")].map((e) => e.getAttribute("href")!),
          note: [...doc.querySelectorAll(".one-file-note")].map((e) => e.textContent),
          sidebarLinks: doc.querySelectorAll("#observablehq-sidebar a").length
        };
      }, html);
      expect(found.hrefs.length).toBeGreaterThan(3);
      expect(found.hrefs.map(broken).filter(Boolean)).toEqual([]);
      expect(found.sidebarLinks).toBe(0);
      // In the sidebar and in the footer, which a phone shows too.
      expect(found.note).toEqual([FULL_REPORT_SENTENCE, FULL_REPORT_SENTENCE]);
      await page.close();
    });

    it(`${report}: opened from disk with the network off, no link its cells make leads to a missing file`, async () => {
      const context = await session.browser.newContext();
      await context.setOffline(true);
      const page = await context.newPage();
      await page.goto(pathToFileURL(`${DIST}${report}`).href);
      await page.waitForFunction(() => document.querySelectorAll(".chart svg.marks").length >= 4, null, {timeout: 30_000});
      await ready(page);
      const hrefs = await page.evaluate(() => [...document.querySelectorAll("[href]")].map((e) => e.getAttribute("href")!));
      expect(hrefs.map(broken).filter(Boolean)).toEqual([]);
      if (report.startsWith("scenario-")) {
        // The link to the live notebook, made by a cell, keeps its words and loses its address.
        const live = page.locator("main a", {hasText: "Open this scenario in the live notebook"});
        expect(await live.getAttribute("href")).toBeNull();
        expect(await live.getAttribute("title")).toMatch(/not in this file/);
      }
      await context.close();
    });
  }
});
