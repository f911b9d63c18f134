import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { routeOf } from "./request-log.ts";

/** Seconds, from 5 ms to 10 s: the request deadline is 10 s. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type HttpLabels = "method" | "route" | "status";

/**
 * The HTTP metrics of one app, in a registry of its own: a process that builds many apps (the
 * launcher, the tests) never registers a name twice.
 *
 * @example
 * const metrics = createHttpMetrics();
 * app.use(requestMetrics(metrics));
 */
export interface HttpMetrics {
  readonly registry: Registry;
  readonly requests: Counter<HttpLabels>;
  readonly duration: Histogram<HttpLabels>;
}

/**
 * A new registry with `http_requests_total` and `http_request_duration_seconds`, labelled by
 * method, route template and status.
 *
 * @example
 * const metrics = createHttpMetrics();
 * metrics.requests.inc({ method: "GET", route: "/healthz", status: "200" });
 */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  const labelNames = ["method", "route", "status"] as const;
  return {
    registry,
    requests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route template and status.",
      labelNames,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from the request's first byte read to its response's last byte written.",
      labelNames,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
  };
}

/**
 * Middleware that counts and times every request by method, route template (see `setRoute`)
 * and status. Mount it after `requestLog`, which knows the route.
 *
 * @example
 * app.use(requestLog(log), requestMetrics(metrics));
 */
export function requestMetrics(metrics: HttpMetrics) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const labels = { method: req.method ?? "", route: routeOf(req, res), status: String(res.statusCode) };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

let processRegistry: Registry | undefined;

/**
 * The process's own metrics (CPU, memory, event loop lag, GC, handles): one registry per
 * process, shared by every app's `/metrics`, made on first use.
 *
 * @example
 * await processMetrics().metrics();
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * A handler for `GET /metrics`: the given registries (the app's, its database's, the
 * process's) in Prometheus text format, `text/plain; version=0.0.4`.
 *
 * @example
 * app.get("/metrics", metricsEndpoint(() => [metrics.registry, processMetrics()]));
 */
export function metricsEndpoint(registries: () => readonly Registry[]) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const merged = Registry.merge([...registries()]);
    const body = await merged.metrics();
    res.statusCode = 200;
    res.setHeader("Content-Type", merged.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.end(body);
  };
}
