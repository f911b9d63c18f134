import { connectSharedCounters, type SharedCounters } from "./redis.ts";

/**
 * The test machine's Redis (`TUSK_REDIS_URL`, default `redis://127.0.0.1:6379`), connected, or
 * undefined when none answers; with `TUSK_REQUIRE_REDIS=1` (CI) a missing Redis is an error.
 *
 * @example
 * const shared = await testRedis();
 * it("shares the limit", ({ skip }) => { if (!shared) return skip(); ... });
 */
export async function testRedis(): Promise<SharedCounters | undefined> {
  const url = testRedisUrl();
  const shared = connectSharedCounters(url);
  try {
    await shared.ready(2_000);
    return shared;
  } catch (error) {
    await shared.close();
    if (process.env.TUSK_REQUIRE_REDIS === "1") throw error;
    console.log(`Redis tests skipped: no Redis answered at ${url}`);
    return undefined;
  }
}

/**
 * The URL of the test machine's Redis.
 *
 * @example
 * openEdge(readConfig({ REDIS_URL: testRedisUrl() }), log);
 */
export function testRedisUrl(): string {
  return process.env.TUSK_REDIS_URL || "redis://127.0.0.1:6379";
}
