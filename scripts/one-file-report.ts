import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, extname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {build, type Plugin} from "esbuild";

/**
 * A built page as one HTML file that works opened from disk (file://) with no network:
 * Framework cannot publish one. Its module script is bundled with everything it imports
 * (esbuild, one bundle, no splitting, so dynamic imports are inlined too), each file it
 * registers (`FileAttachment`) becomes a `data:` address, and its stylesheets are inlined
 * with whatever they reference. The recipe is the one verified in
 * ../shared/notes/framework-offline.md (item 13).
 */
export async function oneFileReport(distDir: string, page: string): Promise<string> {
  const html = readFileSync(join(distDir, page), "utf8");
  const pageDir = dirname(join(distDir, page));
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html);
  if (!script) throw new Error(`${page} has no inline module script: is it a built Framework page?`);

  // Each registered file, inlined: FileAttachment fetches its path, and fetch reads data: addresses anywhere.
  const withFiles = script[1]!.replace(/("path":")(\.[^"]+)(")/g, (_, open: string, path: string, close: string) => {
    return `${open}${dataUrl(resolve(pageDir, path))}${close}`;
  });

  const bundled = await build({
    stdin: {contents: withFiles, resolveDir: pageDir, sourcefile: page, loader: "js"},
    bundle: true,
    format: "esm",
    splitting: false,
    minify: true,
    write: false,
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
    plugins: [unbuiltAsExternal]
  });
  // Inside an inline script, "</script" would end it early.
  const code = bundled.outputFiles[0]!.text.replace(/<\/script/gi, "<\\/script");

  const styles = [...html.matchAll(/<link rel="stylesheet" type="text\/css" href="([^"]+)">/g)].map(([, href]) => inlineCss(resolve(pageDir, href!)));
  let out = withoutSiteLinks(html
    .replace(/<link rel="(?:preload|modulepreload)"[^>]*>\n?/g, "")
    .replace(/<link rel="stylesheet" type="text\/css" href="[^"]+">\n?/g, "")
    .replace(script[0], () => ""));
  // Styles first, into the head; library code in the bundle contains "</head>" itself.
  out = out.replace("</head>", () => `<style>\n${styles.join("\n")}\n</style>\n</head>`);
  // The guard goes before the page's module, so that it sees every link a cell adds.
  out = out.replace(/<\/body>(?![\s\S]*<\/body>)/, () => `${UNLINK_AS_CELLS_RUN}\n<script type="module">${code}</script>\n</body>`);
  return out;
}

/** Where the pages a one-file report does not hold are: said in its sidebar and its footer instead of links to them. */
export const FULL_REPORT_SENTENCE = "This file is one page of the Solvency Notebook, saved on its own. The notebook's other pages " +
  "(the ledger, the scenarios, risk, the claims, the data and how the model works) are in the full report: " +
  "the folder dist/ that npm run build writes in the project's repository. Open index.html there.";

const NOT_IN_THIS_FILE = "A page of the full report, not in this file";

/**
 * A page's HTML with no link to another file of the site: a report copied on its own (as an
 * attachment) has none of them beside it. The sidebar's list of pages and the footer's
 * previous/next links become a sentence saying where the full report lives, and a link in
 * the text to another page keeps its words without the link. Links within the page (`#…`)
 * and to outside documents (absolute addresses) stay.
 */
export function withoutSiteLinks(html: string): string {
  const sentence = `<p class="one-file-note">${escapeHtml(FULL_REPORT_SENTENCE)}</p>`;
  return html
    .replace(/(<nav id="observablehq-sidebar">[\s\S]*?)<a href="[^"]*">([^<]*)<\/a>([\s\S]*?<\/ol>\s*)<ol>[\s\S]*?<\/ol>/, (_, start: string, title: string, end: string) => `${start}<span>${title}</span>${end}${sentence}`)
    .replace(/(<footer id="observablehq-footer">\s*)(?:<nav>[\s\S]*?<\/nav>)?/, (_, start: string) => `${start}${sentence}`)
    .replace(/<a\b([^>]*?)\shref="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (link: string, before: string, href: string, after: string, words: string) =>
      isSiteLink(href) ? `<span class="not-in-this-file" title="${NOT_IN_THIS_FILE}"${before}${after}>${words}</span>` : link);
}

// Within the page (#…), or an address with a scheme (https:, data:, blob:, …): not a file beside this one.
const IN_PAGE_OR_ABSOLUTE = /^\s*(#|[a-z][a-z0-9+.-]*:)/i;

/** A link to another file of the site: a relative address. */
export const isSiteLink = (href: string): boolean => !IN_PAGE_OR_ABSOLUTE.test(href);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The same for links the page's cells make as they run (the scenario page's "open this
 * scenario in the live notebook", say): a link to another file of the site loses its
 * address and says why, so nothing in the file leads to a missing file.
 */
const UNLINK_AS_CELLS_RUN = `<script>{
const siteLink = (href) => !${IN_PAGE_OR_ABSOLUTE}.test(href);
const unlink = (root) => { for (const a of root.querySelectorAll ? [root, ...root.querySelectorAll("a[href]")] : []) {
  if (a.matches("a[href]") && siteLink(a.getAttribute("href"))) { a.removeAttribute("href"); a.title = ${JSON.stringify(NOT_IN_THIS_FILE)}; }
} };
new MutationObserver((changes) => { for (const c of changes) { unlink(c.target); for (const n of c.addedNodes) unlink(n); } })
  .observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ["href"]});
}</script>`;

/**
 * Framework emits only the modules a page can use; the client still names a few it would
 * load for implicit imports this project never uses (`_npm/…`, `stdlib/…`). Left as they
 * are: they are never requested.
 */
const unbuiltAsExternal: Plugin = {
  name: "unbuilt-as-external",
  setup(b) {
    b.onResolve({filter: /^\.{0,2}\//}, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return existsSync(path) && statSync(path).isFile() ? null : {path: args.path, external: true};
    });
  }
};

function inlineCss(file: string): string {
  const css = readFileSync(file, "utf8");
  return css.replace(/url\((["']?)(?!data:|https?:|#)([^"')]+)\1\)/g, (_, quote: string, ref: string) => {
    const target = resolve(dirname(file), ref.split(/[?#]/)[0]!);
    return existsSync(target) ? `url("${dataUrl(target)}")` : `url(${quote}${ref}${quote})`;
  });
}

const MIME: Record<string, string> = {
  ".json": "application/json", ".csv": "text/csv", ".txt": "text/plain", ".svg": "image/svg+xml", ".png": "image/png",
  ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".css": "text/css", ".js": "text/javascript"
};
const mimeType = (file: string) => MIME[extname(file).toLowerCase()] ?? "application/octet-stream";
const dataUrl = (file: string) => `data:${mimeType(file)};base64,${readFileSync(file).toString("base64")}`;

/** The one-file reports `npm run build` writes: the story page, as `dist/solvency-notebook.html`... */
export const ONE_FILE_REPORTS = [{page: "index.html", out: "solvency-notebook.html"}] as const;

/** ...and each scenario's page, as `dist/scenario-<name>.html`. */
export function scenarioReports(dist: string): Array<{page: string; out: string}> {
  const dir = join(dist, "scenarios");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".html") && f !== "index.html").map((f) => ({page: `scenarios/${f}`, out: `scenario-${f}`}));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The folder the pages were built in: scripts/build.ts passes its staging folder.
  const dist = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL("../dist/", import.meta.url));
  for (const {page, out} of [...ONE_FILE_REPORTS, ...scenarioReports(dist)]) {
    const text = await oneFileReport(dist, page);
    writeFileSync(join(dist, out), text);
    console.log(`wrote ${out}: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB, one file, from ${page}`);
  }
}
