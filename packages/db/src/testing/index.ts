/**
 * @tusk/db/testing: databases for tests, on PGlite by default and on
 * PostgreSQL when TUSK_TEST_DATABASE=postgres.
 *
 * @example
 * import { createTestDatabase } from "@tusk/db/testing";
 * const db = await createTestDatabase({ seed: true });
 * await db.prisma.product.findUnique({ where: { id: 73924 } });
 * await db.close();
 */
import type { Database, DatabaseOptions } from "../client.ts";

export type { TestDatabaseState } from "./templates.ts";
export { testDatabaseKind } from "./templates.ts";

import { createPGliteTestDatabase } from "./pglite.ts";
import { createPostgresTestDatabase } from "./postgres.ts";
import { testDatabaseKind } from "./templates.ts";

export { FIXTURE } from "../seed/index.ts";
export { DEFAULT_TEST_POSTGRES_URL, testPostgresUrl } from "./postgres.ts";
export type { PostgresServer } from "./postgres-server.ts";
export {
  faultTestsSkipped,
  postgresServerUnavailable,
  sparePort,
  startPostgresServer,
} from "./postgres-server.ts";

/**
 * What createTestDatabase() gives.
 *
 * @example
 * const options: TestDatabaseOptions = { seed: true, log: [{ emit: "event", level: "query" }] };
 * const db = await createTestDatabase(options);
 */
export interface TestDatabaseOptions {
  /** Fill it with the scale-0 demo data and its fixtures (default false: migrated, empty). */
  readonly seed?: boolean;
  /** Apply the migrations (default true); false gives an empty database, for migration tests. */
  readonly migrate?: boolean;
  /** Passed to PrismaClient, e.g. `[{ emit: "event", level: "query" }]` to count queries. */
  readonly log?: DatabaseOptions["log"];
  /**
   * PostgreSQL time limits (PGlite has none). Concurrency tests that queue a hundred writers
   * on a small pool give them time to queue.
   */
  readonly timeouts?: DatabaseOptions["timeouts"];
}

/**
 * A database of its own for one test or suite: PGlite in memory (a copy of the
 * run's template, about a second), or with TUSK_TEST_DATABASE=postgres a new
 * database on TUSK_POSTGRES_URL's server (a copy of the run's template database).
 * Migrated unless told otherwise; seeded on request.
 * close() releases it (and drops the PostgreSQL database).
 *
 * @example
 * let db: Database;
 * beforeAll(async () => { db = await createTestDatabase({ seed: true }); });
 * afterAll(() => db.close());
 */
export function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const state = options.migrate === false ? "empty" : options.seed ? "seeded" : "migrated";
  return testDatabaseKind() === "postgres"
    ? createPostgresTestDatabase(state, options.log, options.timeouts)
    : createPGliteTestDatabase(state, options.log);
}
