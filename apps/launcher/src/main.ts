/**
 * `npm start`: both APIs in one process over the embedded PGlite database
 * (or DATABASE_URL), with demo data. Each app keeps its own standalone entry
 * for production (apps/rest/src/main.ts, apps/graphql/src/main.ts). Settings:
 * docs/configuration.md.
 */
// First: tracing (when OTEL_* asks for it) must start before express, pg and graphql load.
import "@tusk/telemetry/tracing";

import { createAuthenticator } from "@tusk/auth";
import { databaseTimeouts, readConfig } from "@tusk/config";
import { describeDatabase, resolveDatabaseLocation } from "@tusk/db";
import { openEdge } from "@tusk/edge";
import { registry } from "@tusk/registry";
import { drainOnSignals, exitOnStartupError, readTlsFiles } from "@tusk/server";
import { createLogger } from "@tusk/telemetry";
import { tracing } from "@tusk/telemetry/tracing";
import { banner } from "./banner.ts";
import { demoAuth, demoTokens } from "./demo-auth.ts";
import { launch } from "./launch.ts";

const config = readConfig();
const logger = createLogger({ level: config.LOG_LEVEL });
const edge = openEdge(config, (line) => logger.warn(line));
// A signing secret of its own unless AUTH_* names one, so the demo's tokens work out of the box.
const auth = await demoAuth(process.env);
const tusk = await Promise.resolve(config)
  .then(readTlsFiles)
  .then((tls) =>
    launch({
      tls,
      restPort: config.REST_PORT,
      graphqlPort: config.GRAPHQL_PORT,
      host: config.HOST,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      databaseUrl: config.DATABASE_URL,
      databaseReadUrls: config.DATABASE_READ_URLS,
      introspection: config.GRAPHQL_INTROSPECTION,
      idempotencyTtlMs: config.IDEMPOTENCY_TTL_MS,
      bulkWriteLimit: config.BULK_WRITE_LIMIT,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      countExactLimit: config.COUNT_EXACT_LIMIT,
      databaseTimeouts: databaseTimeouts(config),
      logger,
      edge: edge.options,
      authenticator: createAuthenticator(auth.settings),
      anonymous: auth.settings.anonymous,
      responseCache: config,
    }),
  )
  .catch(exitOnStartupError);
const tokens = auth.secret === undefined ? undefined : await demoTokens(auth.secret, registry, auth.settings);
console.log(banner(tusk, describeDatabase(resolveDatabaseLocation(config.DATABASE_URL)), tokens));
drainOnSignals({
  servers: tusk.servers,
  graceMs: config.SHUTDOWN_GRACE_MS,
  close: async () => {
    await tusk.close();
    await edge.close();
    await tracing?.shutdown();
  },
});
