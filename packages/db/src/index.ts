/**
 * @tusk/db: a ready Prisma client over PGlite or PostgreSQL, the migration
 * runner and the seed.
 *
 * @example
 * import { openDatabase, migrate } from "@tusk/db";
 * const db = await openDatabase();
 * await migrate(db);
 */

export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
export type { Database, DatabaseOptions } from "./client.ts";
export { openDatabase } from "./client.ts";
export type { DatabaseLocation } from "./location.ts";
export { DatabaseUrlError, DEFAULT_PGLITE_DIR, resolveDatabaseLocation } from "./location.ts";
export type { SqlExecutor } from "./sql-executor.ts";
