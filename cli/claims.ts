import {checkedClaims} from "./claims-data.js";

/**
 * npm run claims [-- --format json]: the debate's claims with the verdicts the claims page
 * shows, computed from the same dataset.
 */
const json = process.argv.includes("--format") && process.argv[process.argv.indexOf("--format") + 1] === "json";
const claims = checkedClaims();
if (json) {
  process.stdout.write(JSON.stringify(claims, null, 1) + "\n");
} else {
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
  process.stdout.write(lines.join("\n"));
}
