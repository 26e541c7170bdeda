import {execSync} from "node:child_process";

/**
 * A command from one of Debian's packages, which the tests and benchmarks need (never a
 * program some tool downloads). When it is missing and we run as root (CI, a fresh
 * machine), the package is installed; otherwise the error names the package and what needs
 * it. Never skipped.
 */
export function debianCommand(command: string, pkg: string, neededBy: string, aptOptions = ""): string {
  const find = () => { try { return execSync(`command -v ${command}`, {encoding: "utf8"}).trim(); } catch { return ""; } };
  const found = find();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log(`Installing Debian's ${pkg} package for ${neededBy}…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${aptOptions ? `${aptOptions} ` : ""}${pkg}`, {stdio: "inherit"});
    const installed = find();
    if (installed) return installed;
  }
  throw new Error(`${neededBy[0]!.toUpperCase()}${neededBy.slice(1)} need Debian's ${pkg} package: run \`apt-get install ${aptOptions ? `${aptOptions} ` : ""}${pkg}\` as root, then \`npm test\` again.`);
}
