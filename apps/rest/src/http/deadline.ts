import { ApiError } from "@tusk/errors";
import type { RequestHandler } from "express";
import { type ProblemTypes, sendProblem } from "./problem.ts";

/**
 * A request that has not been answered within `ms` gets 503 problem+json with `Retry-After`,
 * and whatever its handler still sends afterwards is dropped (Express refuses headers once the
 * response is sent; the dispatcher's error path ends quietly). The database work it started is
 * bounded by the pool's own time limits.
 *
 * @example
 * app.use(requestDeadline(10_000, uris));
 */
export function requestDeadline(ms: number, types: ProblemTypes): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const error = new ApiError(
        "SERVICE_UNAVAILABLE",
        `No answer within the ${ms} ms time limit; retry shortly.`,
      );
      sendProblem(res, error, req.originalUrl, types);
    }, ms);
    res.once("close", () => clearTimeout(timer));
    next();
  };
}
