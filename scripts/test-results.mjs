// Where each package's test reports go, shared by the scripts that clean and
// total them and by the root vitest config: each package keeps its reports in
// its own .test-results/ folder (git-ignored), written by
// test-support/workspace-reports.ts, and one glob finds them all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every workspace directory (packages/*, apps/*, deploy). */
export function workspaceDirs() {
  // The root package.json's `workspaces`: `group/*` patterns and plain directories.
  const { workspaces } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith("/*"))
      return existsSync(join(root, pattern, "package.json")) ? [join(root, pattern)] : [];
    const dir = join(root, pattern.slice(0, -2));
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "package.json")))
      .map((entry) => join(dir, entry.name));
  });
}
