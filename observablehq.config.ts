// Observable Framework configuration. The report must work with no network, so the
// default theme's outside web font is dropped (see the README's "Offline" section) and pages use a
// system font stack from src/style.css.
import {readdirSync} from "node:fs";
import {asOfSentence, latestFiling} from "./data-loaders/as-of.js";
import {readCompany} from "./data-loaders/read.js";

// "As of" on every page, near the top: the latest filing the dataset stands on. Text only
// (the figures are validated raw data, and the sentence is escaped below all the same).
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const asOf = escapeHtml(asOfSentence(latestFiling(readCompany("coreweave"))));

// Framework 1.13 has no setting for the page's language; its sidebar's toggle is a checkbox
// named only by a title, and its sidebar's list holds the close button's label among its
// items. Mended as the page loads, for screen readers (axe-core checks each page for them).
const accessibleFrame = `document.documentElement.lang = "en";
addEventListener("DOMContentLoaded", () => {
  document.getElementById("observablehq-sidebar-toggle")?.setAttribute("aria-label", "Show or hide the list of pages");
  const close = document.getElementById("observablehq-sidebar-close");
  if (close?.parentElement?.tagName === "OL") close.parentElement.before(close);
});`;

// One page per scenario file (src/scenarios/[name].md).
const scenarioNames = readdirSync(new URL("./scenarios/", import.meta.url))
  .filter((file) => file.endsWith(".json") && !file.endsWith(".schema.json"))
  .map((file) => file.slice(0, -".json".length));

export default {
  title: "Solvency Notebook",
  root: "src",
  // npm run build (scripts/build.ts) builds into a staging folder and swaps it into dist/ on success.
  output: process.env["SOLVENCY_BUILD_OUTPUT"] ?? "dist",
  pages: [
    {name: "Model", path: "/model"},
    {name: "Scenarios", path: "/scenarios/"},
    {name: "Risk", path: "/risk"},
    {name: "Claims", path: "/claims"},
    {name: "Data", path: "/data"},
    {name: "How the model works", path: "/docs"}
  ],
  dynamicPaths: scenarioNames.map((name) => `/scenarios/${name}`),
  globalStylesheets: [],
  style: "style.css",
  // No favicon request (a 404 and a console error on a static host).
  head: '<meta name="description" content="Stress-test a debt-financed company quarter by quarter."><link rel="icon" href="data:,">' +
    `<script>${accessibleFrame}</script>`,
  header: `<p class="as-of">${asOf}</p>`,
  footer: "Solvency Notebook. Every reported figure cites its source; every assumption says so.",
  search: false,
  // Links end in .html, so the report works from any static host or from disk.
  preserveExtension: true
};
