import type { Logger } from "pino";
import { currentScope } from "./scope.ts";

/**
 * What Prisma tells of each SQL statement when created with
 * `log: [{ emit: "event", level: "query" }]` ({@link QUERY_EVENTS}).
 *
 * @example
 * const event: QueryEvent = { query: "SELECT 1", duration: 2 };
 */
export interface QueryEvent {
  readonly query: string;
  /** Milliseconds. */
  readonly duration: number;
}

/**
 * A Prisma client that emits query events.
 *
 * @example
 * const client = db.prisma as unknown as QueryEmitter;
 */
export interface QueryEmitter {
  $on(event: "query", listener: (event: QueryEvent) => void): void;
}

/**
 * The Prisma `log` option that makes a client emit one event per SQL statement.
 *
 * @example
 * const db = await openDatabase({ url, log: QUERY_EVENTS });
 */
export const QUERY_EVENTS: [{ emit: "event"; level: "query" }] = [{ emit: "event", level: "query" }];

/**
 * Writes each SQL statement and its duration at `debug`, on the line of the request that sent
 * it (`reqId`). Parameters are left out: they carry user data.
 *
 * @example
 * const db = await openDatabase({ url, log: QUERY_EVENTS });
 * logQueries(db.prisma, log);
 */
export function logQueries(prisma: unknown, logger: Logger): void {
  (prisma as QueryEmitter).$on("query", (event) => {
    const log = currentScope()?.log ?? logger;
    if (log.isLevelEnabled("debug")) log.debug({ sql: event.query, durationMs: event.duration }, "sql");
  });
}
