import {GLOSSARY, type GlossaryTerm} from "../../readings/glossary.js";

/**
 * The glossary's definitions of the terms a chart uses, under it: one line naming the terms,
 * each defined on hover (`definedTerm`), that opens onto the definitions in full. Written out
 * under every chart, they pushed the charts a screen apart.
 */
export function glossaryNote(terms: readonly GlossaryTerm[]): HTMLElement {
  const details = document.createElement("details");
  details.className = "glossary";
  const summary = document.createElement("summary");
  summary.append("Terms: ");
  terms.forEach((key, i) => summary.append(...(i ? [", "] : []), definedTerm(key)));
  const list = document.createElement("dl");
  for (const key of terms) {
    const {term, definition} = GLOSSARY[key];
    list.append(Object.assign(document.createElement("dt"), {textContent: term}), Object.assign(document.createElement("dd"), {textContent: definition}));
  }
  details.append(summary, list);
  return details;
}

/** A term in prose, marked with its definition: `<abbr title="…">DSCR</abbr>`. */
export function definedTerm(key: GlossaryTerm, text: string = GLOSSARY[key].term): HTMLElement {
  return Object.assign(document.createElement("abbr"), {title: GLOSSARY[key].definition, textContent: text});
}
