import type { NextFunction, Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { RedisStore } from "rate-limit-redis";
import type { SharedCounters } from "./redis.ts";

/**
 * How many requests one client may make per window. With `shared` the counters live in Redis,
 * so every instance behind a load balancer counts against the same limit; without, each instance
 * counts alone.
 *
 * @example
 * const limits: RateLimitOptions = { limit: 1200, windowMs: 60_000, shared: connectSharedCounters("redis://127.0.0.1:6379") };
 */
export interface RateLimitOptions {
  /** Requests per client per window. */
  readonly limit: number;
  readonly windowMs: number;
  readonly shared?: SharedCounters;
  /** Told once when the shared counters stop answering, and once when they answer again. */
  readonly onSharedCountersChange?: (line: string) => void;
}

/**
 * Answers a request over the limit; `Retry-After` and the `RateLimit`/`RateLimit-Policy` headers
 * (IETF draft 8) are already set.
 *
 * @example
 * const overLimit: OverLimitHandler = (_req, res) => void res.status(429).end();
 */
export type OverLimitHandler = RequestHandler;

/**
 * Counts requests per caller: by `callerKey` when it names one (a verified token's user, see
 * `rateLimitKey` in @tusk/auth), otherwise per client address (IPv6 by /56 subnet, so one host
 * cannot rotate addresses past it; behind a proxy set `TRUST_PROXY` so the address is the
 * client's). An unverified token is never the key: it costs an attacker nothing to change. When the shared counters cannot
 * be reached the request passes: an outage of Redis must not become an outage of the API.
 *
 * @example
 * app.use(rateLimiter({ limit: 1200, windowMs: 60_000 }, "rest", (req, res) => res.status(429).end()));
 */
export function rateLimiter(
  options: RateLimitOptions,
  name: string,
  overLimit: OverLimitHandler,
  callerKey: (req: Request) => Promise<string | undefined> = async () => undefined,
): RequestHandler {
  const nextOf = new WeakMap<Request, NextFunction>();
  const limiter = rateLimit({
    limit: options.limit,
    windowMs: options.windowMs,
    identifier: name,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: async (req) => (await callerKey(req)) ?? ipKeyGenerator(req.ip ?? "unknown"),
    // Store errors reach the wrapper below, which lets the request pass and reports the outage once
    // (the library's own pass-through would print a line per request).
    passOnStoreError: false,
    // The answer goes to the app's own next (its error handler), not to the wrapper below.
    handler: (req, res) => overLimit(req, res, nextOf.get(req)!),
    ...(options.shared
      ? {
          store: new RedisStore({
            prefix: `tusk:rate:${name}:`,
            sendCommand: (command: string, ...args: string[]) => options.shared!.send(command, args),
          }),
        }
      : {}),
  });
  let unavailable = false;
  return (req, res, next) => {
    nextOf.set(req, next);
    return limiter(req, res, (error?: unknown) => {
      if (error !== undefined && !unavailable) {
        unavailable = true;
        options.onSharedCountersChange?.(
          `rate limits: Redis does not answer (${error instanceof Error ? error.message : String(error)}); requests pass unlimited`,
        );
      } else if (error === undefined && unavailable) {
        unavailable = false;
        options.onSharedCountersChange?.("rate limits: Redis answers again");
      }
      next();
    });
  };
}
