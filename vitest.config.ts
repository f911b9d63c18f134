/**
 * The root test run (`npm test`, or `npx vitest run` here): every workspace is a project of one
 * vitest process, so the workers, the transform cache and the template databases are shared by
 * all of them. TUSK_TEST_SUITES=pglite,postgres adds a PostgreSQL project for each workspace with
 * a `test:postgres` script, holding its `*.db.test.ts` files (scripts/test.mjs sets it when a
 * server answers). Inside a workspace, `npx vitest run` still runs that workspace alone.
 */
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { workspaceDirs } from "./scripts/test-results.mjs";

interface Workspace {
  readonly dir: string;
  readonly name: string;
  readonly scripts: Record<string, string>;
}

const workspaces: Workspace[] = workspaceDirs().map((dir: string) => {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return { dir, name: manifest.name, scripts: manifest.scripts ?? {} };
});

const suites = (process.env.TUSK_TEST_SUITES ?? "pglite").split(",");

function project(workspace: Workspace, suite: "pglite" | "postgres"): TestProjectInlineConfiguration {
  const config = join(workspace.dir, "vitest.config.ts");
  // Without one, `npx vitest run` inside the workspace would find this file and run everything.
  if (!existsSync(config)) throw new Error(`${workspace.name} has tests but no vitest.config.ts`);
  return {
    extends: config,
    test: {
      name: suite === "postgres" ? `${workspace.name} (postgres)` : workspace.name,
      root: workspace.dir,
      // Set either way: the workers inherit this process's environment.
      env: { TUSK_TEST_DATABASE: suite },
      // A worker keeps the modules it loaded (Prisma, graphql, PGlite) from one file to the next
      // instead of importing them again: about half the CPU time of a run. Test files share no
      // state but their modules' own.
      isolate: false,
      ...(suite === "postgres" ? { include: ["**/*.db.test.ts"] } : {}),
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      ...workspaces.filter((w) => w.scripts.test).map((w) => project(w, "pglite")),
      ...(suites.includes("postgres")
        ? workspaces.filter((w) => w.scripts["test:postgres"]).map((w) => project(w, "postgres"))
        : []),
    ],
    // One worker per core; vitest's default leaves one core to its main process.
    maxWorkers: availableParallelism(),
    reporters: ["default", fileURLToPath(new URL("test-support/workspace-reports.ts", import.meta.url))],
  },
});
