/**
 * @tusk/response-cache: one response cache for both APIs. Answers to reads are kept by
 * operation, variables and caller, tagged with the resources they contain; every write through
 * either API invalidates the tags it touches. In this process's memory, or in Redis so every
 * instance shares it.
 *
 * @example
 * import { createResponseCache, memoryStore } from "@tusk/response-cache";
 * const cache = createResponseCache({ store: memoryStore({ maxBytes: 64 << 20, ttlMs: 60_000, recentMs: 0 }) });
 */
export {
  type CacheApi,
  type CacheOperation,
  createResponseCache,
  type KeptAnswer,
  type PendingOperation,
  type ResponseCache,
  type ResponseCacheOptions,
} from "./cache.ts";
export { type OperationFacts, operationFacts } from "./facts.ts";
export { openResponseCache, type ResponseCacheSettings } from "./open.ts";
export { type RedisStoreOptions, redisStore } from "./redis-store.ts";
export { type CacheStore, memoryStore, type StoredEntry, type StoreLimits, type StoreRead } from "./store.ts";
