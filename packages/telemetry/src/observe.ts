import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { databaseMetrics, type ObservedDatabase } from "./db-metrics.ts";
import type { Logger } from "./logger.ts";
import {
  createHttpMetrics,
  type HttpMetrics,
  metricsEndpoint,
  processMetrics,
  requestMetrics,
} from "./metrics.ts";
import { requestLog } from "./request-log.ts";

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The part of an Express app {@link observeRequests} uses.
 *
 * @example
 * const host: MiddlewareHost = express();
 */
export interface MiddlewareHost {
  use(...handlers: Handler[]): unknown;
  get(path: string, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): unknown;
}

/**
 * What an app tells operators about itself.
 *
 * @example
 * const options: ObserveOptions = { logger: createLogger(), db };
 */
export interface ObserveOptions {
  readonly logger: Logger;
  /** The database whose query and pool metrics `/metrics` includes, if the app has one. */
  readonly db?: ObservedDatabase | undefined;
  /** Further registries whose metrics `/metrics` includes (the response cache's). */
  readonly registries?: readonly Registry[] | undefined;
}

/**
 * Makes an app observable; call it first, before any other middleware: one log line per
 * request with its id ({@link requestLog}), request counts and durations by route template
 * ({@link requestMetrics}), and `GET /metrics` with the app's, its database's and the
 * process's metrics. Returns the app's metrics, whose registry holds any further metric of
 * the app's own (GraphQL operations).
 *
 * @example
 * const app = express();
 * const metrics = observeRequests(app, { logger, db });
 */
export function observeRequests(app: MiddlewareHost, options: ObserveOptions): HttpMetrics {
  const metrics = createHttpMetrics();
  const { db } = options;
  app.use(requestLog(options.logger), requestMetrics(metrics));
  app.get(
    "/metrics",
    metricsEndpoint(() => [
      metrics.registry,
      ...(db ? [databaseMetrics(db)] : []),
      ...(options.registries ?? []),
      processMetrics(),
    ]),
  );
  return metrics;
}
