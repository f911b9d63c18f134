/**
 * @tusk/edge: what every Tusk HTTP app puts in front of its routes: security headers, the CORS
 * policy, response compression, and per-client rate limits that several instances share through Redis.
 *
 * @example
 * import { connectSharedCounters, rateLimiter, securityHeaders } from "@tusk/edge";
 * app.use(securityHeaders());
 * app.use(rateLimiter({ limit: 1200, windowMs: 60_000, shared: connectSharedCounters(url) }, "rest", overLimit));
 */
export { compressResponses, identityEtag } from "./compression.ts";
export { type CorsOrigins, type CorsPolicy, corsPolicy, requestedHeaders } from "./cors-policy.ts";
export { type LoadSheddingOptions, loadShedding } from "./load-shedding.ts";
export { type EdgeOptions, type OpenedEdge, openEdge } from "./options.ts";
export {
  type BudgetLeft,
  budgetOf,
  type OverLimitHandler,
  type RateLimitOptions,
  rateLimiter,
  type SpendBudget,
} from "./rate-limit.ts";
export { connectSharedCounters, openRedis, redisReady, type SharedCounters } from "./redis.ts";
export { securityHeaders } from "./security-headers.ts";
