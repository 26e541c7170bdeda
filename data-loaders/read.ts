import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {RAW_FILE_NAMES, validateCompany, type RawFiles, type ValidatedCompany} from "./validate.js";

/** Where each company's raw files live: data-loaders/raw/<company>/ (or the folder SOLVENCY_RAW names, e.g. for tests). */
export const RAW_ROOT = process.env["SOLVENCY_RAW"] ?? fileURLToPath(new URL("./raw/", import.meta.url));

/** The I/O edge: a company's raw files, as text. */
export function readRawFiles(company: string, root = RAW_ROOT): RawFiles {
  return Object.fromEntries(RAW_FILE_NAMES.map((name) => [name, readFileSync(join(root, company, name), "utf8")])) as unknown as RawFiles;
}

/** A company's raw files, read and validated. */
export function readCompany(company: string, root = RAW_ROOT): ValidatedCompany {
  return validateCompany(readRawFiles(company, root));
}
