import type { Config } from "@tusk/config";
import type { CorsOrigins } from "./cors-policy.ts";
import type { LoadSheddingOptions } from "./load-shedding.ts";
import type { RateLimitOptions } from "./rate-limit.ts";
import { connectSharedCounters } from "./redis.ts";

/**
 * What an app puts in front of its routes besides the security headers, which are always on.
 * Unset fields leave the feature off (no rate limit, no trusted proxy) or at its default
 * (CORS for anonymous callers from any origin).
 *
 * @example
 * const edge: EdgeOptions = { corsOrigins: ["https://shop.example"], rateLimit: { limit: 100, windowMs: 60_000 } };
 */
export interface EdgeOptions {
  readonly corsOrigins?: CorsOrigins;
  readonly rateLimit?: RateLimitOptions;
  readonly loadShedding?: LoadSheddingOptions;
  /** Express's `trust proxy`: hops, or addresses and subnets of the proxies to believe. */
  readonly trustProxy?: number | string;
}

/**
 * The edge an entry runs with, and what to close when it stops (the Redis connection).
 *
 * @example
 * const opened: OpenedEdge = openEdge(readConfig(), console.error);
 * await opened.close();
 */
export interface OpenedEdge {
  readonly options: EdgeOptions;
  close(): Promise<void>;
}

/**
 * The edge of an entry from its configuration: connects to `REDIS_URL` when set, so every
 * instance counts against the same limits; `RATE_LIMIT=0` turns rate limiting off. `log` hears
 * when Redis stops and starts answering.
 *
 * @example
 * const edge = openEdge(readConfig(), (line) => console.error(line));
 * createRestApp({ uris, executor, edge: edge.options });
 */
export function openEdge(
  config: Pick<
    Config,
    | "CORS_ORIGINS"
    | "MAX_IN_FLIGHT"
    | "MAX_EVENT_LOOP_DELAY_MS"
    | "RATE_LIMIT"
    | "RATE_LIMIT_WINDOW_MS"
    | "REDIS_URL"
    | "TRUST_PROXY"
  >,
  log: (line: string) => void,
): OpenedEdge {
  const limited = config.RATE_LIMIT > 0;
  const shared = limited && config.REDIS_URL ? connectSharedCounters(config.REDIS_URL) : undefined;
  const options: EdgeOptions = {
    ...(config.CORS_ORIGINS === undefined ? {} : { corsOrigins: config.CORS_ORIGINS }),
    ...(config.TRUST_PROXY === undefined ? {} : { trustProxy: config.TRUST_PROXY }),
    ...(config.MAX_IN_FLIGHT > 0 || config.MAX_EVENT_LOOP_DELAY_MS > 0
      ? {
          loadShedding: {
            maxInFlight: config.MAX_IN_FLIGHT,
            maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS,
          },
        }
      : {}),
    ...(limited
      ? {
          rateLimit: {
            limit: config.RATE_LIMIT,
            windowMs: config.RATE_LIMIT_WINDOW_MS,
            onSharedCountersChange: log,
            ...(shared ? { shared } : {}),
          },
        }
      : {}),
  };
  return { options, close: async () => shared?.close() };
}
