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

// One page per scenario file (src/scenarios/[name].md).
const scenarioNames = readdirSync(new URL("./scenarios/", import.meta.url))
  .filter((file) => file.endsWith(".json") && !file.endsWith(".schema.json"))
  .map((file) => file.slice(0, -".json".length));

export default {
  title: "Solvency Notebook",
  root: "src",
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
  head: '<meta name="description" content="Stress-test a debt-financed company quarter by quarter."><link rel="icon" href="data:,">',
  header: `<p class="as-of">${asOf}</p>`,
  footer: "Solvency Notebook. Every reported figure cites its source; every assumption says so.",
  search: false,
  // Links end in .html, so the report works from any static host or from disk.
  preserveExtension: true
};
