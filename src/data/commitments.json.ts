// Emits commitments.json: see data-loaders/. A bad raw row throws before anything is written.
import {companyTables} from "../../data-loaders/dataset.js";

process.stdout.write(JSON.stringify(companyTables().commitments));
