import type { Database } from "../client.ts";
import type { SqlSession } from "../sql-executor.ts";

// The key `prisma migrate deploy` itself locks on, so our runner and Prisma's
// CLI also exclude each other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// PGlite is one in-process connection: no other process can open the same
// data directory at once, so a mutex per instance is all the exclusion needed.
const pgliteQueues = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `work` while holding the migration lock: `pg_advisory_lock` on one
 * PostgreSQL session (released even when `work` throws), an in-process mutex
 * on PGlite.
 *
 * @example
 * await withMigrationLock(db, async (session) => session.query("select 1"));
 */
export async function withMigrationLock<T>(
  db: Database,
  work: (session: SqlSession) => Promise<T>,
): Promise<T> {
  if (db.location.kind === "postgres") {
    return db.sql.session(async (session) => {
      await session.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
      try {
        return await work(session);
      } finally {
        await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
      }
    });
  }
  const previous = pgliteQueues.get(db.sql) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => db.sql.session(work));
  pgliteQueues.set(db.sql, run);
  return run;
}
