/**
 * @tusk/telemetry: what operators see of every Tusk entry. One logger factory (pino: JSON
 * lines, pretty on a terminal, silent under vitest), request ids carried from `X-Request-Id`
 * through GraphQL execution and SQL logging, the one line each request leaves, and Prometheus
 * metrics (prom-client, one registry per app) at `GET /metrics`.
 *
 * @example
 * import { createLogger, observeRequests } from "@tusk/telemetry";
 * const app = express();
 * observeRequests(app, { logger: createLogger({ level: "info" }), db });
 */
export { boundedLabel } from "./bounded.ts";
export { databaseMetrics, type ObservedDatabase } from "./db-metrics.ts";
export { graphqlMetrics, MAX_OPERATION_NAMES, type OperationOutcome } from "./graphql-metrics.ts";
export { createLogger, LOG_LEVELS, type Logger, type LoggerOptions, type LogLevel } from "./logger.ts";
export {
  createHttpMetrics,
  type HttpMetrics,
  metricsEndpoint,
  processMetrics,
  requestMetrics,
} from "./metrics.ts";
export { type MiddlewareHost, type ObserveOptions, observeRequests } from "./observe.ts";
export { REQUEST_ID_HEADER, requestIdOf } from "./request-id.ts";
export {
  labelCaller,
  labelRoute,
  requestLog,
  routeOf,
  scopeOf,
  setRoute,
  UNMATCHED_ROUTE,
} from "./request-log.ts";
export { currentScope, type RequestLabels, type RequestScope, runInScope } from "./scope.ts";
export { inSpan, traceHeaders } from "./span.ts";
export { logQueries, QUERY_EVENTS, type QueryEmitter, type QueryEvent } from "./sql-log.ts";
export { startTracing, type Tracing, tracingRequested } from "./tracing.ts";
