import { createHash } from "node:crypto";
import { Redis } from "ioredis";

/**
 * A connection to the Redis that holds what several instances share (rate-limit counters).
 *
 * @example
 * const shared = connectSharedCounters(process.env.REDIS_URL!);
 * await shared.close();
 */
export interface SharedCounters {
  /** Sends one command; rejects at once while Redis is unreachable (no queue builds up). */
  send(command: string, args: readonly string[]): Promise<never>;
  /** Resolves once connected (rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * `SCRIPT LOAD` answers the script's SHA-1, which is known without Redis. The rate-limit store
 * loads its scripts once at start and would keep a failed load forever; answering the digest
 * lets it recover by itself: its first `EVALSHA` after Redis returns gets `NOSCRIPT`, and it
 * loads the script again.
 */
async function scriptLoad(redis: Redis, script: string): Promise<string> {
  try {
    return (await redis.call("SCRIPT", "LOAD", script)) as string;
  } catch {
    return createHash("sha1").update(script).digest("hex");
  }
}

/**
 * A client of the Redis at `url` (`redis://host:port/db`) that fails fast: commands fail at once
 * while Redis is away instead of queueing behind a request (`enableOfflineQueue: false`), and the
 * client reconnects in the background.
 *
 * @example
 * const redis = openRedis("redis://127.0.0.1:6379");
 */
export function openRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Connection errors are answered per command (the request passes); without a listener ioredis
  // would print each reconnection attempt as an unhandled error.
  redis.on("error", () => {});
  return redis;
}

/**
 * Resolves once `redis` is connected; rejects after `timeoutMs` (the client goes on trying).
 *
 * @example
 * await redisReady(openRedis("redis://127.0.0.1:6379"), 2_000);
 */
export async function redisReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === "ready") return;
  // Not events.once: it would reject on the first failed connection attempt, and the
  // client goes on trying.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
}

/**
 * Connects to `url` (`redis://host:port/db`) through {@link openRedis}.
 *
 * @example
 * const shared = connectSharedCounters("redis://127.0.0.1:6379");
 */
export function connectSharedCounters(url: string): SharedCounters {
  const redis = openRedis(url);
  return {
    send: (command, args) =>
      (command === "SCRIPT" && args[0] === "LOAD" && args[1] !== undefined
        ? scriptLoad(redis, args[1])
        : redis.call(command, ...args)) as Promise<never>,
    ready: (timeoutMs) => redisReady(redis, timeoutMs),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
