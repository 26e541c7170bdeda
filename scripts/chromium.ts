import {execSync} from "node:child_process";
import {existsSync} from "node:fs";

/**
 * The browser tests and the paint benchmark need Debian's Chromium (never a browser that
 * a tool downloads). When it is missing and we run as root (CI, a fresh machine), install
 * it; otherwise stop with a message that names the package. Never skip.
 */
export function chromiumPath(): string {
  const found = (() => { try { return execSync("command -v chromium", {encoding: "utf8"}).trim(); } catch { return ""; } })();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log("Installing Debian's chromium package for the browser tests…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {stdio: "inherit"});
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error("The browser tests need Debian's chromium package: run `apt-get install chromium` as root, then `npm test` again.");
}

