import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * Plain statements on one connection (or on the pool).
 *
 * @example
 * await db.sql.transaction(async (tx: SqlRunner) => {
 *   await tx.exec("DELETE FROM line_items; DELETE FROM orders");
 *   return tx.query<{ n: string }>("SELECT count(*) AS n FROM orders");
 * });
 */
export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/**
 * Raw SQL against either database. Prisma's `$executeRawUnsafe` cannot run a
 * multi-statement migration file or hold a session-level lock, so the
 * migration runner and bulk seeding use this instead.
 *
 * @example
 * const sql: SqlExecutor = db.sql;
 * await sql.exec("CREATE TABLE notes (id int); CREATE INDEX ON notes (id)");
 * await sql.query("SELECT * FROM notes WHERE id = $1", [1]);
 */
export interface SqlExecutor extends SqlRunner {
  /** Runs `work` on one connection (for session-level locks). */
  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * One connection: statements plus transactions on that same connection.
 *
 * @example
 * await db.sql.session(async (session: SqlSession) => {
 *   await session.query("SELECT pg_advisory_lock($1)", [42]);
 *   await session.transaction((tx) => tx.exec("UPDATE products SET price = price * 2"));
 *   await session.query("SELECT pg_advisory_unlock($1)", [42]);
 * });
 */
export type SqlSession = Omit<SqlExecutor, "session" | "close">;

function pgliteRunner(target: PGlite | Transaction): SqlRunner {
  return {
    exec: async (sql) => {
      await target.exec(sql);
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await target.query<Row>(sql, params as unknown[])).rows,
  };
}

export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  // PGlite's own transaction() holds its connection mutex, so Prisma queries
  // issued meanwhile wait instead of landing inside this transaction.
  const self: SqlSession = {
    ...pgliteRunner(pglite),
    transaction: (work) => pglite.transaction((tx) => work(pgliteRunner(tx))),
  };
  // PGlite is a single connection: the whole database is already one session.
  return { ...self, session: (work) => work(self), close: async () => {} };
}

function pgRunner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, params as unknown[])).rows as Row[],
  };
}

async function inTransaction<T>(client: pg.PoolClient, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work(pgRunner(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

export function postgresExecutor(pool: pg.Pool): SqlExecutor {
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  return {
    ...pgRunner(pool),
    transaction: (work) => withClient((client) => inTransaction(client, work)),
    session: (work) =>
      withClient((client) =>
        work({ ...pgRunner(client), transaction: (inner) => inTransaction(client, inner) }),
      ),
    close: () => pool.end(),
  };
}
