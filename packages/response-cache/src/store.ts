import { LRUCache } from "lru-cache";

/**
 * A kept answer: its body and the versions its tags had before it was read.
 *
 * @example
 * const entry: StoredEntry = { versions: ["3", "0"], body: '{"data":{"product":null}}' };
 */
export interface StoredEntry {
  readonly versions: readonly string[];
  readonly body: string;
}

/**
 * What a lookup finds: the entry under the key (if any), the current versions of the tags (in
 * the order asked), and whether any of the tags was written within the store's `recentMs`.
 *
 * @example
 * const found: StoreRead = { entry: undefined, versions: ["3"], recent: false };
 */
export interface StoreRead {
  readonly entry: StoredEntry | undefined;
  readonly versions: readonly string[];
  readonly recent: boolean;
}

/**
 * Where entries and tag versions live: this process's memory or Redis. A write bumps the
 * version of every tag it touches, so an entry kept with older versions is never served again;
 * nothing has to find and delete it.
 *
 * @example
 * const store: CacheStore = memoryStore({ maxBytes: 64 << 20, ttlMs: 60_000, recentMs: 0 });
 */
export interface CacheStore {
  /** Where entries are kept, for logs and docs: `memory` or `redis`. */
  readonly kind: "memory" | "redis";
  /** Resolves once the store answers (rejects after `timeoutMs`); until then lookups fail and requests go uncached. */
  ready(timeoutMs?: number): Promise<void>;
  read(key: string, tags: readonly string[]): Promise<StoreRead>;
  write(key: string, entry: StoredEntry): Promise<void>;
  bump(tags: readonly string[]): Promise<void>;
  /** Forgets every entry and tag version (after writes that went around the APIs). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long entries live and how much they may hold.
 *
 * @example
 * const limits: StoreLimits = { maxBytes: 64 << 20, ttlMs: 60_000, recentMs: 0 };
 */
export interface StoreLimits {
  /** The most the entries' bodies may hold (memory store; Redis is bounded by its `maxmemory`). */
  readonly maxBytes: number;
  /** How long an entry is served at most, whatever happens. */
  readonly ttlMs: number;
  /** How long after a write its tags count as recently written (0: never). */
  readonly recentMs: number;
}

/**
 * Entries in this process's memory: a least-recently-used cache bounded by the bytes of its
 * bodies (lru-cache), with tag versions and the time of each tag's last write beside it.
 *
 * @example
 * const store = memoryStore({ maxBytes: 64 << 20, ttlMs: 60_000, recentMs: 0 });
 */
export function memoryStore(limits: StoreLimits): CacheStore {
  const entries = new LRUCache<string, StoredEntry>({
    maxSize: limits.maxBytes,
    // UTF-16 in memory: two bytes a character, and the key and versions beside it.
    sizeCalculation: (entry, key) => 2 * (entry.body.length + key.length) + 64,
    ttl: limits.ttlMs,
  });
  const versions = new Map<string, number>();
  const written = new Map<string, number>();
  return {
    kind: "memory",
    ready: async () => {},
    async read(key, tags) {
      const now = Date.now();
      return {
        entry: entries.get(key),
        versions: tags.map((tag) => String(versions.get(tag) ?? 0)),
        recent: tags.some((tag) => now - (written.get(tag) ?? Number.NEGATIVE_INFINITY) < limits.recentMs),
      };
    },
    async write(key, entry) {
      entries.set(key, entry);
    },
    async bump(tags) {
      const now = Date.now();
      for (const tag of tags) {
        versions.set(tag, (versions.get(tag) ?? 0) + 1);
        written.set(tag, now);
      }
    },
    async clear() {
      entries.clear();
      versions.clear();
      written.clear();
    },
    async close() {
      entries.clear();
    },
  };
}
