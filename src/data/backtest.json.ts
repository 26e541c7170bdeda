// Emits backtest.json: the engine's interest against the reported figure, by quarter.
import {backtest} from "../scenario/backtest.js";
import {companyTables} from "../../data-loaders/dataset.js";

const tables = companyTables();
process.stdout.write(JSON.stringify(backtest(tables.facilities, tables.financials, tables.discounts, tables.issuances)));
