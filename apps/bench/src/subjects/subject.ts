import type { RequestListener } from "node:http";
import { readConfig } from "@tusk/config";
import { type Database, openDatabase } from "@tusk/db";
import { openResponseCache, type ResponseCache } from "@tusk/response-cache";
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
  /** Answer reads from the response cache, with the production defaults (Tusk's APIs only). */
  readonly responseCache?: boolean;
}

/**
 * Whether this run measures Tusk's APIs with their response cache (`BENCH_RESPONSE_CACHE=1`):
 * the cached-reads run. The peers have no cache either way.
 *
 * @example
 * startSubjectInProcess("rest", { databaseUrl, baseUrl, responseCache: withResponseCache() });
 */
export function withResponseCache(): boolean {
  return process.env.BENCH_RESPONSE_CACHE === "1";
}

/**
 * The in-process response cache of a subject that asks for one, as an entry opens it from the
 * default configuration; nothing otherwise.
 *
 * @example
 * createInProcessRestApp({ db, baseUrl, ...subjectCache(options) });
 */
export function subjectCache(options: SubjectOptions): { responseCache?: ResponseCache } {
  if (!options.responseCache) return {};
  const responseCache = openResponseCache(readConfig({}), {
    partition: options.baseUrl,
    readsFromReplicas: false,
  });
  return responseCache ? { responseCache } : {};
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
