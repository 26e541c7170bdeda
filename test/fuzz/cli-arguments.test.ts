import fc from "fast-check";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {INPUT_KEYS} from "../../src/scenario/inputs-table.js";
import {answer, sandbox} from "../cli/harness.js";
import {fuzzRuns, hostileText} from "./fuzz-runs.js";

/**
 * `npm run scenario -- …` with argument vectors a hostile or careless user types, run
 * in-process (the command line's main, as its process runs it) in a folder of its own. Each
 * run either succeeds or fails with one line and exit code 1 or 2, never with an error no
 * check foresaw; it writes nowhere but its working folder; its output holds no NaN.
 */
const COMMANDS = ["list", "run", "fork", "diff", "simulate", "export", "schema"] as const;
const NAMES = ["base", "rates-up-300bp", "growth-halves", "no-such", "mine"] as const;
const FLAGS = ["--format", "--json", "--set", "--paths", "--seed", "--quarters", "--xlsx", "--debug", "--colour"] as const;
// Small path counts only: a simulation's default 10,000 paths would take the test's time.
const VALUES = ["table", "csv", "json", "xml", "0", "1", "12", "20", "-1", "1e3", "abc", "4294967296", "100001"] as const;
// Where --xlsx may point: inside the working folder, existing or not, a file or a folder.
const TARGETS = ["out.xlsx", "missing/out.xlsx", "scenarios", ".", "scenarios/extra.xlsx", "base.xlsx/"] as const;
const KEYS = [...INPUT_KEYS, "revenueLostPct", "__proto__", "constructor", "toString", ""] as const;
const NUMBERS = ["0", "1", "-1", "2.5", "-2.5", "150", "3000", "601", "99999999", "1=2", "0x10", " 5", "1e3", "", "NaN", "9".repeat(400)] as const;

/** Mostly one of `good`, sometimes any value. */
const mostly = (good: readonly string[]) => fc.oneof({weight: 3, arbitrary: fc.constantFrom(...good)}, {weight: 1, arbitrary: fc.constantFrom(...VALUES)});
const name = fc.oneof({weight: 4, arbitrary: fc.constantFrom(...NAMES)}, {weight: 1, arbitrary: hostileText});
const setPair = fc.tuple(fc.constantFrom(...KEYS), fc.oneof({weight: 4, arbitrary: fc.constantFrom(...NUMBERS)}, {weight: 1, arbitrary: hostileText})).map(([key, value]) => `${key}=${value}`);
const word = fc.oneof(name, fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES), setPair, fc.constantFrom(...TARGETS), hostileText);

/** Any words after any command. */
const anyVector = fc.tuple(fc.oneof({weight: 5, arbitrary: fc.constantFrom(...COMMANDS)}, {weight: 1, arbitrary: hostileText}), fc.array(word, {maxLength: 7}))
  .map(([command, rest]) => [command, ...rest]);
/** Near-valid commands with hostile parts, to reach the checks deep inside each. */
const nearValid = fc.oneof(
  fc.tuple(name, fc.constantFrom("mine", "no-such", "base"), fc.array(fc.oneof(fc.constantFrom("capex=3000", "rateChangeBp=100", "growthPct=5", "revenueLostPct=45"), setPair), {maxLength: 2})).map(([a, b, sets]) => ["fork", a, b, ...sets.flatMap((s) => ["--set", s])]),
  fc.tuple(name, fc.option(fc.constantFrom(...VALUES), {nil: undefined})).map(([a, format]) => ["run", a, ...(format === undefined ? [] : ["--format", format])]),
  fc.tuple(name, name).map(([a, b]) => ["diff", a, b]),
  fc.tuple(name, fc.constantFrom(...TARGETS)).map(([a, target]) => ["export", a, "--xlsx", target]),
  fc.tuple(name, mostly(["1", "12", "20"]), mostly(["1", "12", "40"])).map(([a, paths, quarters]) => ["simulate", a, "--paths", paths, "--quarters", quarters])
);
const argv = fc.oneof({weight: 3, arbitrary: anyVector}, {weight: 2, arbitrary: nearValid})
  // A simulation without --paths runs 10,000 paths: give it 20, as a user in a hurry would.
  .map((words) => (words[0] === "simulate" && !words.includes("--paths") ? [...words, "--paths", "20"] : words));

describe("npm run scenario, fuzzed", () => {
  it("answers every argument vector with its output or one line, exit 1 or 2, writing only in its folder, never NaN", async () => {
    await fc.assert(fc.asyncProperty(argv, async (words) => {
      const box = sandbox();
      const before = new Map(box.files().map((f) => [f, readFileSync(join(box.root, f), "utf8")]));
      const result = await answer(words, box.context);
      expect(result.expected, result.stderr).toBe(true);
      if (result.code === 0) {
        expect(result.stdout).not.toMatch(/\bNaN\b|Infinity/);
      } else {
        expect([1, 2]).toContain(result.code);
        expect(result.stderr.length).toBeGreaterThan(0);
        expect(result.stderr).not.toMatch(/[\n\r]/);
      }
      // Nothing outside the working folder; inside it, new files only where the command writes.
      const changed = box.files().filter((f) => !before.has(f) || before.get(f) !== readFileSync(join(box.root, f), "utf8"));
      for (const file of changed) {
        expect(file.startsWith("work/"), file).toBe(true);
        expect(result.code, `${file} written by a failed run`).toBe(0);
      }
      if (result.code === 0 && changed.some((f) => f.startsWith("work/scenarios/") && f.endsWith(".json"))) {
        // A fork writes a file the next command reads back.
        expect((await answer(["list"], box.context)).code).toBe(0);
      }
    }), fuzzRuns(150));
  });
});
