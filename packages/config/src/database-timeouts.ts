import type { DatabaseTimeouts } from "@tusk/db/timeouts";
import type { Config } from "./read.ts";

/**
 * The PostgreSQL time limits the `DATABASE_*_TIMEOUT_MS` settings give, as `openDatabase` takes them.
 *
 * @example
 * const db = await openDatabase({ url: config.DATABASE_URL, timeouts: databaseTimeouts(config) });
 */
export function databaseTimeouts(
  config: Pick<
    Config,
    "DATABASE_STATEMENT_TIMEOUT_MS" | "DATABASE_LOCK_TIMEOUT_MS" | "DATABASE_POOL_TIMEOUT_MS"
  >,
): DatabaseTimeouts {
  return {
    statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockMs: config.DATABASE_LOCK_TIMEOUT_MS,
    connectMs: config.DATABASE_POOL_TIMEOUT_MS,
  };
}
