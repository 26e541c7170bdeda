// Emits coverage.json: which line items the dataset holds for which quarters.
import {coverage} from "../../data-loaders/coverage.js";
import {companyTables} from "../../data-loaders/dataset.js";

process.stdout.write(JSON.stringify(coverage(companyTables().financials)));
