import { PGlite } from "@electric-sql/pglite";
import { type Database, type DatabaseOptions, databaseOverPGlite } from "../client.ts";
import { migrate } from "../migrate/index.ts";
import { seed } from "../seed/index.ts";

// Initialising, migrating and seeding a PGlite database costs far more than
// loading a data directory, so each test process builds one template per
// state (each from the one before: one initdb per process) and every test
// database starts as a copy of its template.

/**
 * What a test database starts as.
 *
 * @example
 * const state: TestDatabaseState = "seeded"; // createTestDatabase({ seed: true })
 */
export type TestDatabaseState = "empty" | "migrated" | "seeded";

const templates = new Map<TestDatabaseState, Promise<Blob>>();

async function buildTemplate(state: TestDatabaseState): Promise<Blob> {
  const previous = state === "seeded" ? "migrated" : state === "migrated" ? "empty" : undefined;
  const pglite = previous ? new PGlite({ loadDataDir: await template(previous) }) : new PGlite();
  const db = await databaseOverPGlite(pglite);
  try {
    if (state === "migrated") await migrate(db);
    if (state === "seeded") await seed(db);
    return await pglite.dumpDataDir("none");
  } finally {
    await db.close();
  }
}

function template(key: TestDatabaseState): Promise<Blob> {
  let pending = templates.get(key);
  if (!pending) {
    pending = buildTemplate(key);
    // A failed build is not cached, so the next test reports its own error.
    pending.catch(() => templates.delete(key));
    templates.set(key, pending);
  }
  return pending;
}

/** An in-memory PGlite database; migrated ones are copies of the process's template. */
export async function createPGliteTestDatabase(
  state: TestDatabaseState,
  log?: DatabaseOptions["log"],
): Promise<Database> {
  const pglite = new PGlite({ loadDataDir: await template(state) });
  return databaseOverPGlite(pglite, { kind: "pglite", dataDir: "memory" }, log);
}
