import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { databaseUnavailableReason } from "./errors.ts";
import { type DatabaseLocation, resolveDatabaseLocation } from "./location.ts";
import { createPool, transactionLimits } from "./pool.ts";
import { pgliteExecutor, postgresExecutor, type SqlExecutor } from "./sql-executor.ts";
import { type DatabaseTimeouts, DEFAULT_DATABASE_TIMEOUTS } from "./timeouts.ts";

/**
 * A ready Prisma client plus raw SQL access for migrations and seeding.
 *
 * @example
 * const db: Database = await openDatabase();
 * db.location.kind; // "pglite" or "postgres"
 * await db.prisma.user.findMany({ take: 10 });
 * await db.sql.query<{ n: number }>("SELECT 1 AS n"); // [{ n: 1 }]
 * await db.close();
 */
export interface Database {
  /** The primary: every write, and every read when there are no replicas. */
  readonly prisma: PrismaClient;
  /**
   * The client for a read-only operation: the next read replica in turn (`readUrls`), or the
   * primary when there are none. Replicas lag the primary by their replication delay.
   */
  reader(): PrismaClient;
  readonly location: DatabaseLocation;
  /** Raw SQL outside Prisma: the migration runner and the seed's bulk inserts. */
  readonly sql: SqlExecutor;
  /** How busy Prisma's PostgreSQL pool is, for metrics; PGlite has no pool. */
  readonly poolUsage?: () => PoolUsage;
  close(): Promise<void>;
}

/**
 * A pool's size and connections, as `pg.Pool` counts them.
 *
 * @example
 * db.poolUsage?.(); // { max: 10, totalCount: 3, idleCount: 2, waitingCount: 0 }
 */
export interface PoolUsage {
  readonly max: number;
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/**
 * How openDatabase() connects.
 *
 * @example
 * const options: DatabaseOptions = {
 *   url: "postgresql://postgres@127.0.0.1:5432/tusk",
 *   poolSize: 20,
 *   log: [{ emit: "event", level: "query" }],
 * };
 */
export interface DatabaseOptions {
  /** A DATABASE_URL-style string; defaults to process.env.DATABASE_URL. */
  readonly url?: string | undefined;
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /** Passed to PrismaClient, e.g. to subscribe to query events. */
  readonly log?: ConstructorParameters<typeof PrismaClient>[0]["log"];
  /** PostgreSQL time limits (default {@link DEFAULT_DATABASE_TIMEOUTS}); PGlite is in-process and has none. */
  readonly timeouts?: Partial<DatabaseTimeouts>;
  /**
   * Told why when PostgreSQL closes an idle pooled connection (a restart, a failover, an
   * administrator): the pool replaces it, so this is for the log (see `databaseFaultLog`).
   * Default: ignored.
   */
  readonly onConnectionLost?: (reason: string) => void;
  /** PostgreSQL read replicas (`DATABASE_READ_URLS`), each with a pool like the primary's. */
  readonly readUrls?: readonly string[] | undefined;
}

/**
 * Opens the database named by DATABASE_URL (or `options.url`): PGlite on disk
 * when unset, PGlite in memory for `pglite://memory`, PostgreSQL for
 * `postgresql://` URLs. Does not migrate; see `migrate()`.
 *
 * @example
 * const db = await openDatabase({ url: "pglite://memory" });
 * await db.prisma.product.count();
 * await db.close();
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const location = resolveDatabaseLocation("url" in options ? options.url : process.env.DATABASE_URL);
  const log = options.log ? { log: options.log } : {};
  if (location.kind === "pglite") {
    if (options.readUrls?.length)
      throw new Error("Read replicas need a PostgreSQL DATABASE_URL, not PGlite.");
    if (location.dataDir !== "memory") mkdirSync(location.dataDir, { recursive: true });
    const pglite = location.dataDir === "memory" ? new PGlite() : new PGlite(location.dataDir);
    return databaseOverPGlite(pglite, location, options.log);
  }
  const onConnectionLost = options.onConnectionLost ?? (() => {});
  const onIdleError = (error: Error) => onConnectionLost(databaseUnavailableReason(error) ?? error.message);
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
  const size = options.poolSize ?? 10;
  const client = (url: string) => {
    const pool = createPool({ url, size, timeouts, onIdleError });
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool),
      transactionOptions: transactionLimits(timeouts),
      ...log,
    });
    return { pool, prisma };
  };
  const { pool, prisma } = client(location.url);
  const replicas = (options.readUrls ?? []).map((url) => {
    const replica = resolveDatabaseLocation(url);
    if (replica.kind !== "postgres") throw new Error(`A read replica must be PostgreSQL, not ${url}.`);
    return client(replica.url);
  });
  let turn = 0;
  // Migrations and bulk seeding may run long: no statement limit on this pool.
  const sql = postgresExecutor(createPool({ url: location.url, size: 2, timeouts: undefined, onIdleError }));
  return {
    prisma,
    reader: () => (replicas.length ? replicas[turn++ % replicas.length]!.prisma : prisma),
    location,
    sql,
    poolUsage: () => ({
      max: size,
      totalCount: pool.totalCount,
      idleCount: pool.idleCount,
      waitingCount: pool.waitingCount,
    }),
    close: async () => {
      await Promise.all([prisma, ...replicas.map((r) => r.prisma)].map((c) => c.$disconnect()));
      await Promise.all([pool, ...replicas.map((r) => r.pool)].map((p) => p.end()));
      await sql.close();
    },
  };
}

/**
 * Wraps an already created PGlite instance (e.g. one loaded from a data-dir
 * dump by the test helper). close() closes the PGlite instance too.
 *
 * @example
 * const db = await databaseOverPGlite(new PGlite({ loadDataDir: dump }));
 */
export async function databaseOverPGlite(
  pglite: PGlite,
  location: DatabaseLocation = { kind: "pglite", dataDir: "memory" },
  log?: DatabaseOptions["log"],
): Promise<Database> {
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), ...(log ? { log } : {}) });
  return {
    prisma,
    reader: () => prisma,
    location,
    sql: pgliteExecutor(pglite),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
