import type { Database, PoolUsage } from "@tusk/db";
import { Gauge, Histogram, Registry } from "prom-client";
import type { QueryEmitter } from "./sql-log.ts";

/**
 * What the database metrics read: Prisma's query events (a client created with
 * `QUERY_EVENTS`) and, for PostgreSQL, the pool.
 *
 * @example
 * const observed: ObservedDatabase = { prisma: db.prisma, poolUsage: db.poolUsage };
 */
export type ObservedDatabase = { readonly prisma: unknown } & Partial<Pick<Database, "poolUsage">>;

const registries = new WeakMap<object, Registry>();

const POOL_STATES = {
  max: (usage: PoolUsage) => usage.max,
  open: (usage: PoolUsage) => usage.totalCount,
  idle: (usage: PoolUsage) => usage.idleCount,
  waiting: (usage: PoolUsage) => usage.waitingCount,
} as const satisfies Record<string, (usage: PoolUsage) => number>;

/**
 * The metrics of one database, in a registry of its own (both apps of the launcher share one
 * database, so they share these): `db_query_duration_seconds` for every SQL statement Prisma
 * sends (when the client emits query events), and `db_pool_connections{state}` for a
 * PostgreSQL pool (`max`, `open`, `idle`, and `waiting` clients).
 *
 * @example
 * const registry = databaseMetrics(db);
 */
export function databaseMetrics(db: ObservedDatabase): Registry {
  const key = db.prisma as object;
  const known = registries.get(key);
  if (known) return known;
  const registry = new Registry();
  const queries = new Histogram({
    name: "db_query_duration_seconds",
    help: "Duration of each SQL statement Prisma sent, as Prisma measured it.",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  (db.prisma as QueryEmitter).$on("query", (event) => queries.observe(event.duration / 1000));
  const { poolUsage } = db;
  if (poolUsage) {
    new Gauge({
      name: "db_pool_connections",
      help: "Connections of the PostgreSQL pool: its size (max), open, idle, and clients waiting for one.",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const usage = poolUsage();
        for (const [state, read] of Object.entries(POOL_STATES)) this.set({ state }, read(usage));
      },
    });
  }
  registries.set(key, registry);
  return registry;
}
