import { type AnonymousAccess, type Authenticator, createAuthenticator, rateLimitKey } from "@tusk/auth";
import { SETTINGS } from "@tusk/config";
import type { Readiness } from "@tusk/db";
import {
  compressResponses,
  corsPolicy,
  type EdgeOptions,
  loadShedding,
  rateLimiter,
  securityHeaders,
} from "@tusk/edge";
import { ApiError } from "@tusk/errors";
import type { IdempotencyGuard } from "@tusk/idempotency";
import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import { type QueryLimits, resolveLimits } from "@tusk/schema";
import {
  createLogger,
  currentScope,
  type Logger,
  type ObservedDatabase,
  type ObserveOptions,
  observeRequests,
} from "@tusk/telemetry";
import type { UriBuilder } from "@tusk/uri";
import express, { type NextFunction, type Request, type Response } from "express";
import { docsPage } from "./docs-page/index.ts";
import type { GraphqlExecutor } from "./executor/index.ts";
import { authenticateRequests } from "./http/authentication.ts";
import { requestDeadline } from "./http/deadline.ts";
import * as probes from "./http/probes.ts";
import { sendProblem } from "./http/problem.ts";
import { refuseLongUrls } from "./http/url-length.ts";
import { keptOnSuccess } from "./lazy.ts";
import { buildOpenApiDocument } from "./openapi/index.ts";
import { OperationCatalog } from "./operations/index.ts";
import { pageSizeOf } from "./query/index.ts";
import type { RestContext } from "./routes/context.ts";
import { dispatcher } from "./routes/dispatch.ts";
import { DESCRIBES_THE_API } from "./surface/index.ts";

export interface RestAppOptions {
  readonly registry?: Registry;
  readonly uris: UriBuilder;
  readonly executor: GraphqlExecutor;
  /** The limits of the schema the executor runs against (default: the schema's defaults); lists take their page sizes from them. */
  readonly limits?: Partial<QueryLimits>;
  /** Operations already built from the executor's schema (in-process); default: built on first use. */
  readonly catalog?: OperationCatalog;
  /** Called with every unexpected error before it is masked as a 500; default: logged with its stack. */
  readonly onUnexpectedError?: (error: unknown, req: Request) => void;
  /** CORS origins, rate limits and trusted proxies (default: anonymous CORS, no limit). */
  readonly edge?: EdgeOptions;
  /** Where the request lines and unexpected errors go (default `createLogger()`: silent under vitest). */
  readonly logger?: Logger;
  /** The database whose query and pool metrics `GET /metrics` includes (in-process apps). */
  readonly db?: ObservedDatabase;
  /** The longest a request may take before it is answered 503 (default {@link DEFAULT_REQUEST_TIMEOUT_MS}). */
  readonly requestTimeoutMs?: number;
  /** Where POST and PATCH keep the answers of requests sent with `Idempotency-Key` (default: none kept). */
  readonly idempotency?: IdempotencyGuard;
  /** What `/readyz` asks (e.g. `readinessCheck(db)` from @tusk/db); default: always ready. */
  readonly ready?: () => Promise<Readiness>;
  /** What requests without a token may do (`AUTH_ANONYMOUS`, default `read`), as the OpenAPI document states it. */
  readonly anonymous?: AnonymousAccess;
  /**
   * Names the caller of each request from its bearer token (`createAuthenticator(readAuthSettings())`
   * in the entries); default: no token is accepted and requests without one read public resources.
   */
  readonly authenticator?: Authenticator;
  /** Further metrics `GET /metrics` includes (the response cache's). */
  readonly metrics?: ObserveOptions["registries"];
}

/** The name of the REST API's rate-limit policy in `RateLimit-Policy` and `RateLimit`. */
const RATE_LIMIT_POLICY = "rest";

/** Without settings: every token refused, anonymous callers read what is public. */
const PUBLIC_ONLY = createAuthenticator({ verifier: undefined, anonymous: "read" });

/** The request deadline when none is given: `REQUEST_TIMEOUT_MS`'s default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = SETTINGS.REQUEST_TIMEOUT_MS.schema.parse(undefined);

/**
 * The NARWHL REST app. Every request is authenticated (bearer tokens) and
 * answered by executing a GraphQL operation through `executor` on behalf of
 * its caller; routes, operations, links and definitions are
 * derived from the registry and the schema, which is read once on first use.
 * In-process, {@link createInProcessRestApp} builds the executor and every
 * operation at start; this function alone serves a remote executor.
 *
 * @example
 * const app = createRestApp({ uris, executor: createRemoteExecutor({ url: "http://localhost:4001/graphql" }) });
 * app.listen(4000);
 */
export function createRestApp(options: RestAppOptions): express.Express {
  const registry = options.registry ?? defaultRegistry;
  const { catalog: built, executor, uris } = options;
  const pageSize = pageSizeOf(options.limits);
  const context: RestContext = {
    registry,
    uris,
    executor,
    pageSize,
    bulkWriteLimit: resolveLimits(options.limits).maxBulkWrite,
    cors: corsPolicy(options.edge?.corsOrigins),
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
    catalog: built
      ? () => Promise.resolve(built)
      : keptOnSuccess(async () => new OperationCatalog(await executor.schema(), registry)),
    openapi: keptOnSuccess(async () =>
      buildOpenApiDocument(registry, uris, {
        schema: await executor.schema(),
        pageSize,
        ...(options.anonymous ? { anonymous: options.anonymous } : {}),
      }),
    ),
  };

  const logger = options.logger ?? createLogger();
  const onUnexpectedError =
    options.onUnexpectedError ??
    ((error: unknown) => (currentScope()?.log ?? logger).error({ err: error }, "unexpected error"));

  const app = express();
  app.disable("x-powered-by");
  app.disable("etag"); // ETags are computed from the exact body bytes by the app itself.
  app.set("query parser", false); // The query string is read with URLSearchParams in one place.
  // Before the log: behind a trusted proxy the client's address comes from X-Forwarded-For.
  if (options.edge?.trustProxy !== undefined) app.set("trust proxy", options.edge.trustProxy);
  observeRequests(app, { logger, db: options.db, registries: options.metrics });
  app.use(securityHeaders());
  app.use(compressResponses());
  app.use(refuseLongUrls());
  app.use(requestDeadline(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, uris));
  app.get("/healthz", probes.healthz);
  app.get("/readyz", probes.readyz(options.ready));
  // After the probes: a load balancer's health checks are never shed or limited.
  const shedding = options.edge?.loadShedding;
  if (shedding)
    app.use(
      loadShedding(shedding, (_req, _res, next) =>
        next(
          new ApiError(
            "SERVICE_UNAVAILABLE",
            "The server is overloaded: retry after the time Retry-After gives.",
          ),
        ),
      ),
    );
  const rateLimit = options.edge?.rateLimit;
  const limitKey = rateLimitKey(options.authenticator ?? PUBLIC_ONLY);
  if (rateLimit)
    app.use(
      rateLimiter(
        rateLimit,
        RATE_LIMIT_POLICY,
        (_req, _res, next) =>
          next(
            new ApiError(
              "TOO_MANY_REQUESTS",
              "Too many requests from this caller: retry after the time Retry-After gives.",
              // The RateLimit fields draft's member naming the policy the request exceeded.
              { extensions: { "violated-policies": [RATE_LIMIT_POLICY] } },
            ),
          ),
        (req) => limitKey(req.get("authorization")),
      ),
    );
  app.use(docsPage(options.uris));
  const describesTheApi = (path: string) => {
    const parsed = uris.parse(path);
    return parsed.ok && DESCRIBES_THE_API[parsed.route.kind];
  };
  app.use(authenticateRequests(options.authenticator ?? PUBLIC_ONLY, describesTheApi));
  app.use(dispatcher(context));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const problem = sendProblem(res, error, req.originalUrl, uris);
    // 503s are expected (the database is away) and reported once per cause where they arise.
    if (problem.status === 500) onUnexpectedError(error, req);
  });
  return app;
}
