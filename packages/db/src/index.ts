/**
 * @tusk/db: a ready Prisma client over PGlite or PostgreSQL, the migration
 * runner, the seed and the translation of Prisma's errors into API errors.
 * Test databases come from the second entry, `@tusk/db/testing`.
 *
 * @example
 * import { openDatabase, migrate } from "@tusk/db";
 * const db = await openDatabase();
 * await migrate(db);
 */

export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
export type { Database, DatabaseOptions, PoolUsage } from "./client.ts";
export { databaseOverPGlite, openDatabase } from "./client.ts";
export type { ErrorContext } from "./errors.ts";
export { databaseUnavailableReason, toApiError } from "./errors.ts";
export { databaseFaultLog } from "./fault-log.ts";
export type { DatabaseLocation } from "./location.ts";
export {
  DatabaseUrlError,
  DEFAULT_PGLITE_DIR,
  describeDatabase,
  resolveDatabaseLocation,
} from "./location.ts";
export type { SchemaDifference } from "./migrate/catalog.ts";
export { compareSchemas, describeSchema } from "./migrate/catalog.ts";
export type { DiffOptions } from "./migrate/differ.ts";
export { diffSchemas, SCHEMA_PATH, toPrisma6Schema } from "./migrate/differ.ts";
export type { MigrateOptions, MigrateResult, MigrationFile } from "./migrate/index.ts";
export { DEFAULT_MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "./migrate/index.ts";
export type { Readiness } from "./readiness.ts";
export { readinessAnswer, readinessCheck } from "./readiness.ts";
export type { SeedOptions, SeedProgress, SeedResult, SeedSizes } from "./seed/index.ts";
export { FIXTURE, seed, seedSizes } from "./seed/index.ts";
export type { SqlExecutor, SqlRunner, SqlSession } from "./sql-executor.ts";
export type { DatabaseTimeouts } from "./timeouts.ts";
export { DEFAULT_DATABASE_TIMEOUTS } from "./timeouts.ts";
