import type { AnonymousAccess, Authenticator } from "@tusk/auth";
import { type Database, type DatabaseTimeouts, databaseFaultLog, readinessCheck } from "@tusk/db";
import type { EdgeOptions } from "@tusk/edge";
import { createGraphqlApp } from "@tusk/graphql";
import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import { openResponseCache, type ResponseCacheSettings } from "@tusk/response-cache";
import { createInProcessRestApp } from "@tusk/rest";
import { type ListeningServer, listenFor, type TlsFiles } from "@tusk/server";
import { createLogger, type Logger, logQueries, QUERY_EVENTS } from "@tusk/telemetry";
import { seedIfEmpty } from "./demo-data.ts";
import { openMigratedDatabase } from "./open-database.ts";

/**
 * Where and over what to launch; unset fields take the defaults of docs/configuration.md.
 *
 * @example
 * const options: LaunchOptions = { restPort: 0, graphqlPort: 0, databaseUrl: "pglite://memory" };
 */
export interface LaunchOptions {
  /** Port of the REST API (default 4000; 0 picks a free one). */
  readonly restPort?: number;
  /** Port of the GraphQL API (default 4001; 0 picks a free one). */
  readonly graphqlPort?: number;
  /** Serve both APIs over HTTPS with this certificate and key (`readTlsFiles`); unset: plain HTTP. */
  readonly tls?: TlsFiles | undefined;
  /** Interface both servers listen on; unset listens on every interface. */
  readonly host?: string | undefined;
  /** Public base URL of the REST API (default `http://localhost:<REST port>`). */
  readonly publicBaseUrl?: string | undefined;
  /** The database; unset is the embedded PGlite database in `.data/pglite`. */
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL read replicas queries are spread over (`DATABASE_READ_URLS`); default none. */
  readonly databaseReadUrls?: readonly string[] | undefined;
  readonly registry?: Registry;
  /** Called with every unexpected error before it is masked as a 500; default: logged with its stack. */
  readonly onUnexpectedError?: (error: unknown) => void;
  /**
   * Where both APIs' request lines, SQL statements (at `debug`), unexpected errors and database
   * outages go; default `createLogger()` (silent under vitest).
   */
  readonly logger?: Logger;
  /** PostgreSQL time limits of both APIs' connections (default `DEFAULT_DATABASE_TIMEOUTS`); PGlite has none. */
  readonly databaseTimeouts?: DatabaseTimeouts;
  /** The longest a request may take before it is answered 503 (both APIs; default 10 s). */
  readonly requestTimeoutMs?: number;
  /** Most items an exact total count counts before the estimate answers (`COUNT_EXACT_LIMIT`). */
  readonly countExactLimit?: number;
  /** How long both APIs keep the answers to `Idempotency-Key` requests (`IDEMPOTENCY_TTL_MS`, default 24 h). */
  readonly idempotencyTtlMs?: number;
  /** Most items one bulk create takes in both APIs (`BULK_WRITE_LIMIT`, default 100). */
  readonly bulkWriteLimit?: number;
  /** Whether the GraphQL API answers introspection (`GRAPHQL_INTROSPECTION`, default true). */
  readonly introspection?: boolean;
  /** CORS origins, rate limits and trusted proxies of both APIs (see `openEdge`); default: no limits. */
  readonly edge?: EdgeOptions;
  /** Names callers from bearer tokens, the same way in both APIs; default: no token accepted, public reads only. */
  readonly authenticator?: Authenticator;
  /** What the authenticator lets requests without a token do, as the OpenAPI document states it (default `read`). */
  readonly anonymous?: AnonymousAccess;
  /** The response cache both APIs share (`RESPONSE_CACHE*`, `REDIS_URL`; see `openResponseCache`); default: none. */
  readonly responseCache?: ResponseCacheSettings;
}

/**
 * Both APIs running in this process over one database.
 *
 * @example
 * const tusk: Launched = await launch({ restPort: 0, graphqlPort: 0 });
 */
export interface Launched {
  /** Base URL of the REST API (links are built on it): `http://localhost:4000`. */
  readonly restUrl: string;
  /** The GraphQL endpoint: `http://localhost:4001/graphql`. */
  readonly graphqlUrl: string;
  readonly db: Database;
  /** True when this start seeded an empty database. */
  readonly seeded: boolean;
  /** The REST and GraphQL servers, for the signal handler to drain. */
  readonly servers: readonly ListeningServer[];
  /**
   * Drains both servers (in-flight requests get `graceMs`, default 10 s), then
   * stops Apollo and closes the database.
   */
  close(graceMs?: number): Promise<void>;
}

/** The path Apollo answers on inside the GraphQL app. */
const GRAPHQL_PATH = "/graphql";

/**
 * Opens the database (PGlite unless `databaseUrl` says otherwise), migrates it,
 * seeds demo data when it is empty, and serves the REST API and the GraphQL API
 * from this process over one schema. PGlite is one in-process database, so
 * both apps must share this one client.
 *
 * @example
 * const tusk = await launch({ restPort: 0, graphqlPort: 0, databaseUrl: "pglite://memory" });
 * await fetch(`${tusk.restUrl}/v1/products/73924`);
 * await tusk.close();
 */
export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  const registry = options.registry ?? defaultRegistry;
  const logger = options.logger ?? createLogger();
  // One reporter for both APIs: an outage is one line, whichever API noticed it first.
  const onDatabaseUnavailable = databaseFaultLog((line) => logger.warn(line));
  const servers: ListeningServer[] = [];
  let db: Database | undefined;
  let stopGraphql = async () => {};
  let closeCache = async () => {};
  const close = async (graceMs = 10_000) => {
    await Promise.all(servers.map((server) => server.drain(graceMs)));
    await stopGraphql();
    await closeCache();
    await db?.close();
  };
  try {
    // Ports first: a port in use fails the start at once, and with port 0 the links need the
    // port the system picked. Requests that arrive before the apps exist are held.
    const { tls } = options;
    const rest = await listenFor("REST_PORT", { port: options.restPort ?? 4000, host: options.host, tls });
    servers.push(rest);
    const graphql = await listenFor("GRAPHQL_PORT", {
      port: options.graphqlPort ?? 4001,
      host: options.host,
      tls,
    });
    servers.push(graphql);
    const opened = await openMigratedDatabase(options.databaseUrl, {
      readUrls: options.databaseReadUrls,
      ...(options.databaseTimeouts ? { timeouts: options.databaseTimeouts } : {}),
      onConnectionLost: onDatabaseUnavailable,
      log: QUERY_EVENTS,
    });
    db = opened;
    logQueries(opened.prisma, logger);
    const seeded = await seedIfEmpty(opened, registry);

    const scheme = tls ? "https" : "http";
    const baseUrl = options.publicBaseUrl ?? `${scheme}://localhost:${rest.port}`;
    const onUnexpectedError = options.onUnexpectedError;
    const ready = readinessCheck(opened);
    const requestTimeoutMs = options.requestTimeoutMs;
    const timeout = requestTimeoutMs === undefined ? {} : { requestTimeoutMs };
    const idempotencyTtlMs = options.idempotencyTtlMs;
    const keys = idempotencyTtlMs === undefined ? {} : { idempotencyTtlMs };
    const edge = options.edge ? { edge: options.edge } : {};
    const auth = options.authenticator ? { authenticator: options.authenticator } : {};
    const anonymous = options.anonymous ? { anonymous: options.anonymous } : {};
    const bulkWriteLimit = options.bulkWriteLimit;
    const countExactLimit = options.countExactLimit;
    const limits =
      countExactLimit === undefined && bulkWriteLimit === undefined
        ? {}
        : {
            limits: {
              ...(countExactLimit === undefined ? {} : { countExactLimit }),
              ...(bulkWriteLimit === undefined ? {} : { maxBulkWrite: bulkWriteLimit }),
            },
          };
    // One cache for both APIs: a write through either invalidates what both keep.
    const responseCache = options.responseCache
      ? openResponseCache(options.responseCache, {
          partition: baseUrl,
          readsFromReplicas: (options.databaseReadUrls?.length ?? 0) > 0,
          registry,
          onStoreError: (error) => logger.warn({ err: error }, "the response cache's store did not answer"),
        })
      : undefined;
    if (responseCache) closeCache = () => responseCache.close();
    const cache = responseCache ? { responseCache } : {};
    const restApp = createInProcessRestApp({
      db: opened,
      baseUrl,
      registry,
      ready,
      onDatabaseUnavailable,
      logger,
      ...timeout,
      ...keys,
      ...edge,
      ...auth,
      ...anonymous,
      ...limits,
      ...cache,
      ...(onUnexpectedError ? { onUnexpectedError } : {}),
    });
    rest.handle(restApp.app);
    const graphqlApp = await createGraphqlApp({
      db: opened,
      baseUrl,
      registry,
      schema: restApp.schema,
      ...limits,
      ...(options.introspection === undefined ? {} : { introspection: options.introspection }),
      ready,
      onDatabaseUnavailable,
      logger,
      ...timeout,
      ...keys,
      ...edge,
      ...auth,
      ...cache,
    });
    stopGraphql = graphqlApp.stop;
    graphql.handle(graphqlApp.app);

    return {
      restUrl: baseUrl,
      graphqlUrl: `${scheme}://localhost:${graphql.port}${GRAPHQL_PATH}`,
      db: opened,
      seeded,
      servers,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
