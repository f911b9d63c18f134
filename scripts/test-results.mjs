// Where each package's test reports go, shared by the scripts that clean and
// total them and by the root vitest config: each package keeps its reports in
// its own .test-results/ folder (git-ignored), written by
// test-support/workspace-reports.ts, and one glob finds them all.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

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
