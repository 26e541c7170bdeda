import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {BuildError, buildAndSwap, type BuildStep} from "../../scripts/build.js";

/**
 * npm run build builds into a staging folder and swaps it into dist/ only on success. Here
 * the steps are small node scripts that write into the staging folder (as Framework and the
 * one-file reports do, told where by SOLVENCY_BUILD_OUTPUT), or fail part-way.
 */
const script = (name: string, code: string): BuildStep => ({name, command: [process.execPath, "-e", code]});
const writes = (file: string, text: string) => script(`writes ${file}`, `const {mkdirSync, writeFileSync} = require("node:fs"); const out = process.env.SOLVENCY_BUILD_OUTPUT; mkdirSync(out, {recursive: true}); writeFileSync(out + "/${file}", ${JSON.stringify(text)});`);
const fails = script("fails", "process.exit(3)");

function project(): string {
  const cwd = mkdtempSync(join(tmpdir(), "build-"));
  mkdirSync(join(cwd, "dist"));
  writeFileSync(join(cwd, "dist", "index.html"), "the previous report");
  writeFileSync(join(cwd, "dist", "data.html"), "its data page");
  return cwd;
}
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe("a build", () => {
  it("that fails leaves the previous dist/ as it was, and no staging folder", () => {
    const cwd = project();
    const before = contents(join(cwd, "dist"));
    // The first step writes half a report, the second fails: the half is thrown away.
    expect(() => buildAndSwap({steps: [writes("index.html", "half a report"), fails], staging: ".dist-staging", target: "dist", cwd}))
      .toThrow(new BuildError('the build failed at "fails" (exit code 3); dist/ is as it was'));
    expect(contents(join(cwd, "dist"))).toEqual(before);
    expect(readdirSync(cwd)).toEqual(["dist"]);
  });

  it("that writes nothing leaves dist/ as it was", () => {
    const cwd = project();
    expect(() => buildAndSwap({steps: [script("nothing", "")], staging: ".dist-staging", target: "dist", cwd})).toThrow(/wrote nothing/);
    expect(contents(join(cwd, "dist"))).toEqual({"data.html": "its data page", "index.html": "the previous report"});
  });

  it("that succeeds replaces dist/ whole: the new files in, the old ones gone, nothing left beside it", () => {
    const cwd = project();
    buildAndSwap({steps: [writes("index.html", "the new report"), writes("risk.html", "a new page")], staging: ".dist-staging", target: "dist", cwd});
    expect(contents(join(cwd, "dist"))).toEqual({"index.html": "the new report", "risk.html": "a new page"});
    expect(readdirSync(cwd)).toEqual(["dist"]);
  });

  it("that is the first makes dist/", () => {
    const cwd = mkdtempSync(join(tmpdir(), "build-"));
    buildAndSwap({steps: [writes("index.html", "the first report")], staging: ".dist-staging", target: "dist", cwd});
    expect(contents(join(cwd, "dist"))).toEqual({"index.html": "the first report"});
  });

  it("clears a staging folder a killed build left behind before it starts", () => {
    const cwd = project();
    mkdirSync(join(cwd, ".dist-staging"));
    writeFileSync(join(cwd, ".dist-staging", "stale.html"), "from a build that was killed");
    buildAndSwap({steps: [writes("index.html", "the new report")], staging: ".dist-staging", target: "dist", cwd});
    expect(existsSync(join(cwd, "dist", "stale.html"))).toBe(false);
  });
});

describe("the project's build", () => {
  it("tells Framework to write where SOLVENCY_BUILD_OUTPUT says, and to dist by default", () => {
    const output = (env: NodeJS.ProcessEnv) => execFileSync(process.execPath, ["--import", "tsx", "-e", 'import("./observablehq.config.ts").then((m) => console.log(m.default.output))'], {encoding: "utf8", env}).trim();
    const {SOLVENCY_BUILD_OUTPUT: _, ...unset} = process.env;
    expect(output({...unset, SOLVENCY_BUILD_OUTPUT: "/tmp/staging-x"})).toBe("/tmp/staging-x");
    expect(output(unset)).toBe("dist");
  });

  it("is scripts/build.ts, so npm run build goes through the swap", () => {
    expect(JSON.parse(readFileSync("package.json", "utf8")).scripts.build).toBe("tsx scripts/build.ts");
  });
});
