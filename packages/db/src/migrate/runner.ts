import { randomUUID } from "node:crypto";
import type { Database } from "../client.ts";
import type { SqlRunner } from "../sql-executor.ts";
import { MigrationError } from "./errors.ts";
import { DEFAULT_MIGRATIONS_DIR, type MigrationFile, readMigrations } from "./files.ts";
import { withMigrationLock } from "./lock.ts";

/**
 * Where migrate() reads its migrations.
 *
 * @example
 * const options: MigrateOptions = { migrationsDir: join(tmpdir(), "migrations") };
 * await migrate(db, options);
 */
export interface MigrateOptions {
  /** Folder of `<timestamp>_<name>/migration.sql` folders; default prisma/migrations. */
  readonly migrationsDir?: string;
}

/**
 * What a migrate() call applied.
 *
 * @example
 * const { applied }: MigrateResult = await migrate(db);
 * applied; // ["20261121000000_init", ...] the first time, [] once up to date
 */
export interface MigrateResult {
  /** Names of the migrations applied by this call, in order. */
  readonly applied: string[];
}

// Prisma's own bookkeeping table, column for column, so `prisma migrate
// status`/`deploy` agree with what this runner applied.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function checkHistory(rows: readonly AppliedRow[], files: readonly MigrationFile[]): Set<string> {
  const byName = new Map(files.map((file) => [file.name, file]));
  const done = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue; // `prisma migrate resolve --rolled-back`: apply again
    if (!row.finished_at) {
      throw new MigrationError(
        row.migration_name,
        "failed-earlier",
        `Migration ${row.migration_name} failed in an earlier run and was never finished. Fix the database by hand, ` +
          `then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ` +
          `'${row.migration_name}', or \`prisma migrate resolve --rolled-back ${row.migration_name}\`) and migrate again.`,
      );
    }
    const file = byName.get(row.migration_name);
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(
        row.migration_name,
        "checksum-mismatch",
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} recorded, ` +
          `${file.checksum} on disk). Applied migrations must not change: restore the file and put the change in a new migration.`,
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

async function record(
  tx: SqlRunner,
  file: MigrationFile,
  startedAt: Date,
  logs: string | null,
  finished: boolean,
) {
  await tx.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [randomUUID(), file.checksum, finished ? new Date() : null, file.name, logs, startedAt, finished ? 1 : 0],
  );
}

/**
 * Applies pending migrations in order, each in its own transaction, under a
 * lock (see withMigrationLock), recording each in `_prisma_migrations` as
 * Prisma does. Refuses when an applied file changed or an earlier run failed.
 * A migration that fails now is rolled back and recorded as failed.
 *
 * @example
 * const { applied } = await migrate(db); // ["20261121000000_init", ...] on an empty database, [] after
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  return withMigrationLock(db, async (session) => {
    await session.exec(CREATE_TABLE);
    const rows = await session.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const done = checkHistory(rows, files);
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f.name))) {
      const startedAt = new Date();
      try {
        await session.transaction(async (tx) => {
          await tx.exec(file.sql);
          await record(tx, file, startedAt, null, true);
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await record(session, file, startedAt, message, false);
        throw new MigrationError(
          file.name,
          "failed",
          `Migration ${file.name} failed and was rolled back: ${message}`,
          error,
        );
      }
      applied.push(file.name);
    }
    return { applied };
  });
}
