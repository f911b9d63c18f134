import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { type Authenticator, createAuthenticator, rateLimitKey } from "@tusk/auth";
import { SETTINGS } from "@tusk/config";
import { type Database, type PrismaClient, type Readiness, readinessCheck } from "@tusk/db";
import {
  budgetOf,
  compressResponses,
  type EdgeOptions,
  loadShedding,
  rateLimiter,
  securityHeaders,
} from "@tusk/edge";
import { databaseKeyStore, idempotencyGuard } from "@tusk/idempotency";
import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import type { ResponseCache } from "@tusk/response-cache";
import {
  createContext,
  createSchema,
  maskError,
  type QueryLimits,
  queryLimitRules,
  resolveLimits,
} from "@tusk/schema";
import { createLogger, type Logger, labelRoute, observeRequests } from "@tusk/telemetry";
import { createUriBuilder } from "@tusk/uri";
import express from "express";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { accessRefusedPlugin, authenticateRequests, callerOf } from "./authentication.ts";
import { bodyErrors } from "./body-errors.ts";
import { corsFor } from "./cors.ts";
import { costBudget, type GraphqlContext } from "./cost-budget.ts";
import { afterDeadline, requestDeadline } from "./deadline.ts";
import { documentLimits, variableLimitsPlugin } from "./document-limits.ts";
import { graphiql } from "./graphiql/index.ts";
import { addProbes } from "./health.ts";
import { idempotentMutations } from "./idempotency.ts";
import { operationTelemetryPlugin } from "./operation-telemetry.ts";
import { overLimit, overloaded } from "./over-limit.ts";
import { queriesOnReplicas } from "./read-replicas.ts";
import { responseCachePlugin } from "./response-cache.ts";
import { serviceUnavailablePlugin } from "./unavailable.ts";

/** How to build the GraphQL app. */
export interface GraphqlAppOptions {
  /** The database (or just its Prisma client); queries read from its replicas when it has them. */
  readonly db: Database | { readonly prisma: PrismaClient };
  /** Public base URL of the REST API, for `uri` fields (`http://localhost:4000`). */
  readonly baseUrl: string;
  /** CORS origins, rate limits and trusted proxies (default: anonymous CORS, no limit). */
  readonly edge?: EdgeOptions;
  /** Largest JSON body accepted (default `1mb`); larger is 413. */
  readonly bodyLimit?: string;
  readonly limits?: Partial<QueryLimits>;
  /** Allow introspection (default true: the schema is public). */
  readonly introspection?: boolean;
  /** The resources to serve (default: the project's registry); `uri` fields and the schema follow it. */
  readonly registry?: Registry;
  /** A schema built once elsewhere from the same registry and limits (the launcher shares the REST app's); default: a new one. */
  readonly schema?: GraphQLSchema;
  /** Told why whenever the database is unavailable to a request (see `databaseFaultLog`). */
  readonly onDatabaseUnavailable?: (reason: string) => void;
  /** The longest an operation may take before it is answered 503 (default {@link DEFAULT_REQUEST_TIMEOUT_MS}). */
  readonly requestTimeoutMs?: number;
  /** How long answers to mutations sent with `Idempotency-Key` are kept (default: `IDEMPOTENCY_TTL_MS`'s). */
  readonly idempotencyTtlMs?: number;
  /** What `/readyz` asks; default `readinessCheck(db)` (the database answers and is migrated). */
  readonly ready?: () => Promise<Readiness>;
  /** Where the request lines go (default `createLogger()`: silent under vitest). */
  readonly logger?: Logger;
  /**
   * Names the caller of each request from its bearer token (`createAuthenticator(readAuthSettings())`
   * in the entries); default: no token is accepted and requests without one read public resources.
   */
  readonly authenticator?: Authenticator;
  /**
   * Answers queries from this cache and invalidates it on mutations (`openResponseCache` in the
   * entries; the launcher shares the REST app's); default: none, every query reads the database.
   */
  readonly responseCache?: ResponseCache;
}

/** Without settings: every token refused, anonymous callers read what is public. */
const PUBLIC_ONLY = createAuthenticator({ verifier: undefined, anonymous: "read" });

/** The operation deadline when none is given: `REQUEST_TIMEOUT_MS`'s default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = SETTINGS.REQUEST_TIMEOUT_MS.schema.parse(undefined);

/** The app and how to stop its GraphQL server. */
export interface GraphqlApp {
  readonly app: express.Express;
  stop(): Promise<void>;
}

/**
 * Builds the GraphQL API: Apollo Server 5 at `/graphql` with bearer authentication (the caller
 * is in every resolver's context; refusals are 401/403), the query limits (document size,
 * tokens and nesting; depth, cost and aliases; input nesting and list lengths) and error
 * masking, a deadline per operation, `GET /healthz` and `GET /readyz` (`/health` is its older
 * name), a JSON body limit, security headers, CORS as `CORS_ORIGINS` says and, when configured, rate limits. No landing page: Apollo's loads from a
 * CDN. Stack traces appear in errors only when NODE_ENV=development.
 *
 * @example
 * const { app, stop } = await createGraphqlApp({ db, baseUrl: "http://localhost:4000" });
 * app.listen(4001);
 */
export async function createGraphqlApp(options: GraphqlAppOptions): Promise<GraphqlApp> {
  const registry = options.registry ?? defaultRegistry;
  const schema =
    options.schema ?? createSchema({ registry, ...(options.limits ? { limits: options.limits } : {}) });
  const includeStack = process.env.NODE_ENV === "development";
  const limits = resolveLimits(options.limits);
  const app = express();
  app.disable("x-powered-by");
  const logger = options.logger ?? createLogger();
  const cache = options.responseCache;
  const metrics = observeRequests(app, {
    logger,
    db: options.db,
    ...(cache ? { registries: [cache.metrics] } : {}),
  });
  const server = new ApolloServer<GraphqlContext>({
    schema,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: queryLimitRules(schema, limits),
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: includeStack,
    formatError: (formatted, error) =>
      maskError(error instanceof GraphQLError ? error : formatted, {
        includeStack,
        ...(options.onDatabaseUnavailable ? { onDatabaseUnavailable: options.onDatabaseUnavailable } : {}),
      }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      variableLimitsPlugin(limits),
      serviceUnavailablePlugin(),
      operationTelemetryPlugin(metrics),
      accessRefusedPlugin(),
      queriesOnReplicas(options.db),
      costBudget(),
      ...(cache ? [responseCachePlugin(cache)] : []),
    ],
    // The server runner owns SIGTERM/SIGINT and drains first; Apollo's own handler would
    // stop the server mid-drain and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await server.start();

  const prisma = options.db.prisma;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const ttlMs = options.idempotencyTtlMs ?? SETTINGS.IDEMPOTENCY_TTL_MS.schema.parse(undefined);
  const idempotency = idempotencyGuard(databaseKeyStore(prisma, { ttlMs }), requestTimeoutMs, (error) =>
    logger.warn({ err: error }, "an Idempotency-Key answer could not be kept"),
  );
  const uris = createUriBuilder({ registry, baseUrl: options.baseUrl });
  // Behind a trusted proxy the client's address comes from X-Forwarded-For (read per request).
  if (options.edge?.trustProxy !== undefined) app.set("trust proxy", options.edge.trustProxy);
  app.use(securityHeaders());
  app.use(compressResponses());
  app.use(corsFor(options.edge?.corsOrigins));
  app.use("/graphql", labelRoute("/graphql"));
  addProbes(app, options.ready ?? readinessCheck(options.db));
  // After the probes: a load balancer's health checks are never shed or limited.
  if (options.edge?.loadShedding) app.use(loadShedding(options.edge.loadShedding, overloaded));
  const limitKey = rateLimitKey(options.authenticator ?? PUBLIC_ONLY);
  if (options.edge?.rateLimit)
    app.use(
      rateLimiter(options.edge.rateLimit, "graphql", overLimit, (req) => limitKey(req.get("authorization"))),
    );
  app.use(graphiql({ endpoint: "/graphql" }));
  app.use(
    "/graphql",
    requestDeadline(requestTimeoutMs),
    express.json({ limit: options.bodyLimit ?? "1mb" }),
    bodyErrors(),
    documentLimits(limits),
    authenticateRequests(options.authenticator ?? PUBLIC_ONLY),
    idempotentMutations(idempotency),
    expressMiddleware(server, {
      context: async ({ res }): Promise<GraphqlContext> => ({
        ...createContext({ prisma, uris, caller: callerOf(res) }),
        spendBudget: budgetOf(res),
      }),
    }),
    afterDeadline(),
  );
  return { app, stop: () => server.stop() };
}
