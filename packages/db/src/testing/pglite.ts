import { writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { type Database, type DatabaseOptions, databaseOverPGlite } from "../client.ts";
import { migrate } from "../migrate/index.ts";
import { seed } from "../seed/index.ts";
import {
  pgliteTemplateFile,
  readSharedPGliteTemplate,
  TEMPLATE_STATES,
  type TestDatabaseState,
} from "./templates.ts";

// Every PGlite test database starts as a copy of a data-directory dump of its
// state: the run's shared dump when the global setup made one, otherwise one
// this process builds (each state from the one before: one initdb per process).

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

function template(state: TestDatabaseState): Promise<Blob> {
  let pending = templates.get(state);
  if (!pending) {
    const shared = readSharedPGliteTemplate(state);
    pending = shared ? Promise.resolve(shared) : buildTemplate(state);
    // A failed build is not cached, so the next test reports its own error.
    pending.catch(() => templates.delete(state));
    templates.set(state, pending);
  }
  return pending;
}

/** Builds the dump of every state and writes each to its file in `dir`, for a whole test run. */
export async function writePGliteTemplates(dir: string): Promise<void> {
  for (const state of TEMPLATE_STATES) {
    const dump = await template(state);
    writeFileSync(pgliteTemplateFile(dir, state), Buffer.from(await dump.arrayBuffer()));
  }
}

/** An in-memory PGlite database: a copy of the template of `state`. */
export async function createPGliteTestDatabase(
  state: TestDatabaseState,
  log?: DatabaseOptions["log"],
): Promise<Database> {
  const pglite = new PGlite({ loadDataDir: await template(state) });
  return databaseOverPGlite(pglite, { kind: "pglite", dataDir: "memory" }, log);
}
