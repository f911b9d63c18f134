import { openRedis, redisReady } from "@tusk/edge";
import type { CacheStore, StoredEntry, StoreLimits } from "./store.ts";

/**
 * Where the Redis store keeps its keys.
 *
 * @example
 * const options: RedisStoreOptions = { url: "redis://127.0.0.1:6379", prefix: "tusk:cache:", ttlMs: 60_000, recentMs: 0 };
 */
export interface RedisStoreOptions extends Omit<StoreLimits, "maxBytes"> {
  /** `redis://host:port/db`. */
  readonly url: string;
  /** Prepended to every key (default `tusk:cache:`): instances that share entries share it. */
  readonly prefix?: string;
}

/**
 * Entries and tag versions in Redis, shared by every instance that uses the same URL and
 * prefix: `<prefix>e:<key>` holds an entry (with a TTL), `<prefix>v:<tag>` a tag's version and
 * `<prefix>w:<tag>` exists for `recentMs` after the tag's last write. A lookup is one `MGET`;
 * a write's invalidation one `MULTI`. Commands fail at once while Redis is away (the cache then
 * reads from the database and keeps nothing) rather than queueing behind requests.
 *
 * @example
 * const store = redisStore({ url: "redis://127.0.0.1:6379", ttlMs: 60_000, recentMs: 0 });
 */
export function redisStore(options: RedisStoreOptions): CacheStore {
  const redis = openRedis(options.url);
  const prefix = options.prefix ?? "tusk:cache:";
  const entryKey = (key: string) => `${prefix}e:${key}`;
  const versionKey = (tag: string) => `${prefix}v:${tag}`;
  const writtenKey = (tag: string) => `${prefix}w:${tag}`;
  return {
    kind: "redis",
    ready: (timeoutMs) => redisReady(redis, timeoutMs),
    async read(key, tags) {
      const values = await redis.mget(entryKey(key), ...tags.map(versionKey), ...tags.map(writtenKey));
      const [entry, ...rest] = values;
      return {
        entry: entry ? (JSON.parse(entry) as StoredEntry) : undefined,
        versions: rest.slice(0, tags.length).map((v) => v ?? "0"),
        recent: rest.slice(tags.length).some((v) => v !== null),
      };
    },
    async write(key, entry) {
      await redis.set(entryKey(key), JSON.stringify(entry), "PX", options.ttlMs);
    },
    async bump(tags) {
      const multi = redis.multi();
      for (const tag of tags) {
        multi.incr(versionKey(tag));
        if (options.recentMs > 0) multi.set(writtenKey(tag), "1", "PX", options.recentMs);
      }
      await multi.exec();
    },
    async clear() {
      // Redis matches the prefix as a glob: its own special characters are escaped.
      const match = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
      for await (const keys of redis.scanStream({ match, count: 500 }) as AsyncIterable<string[]>)
        if (keys.length > 0) await redis.del(...keys);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
