import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * prisma/migrations at the project root.
 *
 * @example
 * readMigrations(DEFAULT_MIGRATIONS_DIR); // the same as readMigrations()
 */
export const DEFAULT_MIGRATIONS_DIR = resolve(
  fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url)),
);

/**
 * One `<timestamp>_<name>/migration.sql` folder.
 *
 * @example
 * const [first]: MigrationFile[] = readMigrations();
 * first.name; // "20261121000000_init"
 * first.checksum; // 64 hex digits
 */
export interface MigrationFile {
  /** The folder name, which Prisma records as `migration_name`. */
  readonly name: string;
  readonly sql: string;
  /** Hex SHA-256 of the file's bytes, as Prisma computes it. */
  readonly checksum: string;
}

/**
 * Reads every migration folder in name order (the timestamp prefix makes that
 * chronological), the way `prisma migrate deploy` does.
 *
 * @example
 * readMigrations().map((m) => m.name); // ["20261121000000_init", ...]
 */
export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
    });
}
