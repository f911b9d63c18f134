import { type Database, migrate, openDatabase, seed, seedSizes } from "@tusk/db";
import pg from "pg";
import { databaseUrl } from "./config.ts";

/** What the prepared database holds. */
export interface PreparedDatabase {
  readonly url: string;
  readonly products: number;
  /** The product after which the last page of 20 products starts: the deep page's keyset. */
  readonly deepAfterId: number;
  /** True when this run seeded it (false: an earlier run's data was complete). */
  readonly seeded: boolean;
}

/** Creates the database on the server unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The id after which the last 20 products come, by id. */
export async function deepAfterId(db: Database): Promise<number> {
  const last = await db.prisma.product.findMany({
    select: { id: true },
    orderBy: { id: "desc" },
    skip: 20,
    take: 1,
  });
  return last[0]?.id ?? 0;
}

/**
 * A migrated PostgreSQL database seeded at `scale`. Seeding is deterministic,
 * so a database that already holds the scale's products is reused as it is.
 *
 * @example
 * const { url, products } = await prepareDatabase("postgresql://postgres@127.0.0.1:5432", "tusk_bench", 2);
 */
export async function prepareDatabase(
  serverUrl: string,
  name: string,
  scale: number,
): Promise<PreparedDatabase> {
  await ensureDatabase(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  const db = await openDatabase({ url });
  try {
    await migrate(db);
    const expected = seedSizes(scale).products;
    let products = await db.prisma.product.count();
    const seeded = products < expected;
    if (seeded) {
      await seed(db, { scale });
      products = await db.prisma.product.count();
    }
    // Fresh statistics, so the planner sees the seeded sizes rather than empty tables.
    await db.sql.exec("ANALYZE");
    return { url, products, seeded, deepAfterId: await deepAfterId(db) };
  } finally {
    await db.close();
  }
}
