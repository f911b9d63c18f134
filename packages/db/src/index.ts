/**
 * @tusk/db: a ready Prisma client over PGlite or PostgreSQL, the migration
 * runner and the seed.
 *
 * @example
 * import { openDatabase, migrate } from "@tusk/db";
 * const db = await openDatabase();
 * await migrate(db);
 */
export type { Database, DatabaseOptions } from "./client.ts";
export { openDatabase } from "./client.ts";
export type { DatabaseLocation } from "./location.ts";
export { DEFAULT_PGLITE_DIR, DatabaseUrlError, resolveDatabaseLocation } from "./location.ts";
export type { SqlExecutor } from "./sql-executor.ts";
export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
