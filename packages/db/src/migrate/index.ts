export { MigrationError } from "./errors.ts";
export type { MigrationFile } from "./files.ts";
export { DEFAULT_MIGRATIONS_DIR, readMigrations } from "./files.ts";
export { withMigrationLock } from "./lock.ts";
export type { MigrateOptions, MigrateResult } from "./runner.ts";
export { migrate } from "./runner.ts";
