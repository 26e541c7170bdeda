import type {ClaimCheck} from "../../claims/claims.js";
import {safeHref, scrollBox} from "./records-table.js";

const VERDICT_TEXT: Record<ClaimCheck["verdict"], string> = {
  "supported": "Supported",
  "not supported": "Not supported",
  "partly": "Partly",
  "undecided": "The figures here do not decide it"
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/**
 * What the verdicts' colours mean, shown once above the claims: the colour says whether the
 * figures bear a claim out (green) or not (red), not whether that is good news for the company.
 */
export function verdictLegend(): HTMLElement {
  const legend = el("p", {className: "verdict-legend"}, "Verdicts: ");
  for (const [i, verdict] of (Object.keys(VERDICT_TEXT) as Array<ClaimCheck["verdict"]>).entries()) {
    if (i > 0) legend.append(" ");
    legend.append(el("strong", {className: `verdict-key verdict-key-${verdict.replace(" ", "-")}`}, VERDICT_TEXT[verdict]));
  }
  legend.append(el("span", {className: "verdict-legend-note"}, " — the colour says whether the figures bear the claim out, not whether that is good or bad news for the company."));
  return legend;
}

/**
 * One claim as an article section: the claim, its computed verdict, the explanation, the
 * figures it rests on (each linked to its document), what is missing, and for the claims
 * about the future the model's answer. Text only: nothing from the data becomes markup.
 */
export function claimView(c: ClaimCheck): HTMLElement {
  const section = el("section", {className: `claim verdict-${c.verdict.replace(" ", "-")}`, id: `claim-${c.id}`});
  section.append(
    el("h2", {}, `${c.id}. “${c.claim.replace(/\.$/, "")}”`),
    el("p", {className: "verdict"}, el("strong", {}, VERDICT_TEXT[c.verdict]), c.restsOnArticles ? " — resting in part on articles' reports of the filings, not yet on the filings themselves" : "",
      c.changedFrom ? el("span", {className: "verdict-changed"}, ` — changed with the 2026 filings (on the figures to ${c.changedFrom.asOf}: ${VERDICT_TEXT[c.changedFrom.verdict].toLowerCase()})`) : ""),
    el("p", {}, c.explanation)
  );
  if (c.evidence.length) {
    const list = el("ul", {className: "evidence"});
    for (const e of c.evidence) {
      const href = safeHref(e.url);
      const source = href ? el("a", {href, rel: "noopener"}, e.source_id) : el("span", {}, e.source_id);
      // A derived quarter has no document of its own: its locator names the periods it is the difference of.
      list.append(e.kind === "derived"
        ? el("li", {}, `${e.label}: `, el("strong", {}, e.value), ` (${e.period}; derived: ${e.locator})`)
        : el("li", {}, `${e.label}: `, el("strong", {}, e.value), ` (${e.period}; ${e.kind.replace("_", " ")} `, source, `, ${e.locator})`));
    }
    section.append(el("p", {}, "The figures:"), list);
  }
  if (c.missing.length) section.append(el("p", {className: "missing"}, `Not in the dataset yet: ${c.missing.join("; ")}.`));
  if (c.model) {
    const rows = c.model.scenarios.map((s) => el("tr", {},
      el("td", {}, s.title),
      el("td", {className: "numeric"}, `${s.ponziQuarters.length} of ${s.quarters}`),
      el("td", {}, s.ponziQuarters.length ? `${s.ponziQuarters[0]} to ${s.ponziQuarters.at(-1)}` : "none"),
      el("td", {}, s.firstCannotPay ?? "never")));
    section.append(
      el("p", {}, "The model's answer: under each scenario, the quarters in which operating cash flow falls short of interest (Ponzi finance, i.e. borrowing to pay interest), and the first quarter it cannot pay at all."),
      scrollBox(el("table", {className: "records"},
        el("thead", {}, el("tr", {}, ...["Scenario", "Quarters in Ponzi finance", "Which", "Cannot pay from"].map((h) => el("th", {scope: "col"}, h)))),
        el("tbody", {}, ...rows)), `Claim ${c.id}: the model's answer under each scenario`),
      el("p", {}, "What would make it true, under the base scenario (other inputs held):"),
      el("ul", {}, ...c.model.thresholds.map((t) => el("li", {}, `${t.question} ${t.answer}`)))
    );
  }
  return section;
}
