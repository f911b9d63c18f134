import { SETTINGS } from "@tusk/config";
import { type PrismaClient, readinessCheck } from "@tusk/db";
import { databaseKeyStore, idempotencyGuard } from "@tusk/idempotency";
import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import type { ResponseCache } from "@tusk/response-cache";
import { createContext, createSchema, type QueryLimits, queryLimitRules, resolveLimits } from "@tusk/schema";
import { createLogger } from "@tusk/telemetry";
import { createUriBuilder, type UriBuilder } from "@tusk/uri";
import type express from "express";
import { type GraphQLSchema, OperationTypeNode, specifiedRules, type ValidationRule } from "graphql";
import { createRestApp, DEFAULT_REQUEST_TIMEOUT_MS, type RestAppOptions } from "./app.ts";
import { createInProcessExecutor, type GraphqlExecutor } from "./executor/index.ts";
import { OperationCatalog } from "./operations/index.ts";

/** What the in-process REST app is built from. */
export interface InProcessRestAppOptions {
  /** The database (or just its Prisma client). */
  /** The database: its primary for writes, and `reader()` (read replicas) for queries when it has one. */
  readonly db: { readonly prisma: PrismaClient; reader?(): PrismaClient };
  /** Public base URL links are built on, e.g. `http://localhost:4000`. */
  readonly baseUrl: string;
  /** The resources to serve (default: the project's registry). */
  readonly registry?: Registry;
  /** Page sizes and depth/cost limits of the schema; REST lists take their page sizes from them. */
  readonly limits?: Partial<QueryLimits>;
  readonly onUnexpectedError?: RestAppOptions["onUnexpectedError"];
  readonly logger?: RestAppOptions["logger"];
  /** Told why whenever the database is unavailable to an operation (see `databaseFaultLog`). */
  readonly onDatabaseUnavailable?: (reason: string) => void;
  readonly requestTimeoutMs?: RestAppOptions["requestTimeoutMs"];
  /** How long answers to `Idempotency-Key` requests are kept (default: `IDEMPOTENCY_TTL_MS`'s). */
  readonly idempotencyTtlMs?: number;
  /** What `/readyz` asks; default `readinessCheck(db)` (the database answers and is migrated). */
  readonly ready?: RestAppOptions["ready"];
  readonly edge?: RestAppOptions["edge"];
  readonly authenticator?: RestAppOptions["authenticator"];
  readonly anonymous?: RestAppOptions["anonymous"];
  /**
   * Answers reads from this cache and invalidates it on writes (`openResponseCache` in the
   * entries; the launcher shares one with the GraphQL app); default: none, every read goes to the database.
   */
  readonly responseCache?: ResponseCache;
}

/** The app and what it was built from (the launcher serves GraphQL from the same schema). */
export interface InProcessRestApp {
  readonly app: express.Express;
  readonly uris: UriBuilder;
  readonly schema: GraphQLSchema;
  readonly executor: GraphqlExecutor;
  readonly catalog: OperationCatalog;
}

/** The schema and its prepared operations: they depend on the registry and the limits only. */
interface Prepared {
  readonly schema: GraphQLSchema;
  readonly rules: readonly ValidationRule[];
  readonly catalog: OperationCatalog;
}

// Building and validating every operation takes about half a second; a process that builds
// several apps over the same registry and limits (the launcher's tests, the test suites) does it
// once. Schemas and documents are immutable, so sharing them is safe.
const prepared = new WeakMap<Registry, Map<string, Prepared>>();

function prepare(registry: Registry, limits: QueryLimits): Prepared {
  const key = JSON.stringify(limits);
  let byLimits = prepared.get(registry);
  if (!byLimits) {
    byLimits = new Map();
    prepared.set(registry, byLimits);
  }
  let found = byLimits.get(key);
  if (!found) {
    const schema = createSchema({ registry, limits });
    const rules = queryLimitRules(schema, limits);
    const catalog = new OperationCatalog(schema, registry);
    catalog.buildAll([...specifiedRules, ...rules]);
    found = { schema, rules, catalog };
    byLimits.set(key, found);
  }
  return found;
}

/**
 * The one place the in-process REST app is put together: URI builder,
 * schema, executor (with the schema's own query limits), every prepared
 * operation built and validated now (a schema mismatch fails here, at start,
 * not on a request; once per registry and limits in a process), and the app. Every entry and the test harness call it.
 *
 * @example
 * const { app, schema } = createInProcessRestApp({ db, baseUrl: "http://localhost:4000" });
 * app.listen(4000);
 */
export function createInProcessRestApp(options: InProcessRestAppOptions): InProcessRestApp {
  const registry = options.registry ?? defaultRegistry;
  const limits = resolveLimits(options.limits);
  const uris = createUriBuilder({ registry, baseUrl: options.baseUrl });
  const { schema, rules, catalog } = prepare(registry, limits);
  const { db } = options;
  const executor = createInProcessExecutor({
    schema,
    rules,
    // Queries may read from a replica; a mutation, and what it answers, use the primary.
    createContext: (caller, kind) =>
      createContext({
        prisma: kind === OperationTypeNode.QUERY ? (db.reader?.() ?? db.prisma) : db.prisma,
        uris,
        caller,
      }),
    ...(options.onDatabaseUnavailable ? { onDatabaseUnavailable: options.onDatabaseUnavailable } : {}),
    ...(options.responseCache ? { cache: options.responseCache } : {}),
  });
  const { onUnexpectedError, authenticator, anonymous } = options;
  const logger = options.logger ?? createLogger();
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const ttlMs = options.idempotencyTtlMs ?? SETTINGS.IDEMPOTENCY_TTL_MS.schema.parse(undefined);
  const idempotency = idempotencyGuard(databaseKeyStore(db.prisma, { ttlMs }), requestTimeoutMs, (error) =>
    logger.warn({ err: error }, "an Idempotency-Key answer could not be kept"),
  );
  const app = createRestApp({
    registry,
    uris,
    executor,
    limits,
    catalog,
    ready: options.ready ?? readinessCheck(options.db),
    db: options.db,
    requestTimeoutMs,
    idempotency,
    logger,
    ...(options.edge ? { edge: options.edge } : {}),
    ...(onUnexpectedError ? { onUnexpectedError } : {}),
    ...(authenticator ? { authenticator } : {}),
    ...(anonymous ? { anonymous } : {}),
    ...(options.responseCache ? { metrics: [options.responseCache.metrics] } : {}),
  });
  return { app, uris, schema, executor, catalog };
}
