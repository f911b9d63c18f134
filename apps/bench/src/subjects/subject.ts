import type { RequestListener } from "node:http";
import { type Database, openDatabase } from "@tusk/db";
import { createLogger, type Logger } from "@tusk/telemetry";

/** A server under test over the benchmark database, ready to attach to an HTTP server. */
export interface Subject {
  readonly listener: RequestListener;
  /** SQL statements sent so far (counted only with `countQueries`). */
  queries(): number;
  close(): Promise<void>;
}

export interface SubjectOptions {
  readonly databaseUrl: string;
  /** The public base URL links are built on. */
  readonly baseUrl: string;
  /**
   * Count SQL statements through Prisma's query events. Off under load: the
   * event costs time on every statement.
   */
  readonly countQueries?: boolean;
  /** Shed load as production does (REST only; the overload run): in-flight and event-loop limits. */
  readonly loadShedding?: { readonly maxInFlight: number; readonly maxEventLoopDelayMs: number };
}

/** Opens the benchmark database, counting SQL statements when asked. */
export async function openSubjectDatabase(
  options: SubjectOptions,
): Promise<{ db: Database; queries: () => number }> {
  let queries = 0;
  if (!options.countQueries)
    return { db: await openDatabase({ url: options.databaseUrl }), queries: () => 0 };
  const db = await openDatabase({ url: options.databaseUrl, log: [{ emit: "event", level: "query" }] });
  db.prisma.$on("query" as never, () => {
    queries++;
  });
  return { db, queries: () => queries };
}

/**
 * The logger of Tusk's servers under load: warnings and errors only. The peers log nothing per
 * request, and a line per request at `info` would measure the terminal, not the API.
 *
 * @example
 * createInProcessRestApp({ db, baseUrl, logger: quietLogger() });
 */
export function quietLogger(): Logger {
  // The overload run sets BENCH_SHEDDING: each shed answer is a 503, which the request log writes
  // as an error line, thousands a second, into the report.
  return createLogger({ level: process.env.BENCH_SHEDDING === "1" ? "fatal" : "warn" });
}
