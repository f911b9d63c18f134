/**
 * Vitest global setup: makes this run's test database templates once, before
 * any worker starts, and removes them after the last test. Workers find them
 * through TUSK_TEST_TEMPLATES (see templates.ts), which they inherit.
 *
 * Every project of a root run (PGlite and PostgreSQL alike) may list this
 * file; they share one directory and build each kind of template once. A
 * project without `*.db.test.ts` files builds nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { TEMPLATES_ENV, testDatabaseKind } from "./templates.ts";

type Kind = ReturnType<typeof testDatabaseKind>;

interface RunTemplates {
  readonly dir: string;
  /** Projects whose teardown has not run yet; the last one removes everything. */
  users: number;
  readonly built: Map<Kind, Promise<() => Promise<void>>>;
}

// Each project loads this module afresh, but they all run in vitest's main process.
const RUN = Symbol.for("tusk.testTemplates");
const scope = globalThis as { [RUN]?: RunTemplates };

// Imported when needed, so that projects without database tests never load PGlite or Prisma.
async function buildTemplates(kind: Kind, dir: string): Promise<() => Promise<void>> {
  if (kind === "postgres") return (await import("./postgres.ts")).writePostgresTemplates(dir);
  await (await import("./pglite.ts")).writePGliteTemplates(dir);
  return async () => {};
}

async function hasDatabaseTests(project: TestProject): Promise<boolean> {
  const { testFiles } = await project.globTestFiles();
  return testFiles.some((file) => file.endsWith(".db.test.ts"));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!(await hasDatabaseTests(project))) return undefined;
  const kind = testDatabaseKind({ ...process.env, ...project.config.env });
  let run = scope[RUN];
  if (!run) {
    run = { dir: mkdtempSync(join(tmpdir(), "tusk-test-templates-")), users: 0, built: new Map() };
    scope[RUN] = run;
    process.env[TEMPLATES_ENV] = run.dir;
  }
  run.users += 1;
  let built = run.built.get(kind);
  if (!built) {
    built = buildTemplates(kind, run.dir);
    run.built.set(kind, built);
  }
  try {
    await built;
  } catch (error) {
    run.users -= 1;
    throw error;
  }
  const current = run;
  return async () => {
    current.users -= 1;
    if (current.users > 0) return;
    delete scope[RUN];
    delete process.env[TEMPLATES_ENV];
    for (const pending of current.built.values()) await (await pending)();
    rmSync(current.dir, { recursive: true, force: true });
  };
}
