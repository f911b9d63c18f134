/**
 * @tusk/telemetry: what operators see of every Tusk entry. One logger factory (pino: JSON
 * lines, pretty on a terminal, silent under vitest), request ids carried from `X-Request-Id`
 * through GraphQL execution and SQL logging, and the one line each request leaves.
 *
 * @example
 * import { createLogger, requestLog } from "@tusk/telemetry";
 * const log = createLogger({ level: "info" });
 * app.use(requestLog(log));
 */
export { createLogger, LOG_LEVELS, type Logger, type LoggerOptions, type LogLevel } from "./logger.ts";
export { REQUEST_ID_HEADER, requestIdOf } from "./request-id.ts";
export {
  labelRoute,
  requestLog,
  routeOf,
  scopeOf,
  setRoute,
  UNMATCHED_ROUTE,
} from "./request-log.ts";
export { currentScope, type RequestLabels, type RequestScope, runInScope } from "./scope.ts";
export { logQueries, QUERY_EVENTS, type QueryEmitter, type QueryEvent } from "./sql-log.ts";
