import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

/** Every link the README, the docs and the Framework config make to a file of the project resolves. */
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const files = ["README.md", "observablehq.config.ts", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

function references(file: string): Array<{target: string; from: string}> {
  const text = readFileSync(join(ROOT, file), "utf8");
  const found: Array<{target: string; from: string}> = [];
  // Markdown links to a relative path, resolved from the file's folder.
  for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
    if (!/^[a-z]+:/i.test(target!)) found.push({target: join(dirname(file), target!), from: file});
  }
  // Paths named in prose or comments (docs/x.md, src/…/x.ts, data-loaders/…), from the root.
  for (const [path] of text.matchAll(/\b(?:docs|src|data-loaders|cli|scripts|bench|test|scenarios)\/[\w./-]*\.(?:md|ts|json|csv)\b/g)) {
    if (!path.includes("<") && !path.includes("[")) found.push({target: path, from: file});
  }
  return found;
}

describe("links in the README, the docs and the config", () => {
  it("are found: the README names the docs it points to", () => {
    expect(references("README.md").map((r) => r.target)).toEqual(expect.arrayContaining(["docs/model.md", "docs/data.md"]));
  });
  for (const file of files) {
    it(`resolve, from ${file}`, () => {
      const missing = references(file).filter((r) => !existsSync(join(ROOT, r.target))).map((r) => r.target);
      expect(missing).toEqual([]);
    });
  }
});
