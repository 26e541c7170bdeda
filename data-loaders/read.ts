import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {RAW_FILE_NAMES, validateCompany, type RawFiles, type ValidatedCompany} from "./validate.js";

/** Where each company's raw files live: data-loaders/raw/<company>/. */
export const RAW_ROOT = fileURLToPath(new URL("./raw/", import.meta.url));

/** The I/O edge: reads a company's raw files and validates them. */
export function readCompany(company: string, root = RAW_ROOT): ValidatedCompany {
  const files = Object.fromEntries(RAW_FILE_NAMES.map((name) => [name, readFileSync(join(root, company, name), "utf8")])) as unknown as RawFiles;
  return validateCompany(files);
}
