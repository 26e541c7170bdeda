import {execFileSync} from "node:child_process";
import {existsSync, renameSync, rmSync} from "node:fs";
import {resolve} from "node:path";
import {fileURLToPath} from "node:url";

/**
 * npm run build: the report is built into a staging folder, and swapped into dist/ only once
 * every step has succeeded. A failed build (a bad raw CSV, a page that does not compile)
 * leaves the previous dist/ as it was and removes the staging folder; Framework itself
 * clears its output folder first, so building into dist/ directly would leave half a report.
 */
export interface BuildStep {
  readonly name: string;
  /** A program and its arguments; `{staging}` in an argument is the staging folder. */
  readonly command: readonly [string, ...string[]];
}

export interface BuildPlan {
  readonly steps: readonly BuildStep[];
  /** Where the steps write; inside the working folder (Framework clears only an output folder within it). */
  readonly staging: string;
  /** The folder the report is published in. */
  readonly target: string;
  /** The working folder the steps run in. */
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

export class BuildError extends Error {
  override name = "BuildError";
}

/** Runs the steps into `staging`; on success, `staging` becomes `target` (the old one removed); on failure, `target` is untouched. */
export function buildAndSwap(plan: BuildPlan): void {
  const staging = resolve(plan.cwd, plan.staging), target = resolve(plan.cwd, plan.target);
  const previous = `${target}.previous`;
  rmSync(staging, {recursive: true, force: true});
  for (const step of plan.steps) {
    const [program, ...args] = step.command.map((part) => part.replaceAll("{staging}", staging)) as [string, ...string[]];
    try {
      execFileSync(program, args, {cwd: plan.cwd, stdio: ["ignore", "inherit", "inherit"], env: {...process.env, ...plan.env, SOLVENCY_BUILD_OUTPUT: staging}});
    } catch (error) {
      rmSync(staging, {recursive: true, force: true});
      const status = (error as {status?: number | null}).status;
      throw new BuildError(`the build failed at "${step.name}"${status ? ` (exit code ${status})` : ""}; ${plan.target}/ is as it was`);
    }
  }
  if (!existsSync(staging)) throw new BuildError(`the build wrote nothing to ${plan.staging}; ${plan.target}/ is as it was`);
  // Two renames on one file system: the old report is whole until the new one takes its name.
  rmSync(previous, {recursive: true, force: true});
  if (existsSync(target)) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, {recursive: true, force: true});
}

/** The project's build: Framework's pages, then the one-file reports beside them. */
export const PROJECT_BUILD: readonly BuildStep[] = [
  {name: "observable build", command: [fileURLToPath(new URL("../node_modules/.bin/observable", import.meta.url)), "build"]},
  {name: "one-file reports", command: [process.execPath, "--import", "tsx", "scripts/one-file-report.ts", "{staging}"]}
];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../", import.meta.url));
  // Loaders' results are cached by Framework: a stale one would hide a broken raw file.
  rmSync(resolve(root, "src/.observablehq/cache"), {recursive: true, force: true});
  try {
    buildAndSwap({steps: PROJECT_BUILD, staging: ".dist-staging", target: "dist", cwd: root, env: {OBSERVABLE_TELEMETRY_DISABLE: "true"}});
    console.log("built dist/");
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
