import {checkedClaims} from "./claims-data.js";
import {parseOptions, quote, runCommandLine, UsageError} from "./command-line.js";

/**
 * npm run claims [-- --format text|json]: the debate's claims with the verdicts the claims
 * page shows, computed from the same dataset. A bad invocation or bad data is one line on
 * stderr (see command-line.ts).
 */
export function main(args: readonly string[]): string {
  const {format = "text"} = parseOptions(args, {format: "value"});
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not ${quote(format)}`);
  const claims = checkedClaims();
  if (format === "json") return JSON.stringify(claims, null, 1);
  const lines: string[] = [];
  for (const c of claims) {
    lines.push(`${c.id}. ${c.claim}`, `   Verdict: ${c.verdict.toUpperCase()}${c.restsOnArticles ? " (rests in part on articles' reports of the filings)" : ""}`, `   ${c.explanation}`);
    for (const e of c.evidence) lines.push(`   - ${e.label}: ${e.value} (${e.period}; ${e.kind} ${e.source_id}, ${e.locator})`);
    if (c.missing.length) lines.push(`   Missing: ${c.missing.join("; ")}`);
    if (c.model) {
      for (const s of c.model.scenarios) lines.push(`   Model, ${s.title}: ${s.ponziQuarters.length} of ${s.quarters} quarters in Ponzi finance${s.ponziQuarters.length ? ` (${s.ponziQuarters[0]}…${s.ponziQuarters.at(-1)})` : ""}; cannot pay from ${s.firstCannotPay ?? "never"}.`);
      for (const t of c.model.thresholds) lines.push(`   ${t.question} ${t.answer}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) await runCommandLine(main);
