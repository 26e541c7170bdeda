import type {VerdictReading} from "../../readings/verdict.js";

/**
 * The answer at the top of the story page: its sentences, what the dataset lacks for them,
 * and a row of figure cards (Framework's `grid grid-cols-4` and `card`), each saying which
 * quarters it covers and linking to its source or definition. Text only: nothing here is
 * put into the page as markup.
 */
export function verdictView(reading: VerdictReading): HTMLElement {
  const section = Object.assign(document.createElement("section"), {className: "verdict"});
  section.setAttribute("aria-label", "The answer, from the figures");
  const [lead, ...rest] = reading.sentences;
  // The lead answers the question; the rest say how the building is paid for and what the projection adds.
  const answer = Object.assign(document.createElement("div"), {className: "verdict-answer"});
  const leadLine = Object.assign(document.createElement("p"), {className: "verdict-lead"});
  leadLine.append(Object.assign(document.createElement("strong"), {textContent: lead ?? ""}));
  answer.append(leadLine, Object.assign(document.createElement("p"), {textContent: rest.join(" ")}));
  section.append(answer);
  if (reading.missing) section.append(Object.assign(document.createElement("p"), {className: "verdict-missing", textContent: reading.missing}));
  const grid = Object.assign(document.createElement("div"), {className: "grid grid-cols-4 verdict-cards"});
  for (const card of reading.cards) {
    const box = Object.assign(document.createElement("div"), {className: `card card-${card.key}`});
    const covers = Object.assign(document.createElement("p"), {className: "card-covers", textContent: `${card.covers}. `});
    covers.append(Object.assign(document.createElement("a"), {href: card.href, textContent: card.linkText}));
    box.append(
      Object.assign(document.createElement("h2"), {textContent: card.title}),
      Object.assign(document.createElement("span"), {className: "big card-value", textContent: card.value}),
      Object.assign(document.createElement("p"), {className: "card-note", textContent: card.note}),
      covers
    );
    grid.append(box);
  }
  section.append(grid);
  return section;
}
