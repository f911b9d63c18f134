import pg from "pg";
import { type DatabaseTimeouts, DEFAULT_DATABASE_TIMEOUTS } from "./timeouts.ts";

/** How much longer than `statement_timeout` the client waits for an answer before giving up itself. */
const CLIENT_READ_MARGIN_MS = 1_000;

/**
 * Prisma's own limits on interactive transactions, from the same settings: waiting to start
 * one is waiting for a pooled connection, and one whose statements all finish in time
 * finishes in time.
 */
export function transactionLimits(timeouts: DatabaseTimeouts): { maxWait: number; timeout: number } {
  return { maxWait: timeouts.connectMs, timeout: timeouts.statementMs + CLIENT_READ_MARGIN_MS };
}

/**
 * A `pg` pool with the time limits set on every connection, and a listener
 * for errors on idle connections: PostgreSQL terminates them on a restart or
 * failover (57P01), `pg.Pool` then emits `error`, and an `error` event nobody
 * listens to ends the process. The pool drops the broken connection by itself;
 * the next query opens a new one.
 */
export function createPool(options: {
  readonly url: string;
  readonly size: number;
  readonly timeouts: DatabaseTimeouts | undefined;
  readonly onIdleError: (error: Error) => void;
}): pg.Pool {
  const limits = options.timeouts
    ? {
        statement_timeout: options.timeouts.statementMs,
        lock_timeout: options.timeouts.lockMs,
        query_timeout: options.timeouts.statementMs + CLIENT_READ_MARGIN_MS,
      }
    : {};
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.size,
    connectionTimeoutMillis: (options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS).connectMs,
    keepAlive: true,
    ...limits,
  });
  pool.on("error", options.onIdleError);
  return pool;
}
