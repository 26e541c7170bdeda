// Emits base-case.json: the base case's model input and the provenance of each figure.
import {companyTables} from "../../data-loaders/dataset.js";
import {baseCase} from "../scenario/base-case.js";

const tables = companyTables();
process.stdout.write(JSON.stringify(baseCase(tables.financials, tables.facilities, tables.discounts, tables.issuances, tables.commitments)));
