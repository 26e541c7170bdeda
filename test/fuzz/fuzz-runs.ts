import fc from "fast-check";

/**
 * How the fuzz properties run: a fixed seed in CI (or the one FC_SEED names, to replay a
 * failure), a new one elsewhere. fast-check prints the seed and the shrunk counterexample
 * of a failure, so any run can be replayed with FC_SEED=<seed>.
 */
export const FUZZ_SEED = process.env["FC_SEED"] ? Number(process.env["FC_SEED"]) : process.env["CI"] ? 20261125 : undefined;

export function fuzzRuns<T>(numRuns: number): fc.Parameters<T> {
  return FUZZ_SEED === undefined ? {numRuns} : {numRuns, seed: FUZZ_SEED};
}

/** Text a hostile user types: formulas, markup, paths, shell, prototype keys, control characters, huge or odd numbers. */
export const HOSTILE_TEXT = [
  "", " ", "-", "--", "=", "=1+1", '=HYPERLINK("http://example.com","x")', "+1+2", "-1+2", "@SUM(1,2)", "\t=1", "\r=1",
  "<script>alert(1)</script>", "../../x", "/etc/passwd", "a/b", "x;rm -rf ~", "$(touch pwned)", "`id`", "Base", "é", "\u0000", "\n", "\u001b[31m",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty",
  "NaN", "Infinity", "-Infinity", "1e309", "-0", "0x10", "1_000", "1,000", " 5", "5 ", "1=2", "9".repeat(400), "0.".padEnd(400, "1"), "x".repeat(5000)
] as const;

export const hostileText = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT)},
  {weight: 1, arbitrary: fc.string({maxLength: 40})},
  {weight: 1, arbitrary: fc.string({unit: "binary", maxLength: 20})}
);
