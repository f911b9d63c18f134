import type { NextFunction, Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, MemoryStore, rateLimit } from "express-rate-limit";
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
 * What spending more of a budget left: `over` when it is used up (the spend still counts).
 *
 * @example
 * const left: BudgetLeft = { policy: "graphql", remaining: 0, resetSeconds: 31, over: true };
 */
export interface BudgetLeft {
  /** The policy's name, as `RateLimit` and `RateLimit-Policy` give it. */
  readonly policy: string;
  readonly remaining: number;
  /** Seconds until the window restarts. */
  readonly resetSeconds: number;
  readonly over: boolean;
}

/**
 * Spends `points` more of the budget of the caller a response answers (undefined: no limit applies).
 *
 * @example
 * const spend: SpendBudget | undefined = budgetOf(res);
 */
export type SpendBudget = (points: number) => Promise<BudgetLeft | undefined>;

const budgets = new WeakMap<Response, SpendBudget>();

/**
 * How to spend more of this response's caller's budget than the one point its request cost at
 * the edge: a GraphQL operation spends in proportion to its cost. Undefined where no rate limit
 * runs.
 *
 * @example
 * const left = await budgetOf(res)?.(12); // { policy: "graphql", remaining: 40, resetSeconds: 31, over: false }
 */
export function budgetOf(res: Response): SpendBudget | undefined {
  return budgets.get(res);
}

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
  const prefix = `tusk:rate:${name}:`;
  const store = options.shared
    ? new RedisStore({
        prefix,
        sendCommand: (command: string, ...args: string[]) => options.shared!.send(command, args),
      })
    : new MemoryStore();
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
    store,
  });
  // Spending more than the one point a request costs: one INCRBY in Redis; in memory, where an
  // increment is a map update, the store's own increment as often as needed.
  const spendShared = async (key: string, points: number) => {
    const shared = options.shared!;
    const total = Number(await shared.send("INCRBY", [`${prefix}${key}`, String(points)]));
    const ttl = Number(await shared.send("PTTL", [`${prefix}${key}`]));
    return { total, resetMs: ttl > 0 ? ttl : options.windowMs };
  };
  const spendInMemory = async (key: string, points: number) => {
    let info = await store.increment(key);
    for (let i = 1; i < points; i++) info = await store.increment(key);
    return {
      total: info.totalHits,
      resetMs: info.resetTime ? info.resetTime.getTime() - Date.now() : options.windowMs,
    };
  };
  const spendMore = options.shared ? spendShared : spendInMemory;
  let unavailable = false;
  return (req, res, next) => {
    nextOf.set(req, next);
    budgets.set(res, async (points) => {
      const key = (req as Request & { rateLimit?: { key: string } }).rateLimit?.key;
      if (key === undefined || points <= 0) return undefined;
      const { total, resetMs } = await spendMore(key, points);
      const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
      return {
        remaining: Math.max(0, options.limit - total),
        resetSeconds,
        over: total > options.limit,
        policy: name,
      };
    });
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
