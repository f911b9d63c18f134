import type { Config } from "@tusk/config";
import type { Registry } from "@tusk/registry";
import { createResponseCache, type ResponseCache } from "./cache.ts";
import { redisStore } from "./redis-store.ts";
import { memoryStore } from "./store.ts";

/**
 * The settings of the response cache.
 *
 * @example
 * const settings: ResponseCacheSettings = readConfig();
 */
export type ResponseCacheSettings = Pick<
  Config,
  | "RESPONSE_CACHE"
  | "RESPONSE_CACHE_TTL_MS"
  | "RESPONSE_CACHE_MAX_BYTES"
  | "RESPONSE_CACHE_REPLICA_LAG_MS"
  | "REDIS_URL"
>;

/** Says the first of a run of failures, then at most once a minute: an outage of Redis is not a line per request. */
function nowAndThen(say: (error: unknown) => void, everyMs = 60_000): (error: unknown) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (error) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    say(error);
  };
}

/**
 * The response cache of an entry from its configuration: none with `RESPONSE_CACHE=off`; in
 * Redis when `REDIS_URL` is set, so every instance shares entries and invalidations; else in
 * this process's memory, bounded by `RESPONSE_CACHE_MAX_BYTES` (0: none). Entries live
 * `RESPONSE_CACHE_TTL_MS` at most.
 *
 * @example
 * const cache = openResponseCache(readConfig(), { partition: baseUrl, readsFromReplicas: false });
 * createInProcessRestApp({ db, baseUrl, responseCache: cache });
 */
export function openResponseCache(
  config: ResponseCacheSettings,
  options: {
    readonly partition: string;
    readonly readsFromReplicas: boolean;
    readonly registry?: Registry;
    /** Told when the store fails: the first time, then at most once a minute. */
    readonly onStoreError?: (error: unknown) => void;
    /** Prefix of the Redis keys (default `tusk:cache:`). */
    readonly prefix?: string;
  },
): ResponseCache | undefined {
  if (config.RESPONSE_CACHE === "off") return undefined;
  if (!config.REDIS_URL && config.RESPONSE_CACHE_MAX_BYTES === 0) return undefined;
  const ttlMs = config.RESPONSE_CACHE_TTL_MS;
  const recentMs = options.readsFromReplicas ? config.RESPONSE_CACHE_REPLICA_LAG_MS : 0;
  const store = config.REDIS_URL
    ? redisStore({
        url: config.REDIS_URL,
        ttlMs,
        recentMs,
        ...(options.prefix ? { prefix: options.prefix } : {}),
      })
    : memoryStore({ maxBytes: config.RESPONSE_CACHE_MAX_BYTES, ttlMs, recentMs });
  return createResponseCache({
    store,
    partition: options.partition,
    readsFromReplicas: options.readsFromReplicas,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.onStoreError ? { onStoreError: nowAndThen(options.onStoreError) } : {}),
  });
}
