import {spawnSync} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {DataError, describeFailure, oneLine, parseOptions, UsageError} from "../../cli/command-line.js";
import {RAW_ROOT} from "../../data-loaders/read.js";
import {INPUT_KEYS} from "../../src/scenario/inputs-table.js";
import {answer, sandbox} from "./harness.js";

/** A bad invocation: exit 2, one line that says what was wrong, nothing written. */
const USAGE_ERRORS: Array<[string, string[], RegExp]> = [
  ["no command", [], /^usage: npm run scenario -- list \| run NAME/],
  ["an unknown command", ["nonsense"], /^unknown command "nonsense"; usage:/],
  ["a NEW name that climbs out of the folder", ["fork", "base", "../../x"], /^NEW "\.\.\/\.\.\/x" is not a scenario name: lower-case letters, digits and dashes/],
  ["a name with a slash", ["run", "a/b"], /^NAME "a\/b" is not a scenario name/],
  ["a name with a semicolon", ["fork", "base", "x;rm -rf ~"], /^NEW "x;rm -rf ~" is not a scenario name/],
  ["a name with a command substitution", ["fork", "base", "$(touch pwned)"], /^NEW "\$\(touch pwned\)" is not a scenario name/],
  ["a name in capitals", ["run", "Base"], /^NAME "Base" is not a scenario name/],
  ["a name of 100 kB, quoted in part", ["fork", "base", "x".repeat(100_000)], /^NEW "x{60}…" is not a scenario name/],
  ["a scenario that does not exist", ["run", "no-such"], /^"no-such" is not a scenario; the scenarios are base, .* \(see `list`\)$/],
  ["a fork over an existing scenario", ["fork", "base", "rates-up-300bp"], /^scenario "rates-up-300bp" exists already/],
  ["--set with two equals signs", ["fork", "base", "x", "--set", "rateChangeBp=1=2"], /^--set needs key=number, the number plain decimal \(like 150 or -2\.5\), not "rateChangeBp=1=2"$/],
  ["--set in hexadecimal", ["fork", "base", "x", "--set", "rateChangeBp=0x10"], /plain decimal.*"rateChangeBp=0x10"/],
  ["--set with a space before the number", ["fork", "base", "x", "--set", "rateChangeBp= 5"], /plain decimal.*"rateChangeBp= 5"/],
  ["--set in exponent form", ["fork", "base", "x", "--set", "capex=1e3"], /plain decimal/],
  ["--set without a value", ["fork", "base", "x", "--set"], /^--set needs key=number, not ""$/],
  ["--set of a key given twice", ["fork", "base", "x", "--set", "capex=1", "--set", "capex=2"], /^--set: capex is given twice$/],
  ["--set __proto__", ["fork", "base", "x", "--set", "__proto__=1"], /^--set: "__proto__" is not an input; the inputs are rateChangeBp, /],
  ["--set constructor", ["fork", "base", "x", "--set", "constructor=1"], /^--set: "constructor" is not an input/],
  ["--set toString", ["fork", "base", "x", "--set", "toString=1"], /^--set: "toString" is not an input/],
  ["--set out of the input's range", ["fork", "base", "x", "--set", "rateChangeBp=601"], /^--set rateChangeBp=601: rateChangeBp must be at most 600$/],
  ["--set of an old input beside the one that replaces it", ["fork", "base", "x", "--set", "revenueLostPct=45", "--set", "largestCustomerSharePct=10"], /^--set: revenueLostPct \(an old input\) and largestCustomerSharePct, which replaces it, are both set$/],
  ["a word where --set belongs", ["fork", "base", "x", "capex=1"], /^unexpected "capex=1": use --set key=value$/],
  ["an unknown format", ["run", "base", "--format", "xml"], /^--format must be table, csv or json, not "xml"$/],
  ["--json beside --format", ["run", "base", "--json", "--format", "csv"], /^give --json or --format, not both$/],
  ["an option given twice", ["run", "base", "--format", "csv", "--format", "json"], /^--format is given twice$/],
  ["an unknown option", ["run", "base", "--colour"], /^unexpected "--colour"; the options here are --format VALUE, --json$/],
  ["a word after list", ["list", "everything"], /^unexpected "everything"; the options here are none$/],
  ["a third scenario to diff", ["diff", "base", "growth-halves", "rates-up-300bp"], /^unexpected "rates-up-300bp"/],
  ["no paths to simulate", ["simulate", "base", "--paths", "0"], /^paths must be a whole number from 1 to 100000 \(got 0\)$/],
  ["paths that are not a number", ["simulate", "base", "--paths", "1e3"], /^--paths needs a whole number of at most 10 digits, not "1e3"$/],
  ["a seed past 32 bits", ["simulate", "base", "--paths", "10", "--seed", "4294967296"], /^seed must be a whole number from 0 to 4294967295/],
  ["export without --xlsx", ["export", "base"], /^usage: export NAME --xlsx FILE$/],
  ["export into a folder that does not exist", ["export", "base", "--xlsx", "missing/book.xlsx"], /^--xlsx "missing\/book\.xlsx": the folder "missing" does not exist/],
  ["export onto a folder", ["export", "base", "--xlsx", "scenarios"], /^--xlsx "scenarios" is a folder: name a file in it, like "scenarios\/scenario\.xlsx"$/]
];

describe("npm run scenario: a bad invocation", () => {
  for (const [what, argv, line] of USAGE_ERRORS) {
    it(`answers ${what} with one line and exit code 2, writing nothing`, async () => {
      const box = sandbox();
      const before = box.files();
      const result = await answer(argv, box.context);
      expect(result).toMatchObject({code: 2, stdout: "", expected: true});
      expect(result.stderr).toMatch(line);
      expect(result.stderr).not.toMatch(/\n/);
      expect(result.stderr.length).toBeLessThan(1000);
      expect(box.files()).toEqual(before);
    });
  }

  it("names every input it accepts when --set names another", async () => {
    const result = await answer(["fork", "base", "x", "--set", "dividendPct=5"], sandbox().context);
    for (const key of INPUT_KEYS) expect(result.stderr).toContain(key);
  });

  it("checks the names before reading anything: a missing scenario folder and an unreadable dataset are never reached", async () => {
    const box = sandbox({scenarioDir: "/nonexistent/scenarios", baseInputs: () => { throw new Error("the dataset was read"); }});
    for (const argv of [["fork", "base", "../../x"], ["run", "A"], ["diff", "base", "a/b"], ["export", "$(x)", "--xlsx", "x.xlsx"], ["simulate", ";", "--paths", "1"]]) {
      const result = await answer(argv, box.context);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is not a scenario name/);
    }
  });
});

describe("npm run scenario: bad data", () => {
  it("answers a broken scenario file with one line naming the file and the field, exit code 1", async () => {
    const box = sandbox();
    writeFileSync(join(box.context.scenarioDir, "broken.json"), JSON.stringify({name: "broken", title: "t", description: "d", parent: "base", assumptions: {capex: "lots"}}));
    const result = await answer(["run", "base"], box.context);
    expect(result).toMatchObject({code: 1, stderr: "broken.json: assumptions.capex: Invalid input: expected number, received string", expected: true});
  });

  it("answers a scenario file of a thousand unknown fields with the first ten and a count", async () => {
    const box = sandbox();
    const assumptions = Object.fromEntries(Array.from({length: 1000}, (_, i) => [`k${i}`, 1]));
    writeFileSync(join(box.context.scenarioDir, "many.json"), JSON.stringify({name: "many", title: "t", description: "d", parent: "base", assumptions}));
    const result = await answer(["list"], box.context);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("many.json: assumptions: has unknown fields k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, and 990 more");
  });

  it("answers bad raw CSVs with the raw-data error on one line, exit code 1", async () => {
    const raw = mkdtempSync(join(tmpdir(), "raw-"));
    cpSync(join(RAW_ROOT, "coreweave"), join(raw, "coreweave"), {recursive: true});
    const statements = join(raw, "coreweave", "statements.csv");
    writeFileSync(statements, readFileSync(statements, "utf8").replace(/\n2025-07-01,2025-09-30,revenue,1364676,/, "\n2025-07-01,2025-09-30,revenue,1.36bn,"));
    const {readCompany} = await import("../../data-loaders/read.js");
    const box = sandbox({baseInputs: () => { readCompany("coreweave", raw); throw new Error("unreachable"); }});
    const result = await answer(["run", "base"], box.context);
    expect(result).toMatchObject({code: 1, expected: true});
    expect(result.stderr).toBe('bad raw data (1 problem): statements.csv, row 1 (line 2), field "value": is not a number (write it without thousands separators, e.g. -310555)');
  });
});

describe("npm run scenario: good invocations still work in their folder", () => {
  it("forks into the scenario folder, and exports a workbook to a path relative to the working folder", async () => {
    const box = sandbox();
    mkdirSync(join(box.context.cwd, "out"));
    expect((await answer(["fork", "base", "mine", "--set", "capex=3000"], box.context)).code).toBe(0);
    const exported = await answer(["export", "mine", "--xlsx", "out/mine.xlsx"], box.context);
    expect(exported.stdout).toMatch(/^wrote out\/mine\.xlsx \(Inputs, Facilities, Ledger, Metrics, Sources; \d+ kB\)$/);
    const added = box.files().filter((f) => !f.startsWith("work/scenarios/") || f === "work/scenarios/mine.json");
    expect(added).toEqual(["work/out/mine.xlsx", "work/scenarios/mine.json"]);
  });
});

describe("how a failure is told", () => {
  it("is one line for any message: newlines and escapes become spaces", () => {
    expect(oneLine("a\nb\r\n\u001b[31mc")).toBe("a b [31mc");
    expect(oneLine("x".repeat(5000))).toHaveLength(2001);
  });

  it("gives exit code 2 for usage, 1 for data, and calls anything unforeseen an internal error", () => {
    expect(describeFailure(new UsageError("bad flag"))).toEqual({code: 2, line: "bad flag", expected: true});
    expect(describeFailure(new DataError("bad file"))).toEqual({code: 1, line: "bad file", expected: true});
    expect(describeFailure(new TypeError("x is undefined\n    at y"))).toEqual({code: 1, line: "internal error: x is undefined (run again with --debug for the stack)", expected: false});
    const missing = Object.assign(new Error("ENOENT: no such file"), {code: "ENOENT", path: "/a/b"});
    expect(describeFailure(missing)).toEqual({code: 1, line: 'cannot use "/a/b": no such file or folder', expected: true});
  });

  it("reads options into a null-prototype record, refusing unknown ones, repeats and missing values", () => {
    const options = parseOptions(["--paths", "5", "--json"], {paths: "value", json: "switch"});
    expect(Object.getPrototypeOf(options)).toBeNull();
    expect({...options}).toEqual({paths: "5", json: ""});
    expect(() => parseOptions(["--__proto__", "1"], {paths: "value"})).toThrow(/unexpected "--__proto__"/);
    expect(() => parseOptions(["--constructor"], {paths: "value"})).toThrow(/unexpected "--constructor"/);
    expect(() => parseOptions(["--paths"], {paths: "value"})).toThrow(/--paths needs a value/);
  });
});

describe("the command lines as processes", () => {
  const run = (script: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", `cli/${script}.ts`, ...args], {encoding: "utf8", env: {...process.env, ...env}});
  const raw = mkdtempSync(join(tmpdir(), "raw-"));
  cpSync(join(RAW_ROOT, "coreweave"), join(raw, "coreweave"), {recursive: true});
  writeFileSync(join(raw, "coreweave", "sources.csv"), readFileSync(join(raw, "coreweave", "sources.csv"), "utf8").replace("CoreWeave Reports Strong Third Quarter 2025 Results (press release)", "=HYPERLINK(1)"));

  const cases: Array<[string, string, string[], Record<string, string>, number, RegExp]> = [
    ["scenario: a bad name", "scenario", ["fork", "base", "../../x"], {}, 2, /^NEW "\.\.\/\.\.\/x" is not a scenario name/],
    ["scenario: export onto a folder", "scenario", ["export", "base", "--xlsx", tmpdir()], {}, 2, /is a folder/],
    ["scenario: bad raw CSVs", "scenario", ["run", "base"], {SOLVENCY_RAW: raw}, 1, /^bad raw data \(1 problem\): sources\.csv, row 1 \(line 2\), field "title": starts with "=", which a spreadsheet reads as a formula/],
    ["claims: an unknown format", "claims", ["--format", "xml"], {}, 2, /^--format must be text or json, not "xml"$/],
    ["claims: bad raw CSVs", "claims", [], {SOLVENCY_RAW: raw}, 1, /^bad raw data \(1 problem\)/],
    ["companyfacts: no file", "companyfacts", ["/nonexistent.json", "acme"], {}, 2, /^FILE "\/nonexistent\.json": cannot read it \(no such file or folder\)$/],
    ["companyfacts: a file that is not companyfacts", "companyfacts", ["package.json", "acme", "--out", tmpdir()], {}, 1, /^"package\.json" is not an SEC companyfacts file: cik: /],
    ["data:refresh: an unknown company", "data-refresh", ["acme"], {}, 2, /^"acme" is not a company this knows the SEC's number \(CIK\) of; known: coreweave$/],
    ["data:refresh: --copy-of without --file", "data-refresh", ["coreweave", "--copy-of", "https://example.com/x.json"], {}, 2, /^--copy-of names where --file was copied from: give --file too$/],
    ["data:refresh: an unknown option", "data-refresh", ["coreweave", "--wrte"], {}, 2, /^unexpected "--wrte"; the options here are --write, --file VALUE, --copy-of VALUE, --root VALUE$/]
  ];
  for (const [what, script, args, env, code, line] of cases) {
    it(`${what}: one line on stderr, exit code ${code}, no stack trace`, () => {
      const result = run(script, args, env);
      expect(result.status).toBe(code);
      expect(result.stderr.split("\n")).toEqual([expect.stringMatching(line), ""]);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("prints the stack as well with --debug", () => {
    const result = run("scenario", ["fork", "base", "../../x", "--debug"]);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toMatch(/^NEW "\.\.\/\.\.\/x" is not a scenario name/);
    expect(result.stderr).toMatch(/\n\s+at .*cli\/scenario\.ts/);
  });
});
