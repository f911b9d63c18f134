/**
 * Standalone GraphQL server over `DATABASE_URL` (default: PGlite in .data/pglite). Settings:
 * docs/configuration.md (`GRAPHQL_PORT`, `HOST`, `PUBLIC_BASE_URL` for the `uri` fields,
 * `GRAPHQL_INTROSPECTION`, `SHUTDOWN_GRACE_MS`).
 */
// First: tracing (when OTEL_* asks for it) must start before express, pg and graphql load.
import "@tusk/telemetry/tracing";

import { createAuthenticator, readAuthSettings } from "@tusk/auth";
import { databaseTimeouts, readConfig } from "@tusk/config";
import { databaseFaultLog, migrate, openDatabase } from "@tusk/db";
import { openEdge } from "@tusk/edge";
import { openResponseCache } from "@tusk/response-cache";
import { drainOnSignals, exitOnStartupError, listen, readTlsFiles } from "@tusk/server";
import { createLogger, logQueries, QUERY_EVENTS } from "@tusk/telemetry";
import { tracing } from "@tusk/telemetry/tracing";
import { createGraphqlApp } from "./app.ts";

const config = readConfig();
const logger = createLogger({ level: config.LOG_LEVEL });
// Database outages: one line per cause, not one per failed request.
const reportFault = databaseFaultLog((line) => logger.warn(line));
const edge = openEdge(config, (line) => logger.warn(line));
// An unreadable TLS_CERT_FILE or TLS_KEY_FILE is one line naming it, not a stack.
const tls = await Promise.resolve(config).then(readTlsFiles).catch(exitOnStartupError);
const server = await listen({ port: config.GRAPHQL_PORT, host: config.HOST, tls });
const db = await openDatabase({
  url: config.DATABASE_URL,
  readUrls: config.DATABASE_READ_URLS,
  timeouts: databaseTimeouts(config),
  onConnectionLost: reportFault,
  log: QUERY_EVENTS,
});
logQueries(db.prisma, logger);
await migrate(db);
const baseUrl = config.PUBLIC_BASE_URL ?? `${tls ? "https" : "http"}://localhost:${config.REST_PORT}`;
const responseCache = openResponseCache(config, {
  partition: baseUrl,
  readsFromReplicas: (config.DATABASE_READ_URLS?.length ?? 0) > 0,
  onStoreError: (error) => logger.warn({ err: error }, "the response cache's store did not answer"),
});
const { app, stop } = await createGraphqlApp({
  db,
  baseUrl,
  introspection: config.GRAPHQL_INTROSPECTION,
  onDatabaseUnavailable: reportFault,
  idempotencyTtlMs: config.IDEMPOTENCY_TTL_MS,
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  limits: { countExactLimit: config.COUNT_EXACT_LIMIT, maxBulkWrite: config.BULK_WRITE_LIMIT },
  logger,
  edge: edge.options,
  authenticator: createAuthenticator(readAuthSettings()),
  ...(responseCache ? { responseCache } : {}),
});
server.handle(app);
drainOnSignals({
  servers: [server],
  graceMs: config.SHUTDOWN_GRACE_MS,
  close: async () => {
    await stop();
    await responseCache?.close();
    await db.close();
    await edge.close();
    await tracing?.shutdown();
  },
});
process.stdout.write(`GraphQL API at ${server.url}/graphql\n`);
