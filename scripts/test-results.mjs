// Where each package's vitest JSON reports go, shared by the scripts that
// write, clean and total them. Vitest resolves --outputFile against the
// package directory, so each package keeps its reports in its own
// .test-results/ folder (git-ignored) and one glob finds them all.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** vitest arguments that add a JSON report for `suite` ("pglite" or "postgres"). */
export function reporterArgs(suite) {
  return ["--reporter=default", "--reporter=json", `--outputFile.json=.test-results/${suite}.json`];
}

/** Every workspace directory (packages/*, apps/*). */
export function workspaceDirs() {
  return ["packages", "apps"].flatMap((group) => {
    const dir = join(root, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "package.json")))
      .map((entry) => join(dir, entry.name));
  });
}
