// Emits maturities.csv, the same rows as maturities.json, for spreadsheets.
import {csvFormat} from "d3-dsv";
import {companyTables} from "../../data-loaders/dataset.js";

process.stdout.write(csvFormat(companyTables().maturities));
