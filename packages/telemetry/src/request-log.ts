import type { IncomingMessage, ServerResponse } from "node:http";
import type { Caller } from "@tusk/auth";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id.ts";
import { currentScope, type RequestScope, runInScope } from "./scope.ts";

/**
 * The route label of a request no route claimed (404s, unparseable paths): one label, so
 * scanners cannot grow the log's or the metrics' label sets.
 *
 * @example
 * labelsOf(res).route ?? UNMATCHED_ROUTE;
 */
export const UNMATCHED_ROUTE = "unmatched";

const scopes = new WeakMap<ServerResponse, RequestScope>();

/**
 * The route template a request was answered on, for its log line and metrics. Express routes
 * (`app.get("/healthz")`) are labelled by their path; other handlers call {@link setRoute}.
 *
 * @example
 * routeOf(req, res); // "/v1/products/{product_id}"
 */
export function routeOf(req: IncomingMessage, res: ServerResponse): string {
  const labelled = scopes.get(res)?.labels.route;
  if (labelled) return labelled;
  const route = (req as { route?: { path?: unknown } }).route?.path;
  if (typeof route === "string") return route;
  // `app.get(["/readyz", "/health"], …)`: the literal that matched.
  const path = req.url?.split("?")[0];
  return Array.isArray(route) && route.includes(path) ? (path as string) : UNMATCHED_ROUTE;
}

/**
 * Names the route template of the request being answered (`/v1/products/{product_id}`): its
 * log line and metrics carry it instead of the raw path.
 *
 * @example
 * setRoute("/v1/products/{product_id}");
 */
export function setRoute(template: string): void {
  const scope = currentScope();
  if (scope) scope.labels.route = template;
}

/**
 * Express-style middleware that labels every request it sees with `route`.
 *
 * @example
 * app.use("/graphql", labelRoute("/graphql"), graphqlHandler);
 */
export function labelRoute(route: string) {
  return (_req: IncomingMessage, _res: ServerResponse, next: () => void): void => {
    setRoute(route);
    next();
  };
}

/**
 * The scope of a response's request, once {@link requestLog} has seen it.
 *
 * @example
 * scopeOf(res)?.id;
 */
export function scopeOf(res: ServerResponse): RequestScope | undefined {
  return scopes.get(res);
}

/** The one line a request leaves: bounded labels only, never the raw path or query. */
function lineOf(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const labels = scopes.get(res)?.labels;
  return {
    method: req.method,
    route: routeOf(req, res),
    status: res.statusCode,
    durationMs,
    ...(labels?.operation ? { operation: labels.operation } : {}),
    ...(labels?.caller ? { caller: labels.caller } : {}),
  };
}

/**
 * A request's log level: a 503 is the service refusing on purpose (shedding load, a deadline,
 * a database outage, which is reported once per cause), so under load its thousands of lines
 * are warnings; any other 5xx, or a response that failed, is an error.
 */
function levelOf(status: number, error: Error | undefined): "info" | "warn" | "error" {
  if (status === 503 && !error) return "warn";
  return error || status >= 500 ? "error" : "info";
}

/**
 * Middleware (Express or plain `node:http`) that gives each request an id (the client's
 * `X-Request-Id` when acceptable, else a new UUID, echoed in the response), runs the rest of
 * the request in a {@link RequestScope} (so GraphQL execution and SQL logging see the id), and
 * writes one line when the response ends: method, route template, status, duration, and the
 * GraphQL operation and caller when known. 5xx lines are errors (503s warnings), the rest info.
 *
 * @example
 * app.use(requestLog(createLogger()));
 */
export function requestLog(logger: Logger) {
  const http = pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (req, res) => {
      const id = requestIdOf(req.headers["x-request-id"]);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, error) => levelOf(res.statusCode, error),
    customSuccessObject: (req, res, value: { responseTime: number }) => lineOf(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) =>
      lineOf(req, res, value.responseTime),
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    http(req, res);
    const scope: RequestScope = { id: String(req.id), log: req.log, labels: {} };
    scopes.set(res, scope);
    runInScope(scope, next);
  };
}

/**
 * Names who called in the log line of the request being answered: a user's name, or
 * `anonymous`. Tokens and scopes are never logged.
 *
 * @example
 * labelCaller(await authenticator.authenticate(req.get("authorization")));
 */
export function labelCaller(caller: Caller): void {
  const scope = currentScope();
  if (!scope) return;
  switch (caller.kind) {
    case "anonymous":
      scope.labels.caller = "anonymous";
      return;
    case "user":
      scope.labels.caller = caller.username;
      return;
  }
  const unknown: never = caller;
  throw new Error(`No label for caller ${JSON.stringify(unknown)}`);
}
