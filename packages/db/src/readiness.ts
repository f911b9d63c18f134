import type { PrismaClient } from "../generated/prisma/client.ts";
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from "./migrate/index.ts";

/**
 * Whether the database can serve requests: it answers, and every migration this code
 * expects has been applied. `reason` is for probes and operators; it names no host.
 *
 * @example
 * const readiness: Readiness = { ready: false, reason: "database unavailable" };
 */
export type Readiness = { readonly ready: true } | { readonly ready: false; readonly reason: string };

const APPLIED = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/**
 * A readiness check for `/readyz`: queries on the pool requests use (so they are bounded by
 * the same time limits), comparing `_prisma_migrations` with the migration files, read once.
 *
 * @example
 * const ready = readinessCheck(db);
 * await ready(); // { ready: true }, or { ready: false, reason: "1 migration not applied" }
 */
export function readinessCheck(
  db: { readonly prisma: Pick<PrismaClient, "$queryRawUnsafe"> },
  options: { readonly migrationsDir?: string } = {},
): () => Promise<Readiness> {
  const expected = readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR).map((file) => file.name);
  return async () => {
    let applied: Set<string>;
    try {
      const [table] = await db.prisma.$queryRawUnsafe<{ present: boolean }[]>(
        `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
      );
      const rows = table?.present
        ? await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(APPLIED)
        : [];
      applied = new Set(rows.map((row) => row.migration_name));
    } catch {
      return { ready: false, reason: "database unavailable" };
    }
    const pending = expected.filter((name) => !applied.has(name)).length;
    if (pending === 0) return { ready: true };
    return { ready: false, reason: `${pending} migration${pending === 1 ? "" : "s"} not applied` };
  };
}

/**
 * The HTTP answer of a readiness probe, the same for both APIs.
 *
 * @example
 * const { status, body } = readinessAnswer(await ready());
 * res.status(status).json(body); // 200 {"status":"ok"} or 503 {"status":"unavailable","reason":"..."}
 */
export function readinessAnswer(readiness: Readiness): {
  status: 200 | 503;
  body: { status: "ok" } | { status: "unavailable"; reason: string };
} {
  return readiness.ready
    ? { status: 200, body: { status: "ok" } }
    : { status: 503, body: { status: "unavailable", reason: readiness.reason } };
}
