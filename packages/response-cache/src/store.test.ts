import { randomUUID } from "node:crypto";
import { testRedis, testRedisUrl } from "@tusk/edge/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisStore } from "./redis-store.ts";
import { type CacheStore, memoryStore } from "./store.ts";

const redisAnswers = await testRedis().then(async (shared) => {
  await shared?.close();
  return shared !== undefined;
});

// The same claims of both stores; each Redis run keeps its keys under a prefix of its own.
describe.each([
  ["memory", () => memoryStore({ maxBytes: 1 << 20, ttlMs: 60_000, recentMs: 200 })],
  [
    "redis",
    () =>
      redisStore({ url: testRedisUrl(), prefix: `tusk:test:${randomUUID()}:`, ttlMs: 60_000, recentMs: 200 }),
  ],
] as const)("the %s store", (kind, open) => {
  let store: CacheStore;
  beforeAll(async () => {
    if (kind === "redis" && !redisAnswers) return;
    store = open();
    await store.ready();
  });
  afterAll(async () => {
    await store?.clear();
    await store?.close();
  });

  it("keeps an entry with the versions it was read at, and a bump moves only the bumped tags", async ({
    skip,
  }) => {
    if (!store) return skip();
    const first = await store.read("k", ["A", "B"]);
    expect(first).toEqual({ entry: undefined, versions: ["0", "0"], recent: false });
    await store.write("k", { versions: first.versions, body: '{"data":{}}' });
    expect((await store.read("k", ["A", "B"])).entry).toEqual({ versions: ["0", "0"], body: '{"data":{}}' });
    await store.bump(["B"]);
    const after = await store.read("k", ["A", "B"]);
    expect(after.versions).toEqual(["0", "1"]);
    expect(after.recent).toBe(true);
    expect((await store.read("k", ["A"])).recent).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await store.read("k", ["B"])).recent).toBe(false);
    await store.clear();
    expect(await store.read("k", ["A", "B"])).toEqual({
      entry: undefined,
      versions: ["0", "0"],
      recent: false,
    });
  });
});

describe("the memory store", () => {
  it("drops the least recently used entries past its size in bytes", async () => {
    const store = memoryStore({ maxBytes: 10_000, ttlMs: 60_000, recentMs: 0 });
    const body = "x".repeat(1_000);
    for (let i = 0; i < 10; i++) await store.write(`k${i}`, { versions: [], body });
    expect((await store.read("k0", [])).entry).toBeUndefined();
    expect((await store.read("k9", [])).entry?.body).toBe(body);
  });

  it("serves an entry no longer than its time to live", async () => {
    const store = memoryStore({ maxBytes: 10_000, ttlMs: 50, recentMs: 0 });
    await store.write("k", { versions: [], body: "{}" });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await store.read("k", [])).entry).toBeUndefined();
  });
});
