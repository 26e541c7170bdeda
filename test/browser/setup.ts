import {execFileSync} from "node:child_process";
import {chromiumPath} from "../../scripts/chromium.js";

/** Before the tests: Chromium (installed if missing, as root) and a fresh build of dist/. */
export default function setup(): void {
  chromiumPath();
  execFileSync("npm", ["run", "build"], {stdio: ["ignore", "ignore", "inherit"], env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
}
