import { PGlite } from "@electric-sql/pglite";
import { type Database, type DatabaseOptions, databaseOverPGlite } from "../client.ts";
import { migrate } from "../migrate/index.ts";
import { seed } from "../seed/index.ts";

// Migrating and seeding a fresh PGlite costs far more than loading a data
// directory, so each test process builds one template per flavour and every
// test database starts as a copy of it.
const templates = new Map<"migrated" | "seeded", Promise<Blob>>();

/** What a test database starts as. */
export type TestDatabaseState = "empty" | "migrated" | "seeded";

async function buildTemplate(seeded: boolean): Promise<Blob> {
  const pglite = new PGlite();
  const db = await databaseOverPGlite(pglite);
  try {
    await migrate(db);
    if (seeded) await seed(db);
    return await pglite.dumpDataDir("none");
  } finally {
    await db.close();
  }
}

function template(seeded: boolean): Promise<Blob> {
  const key = seeded ? "seeded" : "migrated";
  let pending = templates.get(key);
  if (!pending) {
    pending = buildTemplate(seeded);
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
  const pglite =
    state === "empty" ? new PGlite() : new PGlite({ loadDataDir: await template(state === "seeded") });
  return databaseOverPGlite(pglite, { kind: "pglite", dataDir: "memory" }, log);
}
