import {GLOSSARY, type GlossaryTerm} from "../../readings/glossary.js";

/** The glossary's definitions of some terms, as a footnote: a definition list, text only. */
export function glossaryNote(terms: readonly GlossaryTerm[]): HTMLElement {
  const list = document.createElement("dl");
  list.className = "glossary";
  for (const key of terms) {
    const {term, definition} = GLOSSARY[key];
    list.append(Object.assign(document.createElement("dt"), {textContent: term}), Object.assign(document.createElement("dd"), {textContent: definition}));
  }
  return list;
}

/** A term in prose, marked with its definition: `<abbr title="…">DSCR</abbr>`. */
export function definedTerm(key: GlossaryTerm, text: string = GLOSSARY[key].term): HTMLElement {
  return Object.assign(document.createElement("abbr"), {title: GLOSSARY[key].definition, textContent: text});
}
