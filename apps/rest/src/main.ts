/**
 * Standalone REST server. In-process by default (the shared schema over
 * `DATABASE_URL`, or the embedded PGlite database); with `GRAPHQL_URL` it
 * executes every operation against that GraphQL server instead. Settings:
 * docs/configuration.md.
 */
// First: tracing (when OTEL_* asks for it) must start before express, pg and graphql load.
import "@tusk/telemetry/tracing";

import { createAuthenticator, readAuthSettings } from "@tusk/auth";
import { databaseTimeouts, readConfig } from "@tusk/config";
import { databaseFaultLog, migrate, openDatabase } from "@tusk/db";
import { openEdge } from "@tusk/edge";
import { registry } from "@tusk/registry";
import { openResponseCache } from "@tusk/response-cache";
import { drainOnSignals, exitOnStartupError, listen, readTlsFiles } from "@tusk/server";
import { createLogger, logQueries, QUERY_EVENTS } from "@tusk/telemetry";
import { tracing } from "@tusk/telemetry/tracing";
import { createUriBuilder, type UriBuilder } from "@tusk/uri";
import { createRestApp } from "./app.ts";
import { createRemoteExecutor } from "./executor/index.ts";
import { createInProcessRestApp } from "./in-process-app.ts";

const config = readConfig();
const logger = createLogger({ level: config.LOG_LEVEL });
// The same token settings as the GraphQL API: a token names the same caller in both.
const auth = readAuthSettings();
const authenticator = createAuthenticator(auth);
const { anonymous } = auth;
// Database outages: one line per cause, not one per failed request.
const reportFault = databaseFaultLog((line) => logger.warn(line));
const edge = openEdge(config, (line) => logger.warn(line));

// An unreadable TLS_CERT_FILE or TLS_KEY_FILE is one line naming it, not a stack.
const tls = await Promise.resolve(config).then(readTlsFiles).catch(exitOnStartupError);
// Listen first: with REST_PORT=0 the links need the port the system picked.
const server = await listen({ port: config.REST_PORT, host: config.HOST, tls });
const baseUrl = config.PUBLIC_BASE_URL ?? `${tls ? "https" : "http"}://localhost:${server.port}`;
let close = async () => {};
let uris: UriBuilder;
if (config.GRAPHQL_URL) {
  uris = createUriBuilder({ registry, baseUrl });
  const executor = createRemoteExecutor({ url: config.GRAPHQL_URL });
  server.handle(
    createRestApp({
      registry,
      uris,
      executor,
      logger,
      edge: edge.options,
      authenticator,
      anonymous,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      limits: { maxBulkWrite: config.BULK_WRITE_LIMIT },
    }),
  );
} else {
  const db = await openDatabase({
    url: config.DATABASE_URL,
    readUrls: config.DATABASE_READ_URLS,
    timeouts: databaseTimeouts(config),
    onConnectionLost: reportFault,
    log: QUERY_EVENTS,
  });
  logQueries(db.prisma, logger);
  await migrate(db);
  const responseCache = openResponseCache(config, {
    partition: baseUrl,
    readsFromReplicas: (config.DATABASE_READ_URLS?.length ?? 0) > 0,
    onStoreError: (error) => logger.warn({ err: error }, "the response cache's store did not answer"),
  });
  const rest = createInProcessRestApp({
    db,
    baseUrl,
    logger,
    onDatabaseUnavailable: reportFault,
    idempotencyTtlMs: config.IDEMPOTENCY_TTL_MS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    limits: { countExactLimit: config.COUNT_EXACT_LIMIT, maxBulkWrite: config.BULK_WRITE_LIMIT },
    edge: edge.options,
    authenticator,
    anonymous,
    ...(responseCache ? { responseCache } : {}),
  });
  uris = rest.uris;
  server.handle(rest.app);
  close = async () => {
    await responseCache?.close();
    await db.close();
  };
}
drainOnSignals({
  servers: [server],
  graceMs: config.SHUTDOWN_GRACE_MS,
  close: async () => {
    await close();
    await edge.close();
    await tracing?.shutdown();
  },
});
console.log(
  `REST API at ${uris.root()} (${config.GRAPHQL_URL ? `GraphQL at ${config.GRAPHQL_URL}` : "in-process"})`,
);
