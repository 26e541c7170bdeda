/**
 * Sentences a cell writes, as the page's prose: Framework's `display` shows a bare string
 * as a value (in quotes, monospaced), never as text. Text only: nothing becomes markup.
 */
export function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement("p");
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/** A remark the reader should not miss (what the figures cannot yet show), in Framework's note box. */
export function notice(text: string): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "note";
  box.setAttribute("role", "note");
  box.append(paragraph(text));
  return box;
}
