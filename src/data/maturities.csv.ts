// Emits maturities.csv, the same rows as maturities.json, for spreadsheets: no cell is a formula (safe-cells.ts).
import {companyTables} from "../../data-loaders/dataset.js";
import {safeCsv} from "../readings/safe-cells.js";

process.stdout.write(safeCsv(companyTables().maturities));
