import {execFileSync} from "node:child_process";
import {chromiumPath} from "../../scripts/chromium.js";
import {sofficePath} from "../workbook/libreoffice.js";

/**
 * Before the tests: Chromium and LibreOffice (each installed if missing, as root, once
 * here rather than by test files running in parallel) and a fresh build of dist/.
 */
export default function setup(): void {
  chromiumPath();
  sofficePath();
  execFileSync("npm", ["run", "build"], {stdio: ["ignore", "ignore", "inherit"], env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
}
