import { DEFAULT_DATABASE_TIMEOUTS } from "@tusk/db/timeouts";
import { LOG_LEVELS } from "@tusk/telemetry";
import {
  count,
  flag,
  httpUrl,
  milliseconds,
  oneOf,
  origins,
  port,
  postgresUrls,
  redisUrl,
  type Setting,
  text,
  timeLimit,
  trustProxy,
} from "./kinds.ts";

/**
 * Every setting of every app, by its environment variable: one name per
 * setting whichever app reads it. docs/configuration.md lists the same table
 * (a test keeps the two equal). A new setting is one line here.
 *
 * @example
 * SETTINGS.REST_PORT.fallback; // "4000"
 */
export const SETTINGS = {
  REST_PORT: port(4000, "Port of the REST API."),
  GRAPHQL_PORT: port(4001, "Port of the GraphQL API."),
  HOST: text("every interface", "Interface the servers listen on, e.g. `127.0.0.1`."),
  PUBLIC_BASE_URL: httpUrl(
    "`http://localhost:$REST_PORT`",
    "Public base URL of the REST API: REST links and GraphQL `uri` fields are built on it.",
  ),
  DATABASE_URL: text(
    "PGlite in `.data/pglite`",
    "The database (see packages/db).",
    "`pglite://memory`, a directory for PGlite, or a `postgresql://` URL",
  ),
  DATABASE_READ_URLS: postgresUrls(
    "unset: reads go to DATABASE_URL",
    "PostgreSQL read replicas: queries are spread over them; mutations, and what a mutation answers, use DATABASE_URL (see docs/operations.md).",
  ),
  GRAPHQL_URL: httpUrl(
    "unset: in-process",
    "Standalone REST API only: execute every operation against this GraphQL endpoint instead of in-process.",
  ),
  GRAPHQL_INTROSPECTION: flag(
    true,
    "GraphQL API: answer introspection (`__schema`, `__type`); GraphiQL and a REST API with `GRAPHQL_URL` need it.",
  ),
  REQUEST_TIMEOUT_MS: timeLimit(
    10_000,
    "The longest a request may take before it is answered 503 with Retry-After (both APIs; docs/operations.md).",
  ),
  DATABASE_STATEMENT_TIMEOUT_MS: timeLimit(
    DEFAULT_DATABASE_TIMEOUTS.statementMs,
    "PostgreSQL `statement_timeout` of the APIs' connections: the longest one statement may run.",
  ),
  DATABASE_LOCK_TIMEOUT_MS: timeLimit(
    DEFAULT_DATABASE_TIMEOUTS.lockMs,
    "PostgreSQL `lock_timeout`: the longest a statement may wait for a row or table lock.",
  ),
  DATABASE_POOL_TIMEOUT_MS: timeLimit(
    DEFAULT_DATABASE_TIMEOUTS.connectMs,
    "The longest a query waits for a pooled PostgreSQL connection, opening one included.",
  ),
  COUNT_EXACT_LIMIT: count(
    100_000,
    "Most items an exact total count counts (`?count=exact`, GraphQL `totalCount`); past it PostgreSQL's estimate answers, marked as such (docs/rest.md). 0 turns it off.",
  ),
  TLS_CERT_FILE: text(
    "unset: plain HTTP",
    "PEM certificate (chain) file: with `TLS_KEY_FILE`, every server speaks HTTPS and answers send Strict-Transport-Security.",
    "a file path; set together with `TLS_KEY_FILE`",
  ),
  TLS_KEY_FILE: text(
    "unset: plain HTTP",
    "PEM private key file of `TLS_CERT_FILE`.",
    "a file path; set together with `TLS_CERT_FILE`",
  ),
  SHUTDOWN_GRACE_MS: milliseconds(
    10_000,
    "On SIGTERM or SIGINT, how long in-flight requests may take to finish before their connections are closed.",
  ),
  LOG_LEVEL: oneOf(
    LOG_LEVELS,
    "`info` (`silent` under vitest)",
    "How much the logs say: one JSON line per request at `info`, SQL statements at `debug` (see docs/operations.md).",
  ),
  CORS_ORIGINS: origins(
    "unset: any origin, without credentials",
    "Browser origins allowed to call the APIs with a token (see docs/security.md); `*` allows every origin.",
  ),
  MAX_IN_FLIGHT: count(
    256,
    "Requests one instance works on at once, per API; past it new ones are answered 503 with Retry-After. 0 turns it off.",
  ),
  MAX_EVENT_LOOP_DELAY_MS: milliseconds(
    1_000,
    "While the event loop lags more than this on average over a second, new requests are answered 503 with Retry-After. 0 turns it off.",
  ),
  RATE_LIMIT: count(
    1200,
    "Requests one client address may make per window, per API; 0 turns rate limiting off.",
  ),
  RATE_LIMIT_WINDOW_MS: milliseconds(60_000, "The rate-limit window."),
  REDIS_URL: redisUrl(
    "unset: each instance counts and caches alone",
    "The Redis every instance shares: rate-limit counters and the response cache are kept there, so the limits hold across instances and a write through one invalidates the answers all of them keep.",
  ),
  RESPONSE_CACHE: oneOf(
    ["on", "off"],
    "`on`",
    "The response cache both APIs share: answers to reads kept per operation, variables and caller, invalidated by every write through either API (docs/operations.md); `off` reads every answer from the database.",
  ),
  RESPONSE_CACHE_TTL_MS: timeLimit(
    60_000,
    "The longest a kept answer is served: what bounds how stale it can be after a write that went around the APIs (a seed, a migration, SQL).",
  ),
  RESPONSE_CACHE_MAX_BYTES: count(
    67_108_864,
    "The memory the in-process response cache may hold (least recently used answers go first; 0 keeps none); with `REDIS_URL` Redis's own `maxmemory` bounds it.",
  ),
  RESPONSE_CACHE_REPLICA_LAG_MS: milliseconds(
    5_000,
    "With `DATABASE_READ_URLS`: a read from a replica is not kept while a resource it contains was written this recently; set it above the replicas' lag.",
  ),
  TRUST_PROXY: trustProxy(
    "unset: none",
    "Load balancers or proxies whose `X-Forwarded-For` is believed, so limits and logs see the client's address.",
  ),
  IDEMPOTENCY_TTL_MS: milliseconds(
    86_400_000,
    "How long the answer to a POST or PATCH sent with an `Idempotency-Key` is kept and replayed to a retry with the same key (docs/rest.md).",
  ),
  BULK_WRITE_LIMIT: count(
    100,
    "Most items one bulk create takes, both APIs (`POST` of a JSON array, `create{Types}(input: [...])`); more is 413, so 0 refuses every one (docs/rest.md).",
  ),
  AUTH_JWT_SECRET: text(
    "unset",
    "HS256 secret of bearer tokens; `npm start` keeps one in `.data/auth-secret` when unset (docs/security.md).",
    "text of 32 bytes or more",
  ),
  AUTH_JWKS_FILE: text(
    "unset",
    "A JSON Web Key Set file whose keys verify bearer tokens (RS256, ES256, EdDSA).",
    "a file path",
  ),
  AUTH_JWKS_URL: text(
    "unset",
    "A JSON Web Key Set URL, cached and fetched again when a token names an unknown `kid`.",
    "an http:// or https:// URL",
  ),
  AUTH_ISSUER: text("unset: not checked", "The `iss` every bearer token must carry."),
  AUTH_AUDIENCE: text("unset: not checked", "The `aud` every bearer token must carry."),
  AUTH_ANONYMOUS: oneOf(
    ["none", "read"],
    "`read`",
    "What requests without a token may do: `read` the public resources, or `none` (401).",
  ),
} as const satisfies Record<string, Setting<unknown>>;

/**
 * Settings that mean something only together: each group is all set or all unset.
 *
 * @example
 * SET_TOGETHER[0]; // ["TLS_CERT_FILE", "TLS_KEY_FILE"]
 */
export const SET_TOGETHER: readonly (readonly (keyof typeof SETTINGS)[])[] = [
  ["TLS_CERT_FILE", "TLS_KEY_FILE"],
];

/**
 * The name of a setting: its environment variable.
 *
 * @example
 * const name: SettingName = "REST_PORT";
 */
export type SettingName = keyof typeof SETTINGS;
