import type { OverLimitHandler } from "@tusk/edge";
import { ERROR_TITLE, type ErrorCode, HTTP_STATUS, RETRY_AFTER_SECONDS } from "@tusk/errors";
import type { RequestHandler } from "express";

/** Refuses the whole request before any GraphQL work, as a GraphQL error with its HTTP status. */
function refuse(code: ErrorCode, message: string): RequestHandler {
  return (_req, res) => {
    const retryAfter = RETRY_AFTER_SECONDS[code];
    if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
    res.status(HTTP_STATUS[code]).json({ errors: [{ message, extensions: { code } }] });
  };
}

/**
 * A request over the rate limit: HTTP 429 with a GraphQL error (`TOO_MANY_REQUESTS`); the limiter
 * has set `Retry-After`.
 *
 * @example
 * app.use(rateLimiter(limits, "graphql", overLimit));
 */
export const overLimit: OverLimitHandler = refuse(
  "TOO_MANY_REQUESTS",
  `${ERROR_TITLE.TOO_MANY_REQUESTS}: retry after the time Retry-After gives.`,
);

/**
 * A request the instance is too busy to take: HTTP 503 with `Retry-After` and a
 * `SERVICE_UNAVAILABLE` error, as for a database outage.
 *
 * @example
 * app.use(loadShedding(options, overloaded));
 */
export const overloaded: RequestHandler = refuse(
  "SERVICE_UNAVAILABLE",
  "The server is overloaded: retry after the time Retry-After gives.",
);
