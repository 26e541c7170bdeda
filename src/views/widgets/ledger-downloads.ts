import type Decimal from "decimal.js";
import type {Projection} from "../../model/index.js";
import {ledgerCsv, ledgerJson, ledgerRecords} from "../../readings/ledger-export.js";

/** Links that download the ledger as it stands, built from Blobs (no request is made); no cell of either is a formula. */
export function ledgerDownloads(projection: Projection<Decimal>): HTMLElement {
  const records = ledgerRecords(projection);
  const paragraph = document.createElement("p");
  paragraph.className = "downloads";
  paragraph.append("Download this ledger: ");
  for (const [label, type, text] of [["CSV", "text/csv", ledgerCsv(records)], ["JSON", "application/json", ledgerJson(records)]] as const) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], {type}));
    link.download = `ledger.${label.toLowerCase()}`;
    link.textContent = label;
    link.className = `download-${label.toLowerCase()}`;
    paragraph.append(link, " ");
  }
  return paragraph;
}
