// Emits hindcast.json: the base case as built from the figures held at 2025-09-30, against what was reported since.
import {companyTables} from "../../data-loaders/dataset.js";
import {hindcast} from "../scenario/hindcast.js";

process.stdout.write(JSON.stringify(hindcast(companyTables(), "2025-09-30")));
