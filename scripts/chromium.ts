import {debianCommand} from "./debian-package.js";

/** Debian's Chromium, for the browser tests and the paint benchmark. */
export function chromiumPath(): string {
  return debianCommand("chromium", "chromium", "the browser tests");
}
