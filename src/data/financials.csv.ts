// Emits financials.csv, the same rows as financials.json, for spreadsheets: no cell is a formula (safe-cells.ts).
import {companyTables} from "../../data-loaders/dataset.js";
import {safeCsv} from "../readings/safe-cells.js";

process.stdout.write(safeCsv(companyTables().financials));
