import { HTTP_STATUS, RETRY_AFTER_SECONDS } from "@tusk/errors";
import type { ErrorRequestHandler, RequestHandler } from "express";

const CODE = "SERVICE_UNAVAILABLE";

/**
 * An operation that has not been answered within `ms` gets HTTP 503 with `Retry-After` and a
 * SERVICE_UNAVAILABLE error; what the server would have sent afterwards is dropped (see
 * {@link afterDeadline}). The database work it started is bounded by the pool's time limits.
 *
 * @example
 * app.use("/graphql", requestDeadline(10_000), express.json(), expressMiddleware(server), afterDeadline());
 */
export function requestDeadline(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(HTTP_STATUS[CODE]);
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS[CODE]));
      res.setHeader("Cache-Control", "no-store");
      res.json({
        errors: [
          { message: `No answer within the ${ms} ms time limit; retry shortly.`, extensions: { code: CODE } },
        ],
      });
    }, ms);
    res.once("close", () => clearTimeout(timer));
    next();
  };
}

/**
 * Swallows the error Express raises when a late answer tries to write a response the deadline
 * already sent; Express's own handler would destroy the (keep-alive) connection instead.
 *
 * @example
 * app.use("/graphql", requestDeadline(10_000), handler, afterDeadline());
 */
export function afterDeadline(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return;
    next(error);
  };
}
