// Its own module, without imports, so @tusk/config can take the defaults of its settings from
// here (as `@tusk/db/timeouts`) without loading Prisma or pg.

/**
 * Time limits on PostgreSQL work, per connection. A frozen or unreachable
 * server must not hold a request forever: the server enforces the statement
 * and lock limits, the client the connect limit and (for a server too frozen
 * to enforce anything) a read limit a little above the statement limit.
 *
 * @example
 * const timeouts: DatabaseTimeouts = { statementMs: 5_000, lockMs: 2_000, connectMs: 2_000 };
 */
export interface DatabaseTimeouts {
  /** PostgreSQL `statement_timeout`: the longest one statement may run. */
  readonly statementMs: number;
  /** PostgreSQL `lock_timeout`: the longest a statement may wait for a row or table lock. */
  readonly lockMs: number;
  /** The longest a query waits for a pooled connection, including opening a new one. */
  readonly connectMs: number;
}

/**
 * The limits used when none are given.
 *
 * @example
 * openDatabase({ url, timeouts: { ...DEFAULT_DATABASE_TIMEOUTS, statementMs: 30_000 } });
 */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 5_000,
  lockMs: 2_000,
  connectMs: 2_000,
};
