import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * Raw SQL against either database. Prisma's `$executeRawUnsafe` cannot run a
 * multi-statement migration file or hold a session-level lock, so the
 * migration runner and bulk seeding use this instead.
 */
export interface SqlExecutor {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` on one connection (for locks and transactions). */
  session<T>(work: (session: Omit<SqlExecutor, "session" | "close">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  const self = {
    exec: async (sql: string) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await pglite.query<Row>(sql, params as unknown[])).rows,
  };
  return { ...self, session: (work) => work(self), close: async () => {} };
}

export function postgresExecutor(url: string): SqlExecutor {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const on = (client: pg.Pool | pg.PoolClient) => ({
    exec: async (sql: string) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, params as unknown[])).rows as Row[],
  });
  return {
    ...on(pool),
    session: async (work) => {
      const client = await pool.connect();
      try {
        return await work(on(client));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
