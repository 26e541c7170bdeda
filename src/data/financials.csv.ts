// Emits financials.csv, the same rows as financials.json, for spreadsheets.
import {csvFormat} from "d3-dsv";
import {companyTables} from "../../data-loaders/dataset.js";

process.stdout.write(csvFormat(companyTables().financials));
