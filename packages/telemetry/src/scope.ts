import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";

/**
 * What is known about the request being answered, wherever its work runs (a GraphQL resolver,
 * a Prisma query): its id, its logger and the labels its log line and metrics carry.
 *
 * @example
 * const scope: RequestScope = { id: "abc", log, labels: {} };
 */
export interface RequestScope {
  readonly id: string;
  /** The logger whose lines carry `reqId`. */
  readonly log: Logger;
  /** Filled in as the request is understood. */
  readonly labels: RequestLabels;
}

/**
 * The bounded labels of a request's log line and metrics.
 *
 * @example
 * const labels: RequestLabels = { route: "/v1/products/{product_id}" };
 */
export interface RequestLabels {
  /** The route template (`/v1/products/{product_id}`), never the raw path. */
  route?: string;
  /** The GraphQL operation's name. */
  operation?: string;
  /** Who called (a subject), once known. */
  caller?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` (and everything it starts) inside `scope`.
 *
 * @example
 * runInScope({ id: "abc", log, labels: {} }, () => next());
 */
export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/**
 * The request being answered, if any.
 *
 * @example
 * currentScope()?.id; // "abc"
 */
export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}
