// Emits maturities.json: see data-loaders/. A bad raw row throws before anything is written. It is also
// the Data page's JSON download, so formula-like text is made safe (safe-cells.ts; the raw
// schema refuses such text, so the page reads what the sources print).
import {companyTables} from "../../data-loaders/dataset.js";
import {safeJson} from "../readings/safe-cells.js";

process.stdout.write(safeJson(companyTables().maturities));
