/**
 * The inputs beside the charts: a panel on the left (sticky on a wide screen, above the
 * charts on a narrow one; see story.css) and the live summary, notes and charts on the right,
 * so that moving an input and watching the charts fit on one screen.
 */
export function workbench(inputs: HTMLElement, column: readonly HTMLElement[]): HTMLElement {
  const root = Object.assign(document.createElement("div"), {className: "workbench"});
  const panel = Object.assign(document.createElement("aside"), {className: "inputs-panel"});
  panel.setAttribute("aria-label", "Inputs");
  panel.append(Object.assign(document.createElement("h2"), {className: "inputs-title", textContent: "Inputs"}), inputs);
  const charts = Object.assign(document.createElement("div"), {className: "workbench-charts"});
  charts.append(...column);
  root.append(panel, charts);
  return root;
}

/** The live outcome, one line a figure, each figure in bold. */
export function summaryLines(summary: {firstDefault: string; fundingGap: string; ponzi: string; ponziAfterMaintenance: string; lowestCoverage: string} | null): HTMLElement[] {
  const lines: Array<[string, string | undefined]> = [
    ["First quarter it cannot pay (the first with a funding gap)", summary?.firstDefault],
    ["Largest funding gap (what no source covers, in all)", summary?.fundingGap],
    ["Quarters in Ponzi finance (operating cash flow short of interest)", summary?.ponzi],
    ["Quarters in Ponzi after maintenance capex (operating cash flow less the cost of replacing worn-out GPUs, short of interest)", summary?.ponziAfterMaintenance],
    ["Lowest interest coverage (EBITDA / interest)", summary?.lowestCoverage]
  ];
  return lines.map(([label, value]) => {
    const line = Object.assign(document.createElement("p"), {textContent: `${label}: `});
    line.append(Object.assign(document.createElement("strong"), {textContent: value ?? "—"}), ".");
    return line;
  });
}
