/**
 * Why the runner refused to migrate: a changed file, a failed earlier run, or
 * a migration whose SQL failed now. Names the migration.
 *
 * @example
 * try { await migrate(db); } catch (e) { if (e instanceof MigrationError) console.error(e.migration, e.message); }
 */
export class MigrationError extends Error {
  readonly migration: string;
  readonly reason: "checksum-mismatch" | "failed-earlier" | "failed";

  constructor(migration: string, reason: MigrationError["reason"], message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "MigrationError";
    this.migration = migration;
    this.reason = reason;
  }
}
