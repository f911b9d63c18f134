import type { OverLimitHandler } from "@tusk/edge";
import { ERROR_TITLE } from "@tusk/errors";

/**
 * A request over the rate limit: HTTP 429 with a GraphQL error (`TOO_MANY_REQUESTS`); the limiter
 * has set `Retry-After`.
 *
 * @example
 * app.use(rateLimiter(limits, "graphql", overLimit));
 */
export const overLimit: OverLimitHandler = (_req, res) => {
  res.status(429).json({
    errors: [
      {
        message: `${ERROR_TITLE.TOO_MANY_REQUESTS}: retry after the time Retry-After gives.`,
        extensions: { code: "TOO_MANY_REQUESTS" },
      },
    ],
  });
};
