import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Migrating and seeding a database costs seconds; copying a finished one costs
// milliseconds (PostgreSQL) or about a second (loading a PGlite dump). So a test
// run makes each template once, in vitest's global setup (global-setup.ts),
// and tells every worker process where they are through one environment
// variable naming a directory. Without it (a test file run by hand with
// another runner) each process builds its own templates, as slowly as before.

/**
 * What a test database starts as.
 *
 * @example
 * const state: TestDatabaseState = "seeded"; // createTestDatabase({ seed: true })
 */
export type TestDatabaseState = "empty" | "migrated" | "seeded";

/**
 * Which server the tests of this process (or of the given environment) run on.
 *
 * @example
 * describe(`products on ${testDatabaseKind()}`, () => { ... }); // "pglite" or "postgres"
 */
export function testDatabaseKind(env: NodeJS.ProcessEnv = process.env): "pglite" | "postgres" {
  return env.TUSK_TEST_DATABASE === "postgres" ? "postgres" : "pglite";
}

/** Every state, each built from the one before. */
export const TEMPLATE_STATES = [
  "empty",
  "migrated",
  "seeded",
] as const satisfies readonly TestDatabaseState[];

/** The environment variable naming the directory of this run's templates. */
export const TEMPLATES_ENV = "TUSK_TEST_TEMPLATES";

/** The PostgreSQL template database of each state that has one ("empty" is the server's own). */
export type PostgresTemplates = Partial<Record<TestDatabaseState, string>>;

/** The directory of this run's templates, if the global setup made one. */
export function sharedTemplatesDir(): string | undefined {
  return process.env[TEMPLATES_ENV] || undefined;
}

/** Where the PGlite data-directory dump of `state` is kept in `dir`. */
export function pgliteTemplateFile(dir: string, state: TestDatabaseState): string {
  return join(dir, `pglite-${state}.tar`);
}

/** Where the names of the PostgreSQL template databases are kept in `dir`. */
export function postgresTemplatesFile(dir: string): string {
  return join(dir, "postgres.json");
}

/** The shared PGlite dump of `state`, if this run has one. */
export function readSharedPGliteTemplate(state: TestDatabaseState): Blob | undefined {
  const dir = sharedTemplatesDir();
  const file = dir && pgliteTemplateFile(dir, state);
  return file && existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** The shared PostgreSQL template database of `state`, if this run has one. */
export function sharedPostgresTemplate(state: TestDatabaseState): string | undefined {
  const dir = sharedTemplatesDir();
  const file = dir && postgresTemplatesFile(dir);
  if (!file || !existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as PostgresTemplates)[state];
}
