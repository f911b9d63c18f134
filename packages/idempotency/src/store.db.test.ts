import type { Database } from "@tusk/db";
import { createTestDatabase } from "@tusk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKeyStore } from "./store.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FINGERPRINT = "a".repeat(64);
const OTHER = "b".repeat(64);
const answer = {
  status: 201,
  headers: { location: "http://rest.test/v1/products/1" },
  body: Buffer.from("{}"),
};

describe("databaseKeyStore", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it("claims a new key, then answers in-flight, reused and answered as the row says", async () => {
    const store = databaseKeyStore(db.prisma, { ttlMs: 60_000 });
    const scope = { caller: "jdoe", key: "one" };
    const claim = await store.claim(scope, FINGERPRINT, 60_000);
    expect(claim.kind).toBe("claimed");
    expect(await store.claim(scope, FINGERPRINT, 60_000)).toEqual({ kind: "in-flight" });
    expect(await store.claim(scope, OTHER, 60_000)).toEqual({ kind: "reused" });
    if (claim.kind !== "claimed") throw new Error("unreachable");
    await store.complete(scope, claim.lease, answer);
    expect(await store.claim(scope, FINGERPRINT, 60_000)).toEqual({ kind: "answered", response: answer });
    expect(await store.claim({ caller: "other", key: "one" }, FINGERPRINT, 60_000)).toMatchObject({
      kind: "claimed",
    });
  });

  it("lets a retry take over a key whose request held it past its time (its instance died)", async () => {
    const store = databaseKeyStore(db.prisma, { ttlMs: 60_000 });
    const scope = { caller: "jdoe", key: "crashed" };
    const first = await store.claim(scope, FINGERPRINT, 100);
    await sleep(150);
    expect(await store.claim(scope, OTHER, 60_000)).toEqual({ kind: "reused" });
    const retry = await store.claim(scope, FINGERPRINT, 60_000);
    expect(retry.kind).toBe("claimed");
    // The first request's late answer no longer counts: the key is the retry's.
    if (first.kind !== "claimed" || retry.kind !== "claimed") throw new Error("unreachable");
    await store.complete(scope, first.lease, { ...answer, status: 500 });
    expect(await store.claim(scope, FINGERPRINT, 60_000)).toEqual({ kind: "in-flight" });
    await store.release(scope, retry.lease);
    expect((await store.claim(scope, FINGERPRINT, 60_000)).kind).toBe("claimed");
  });

  it("deletes expired keys on a later claim", async () => {
    const store = databaseKeyStore(db.prisma, { ttlMs: 50, purgeEveryMs: 0 });
    await store.claim({ caller: "jdoe", key: "old" }, FINGERPRINT, 50);
    await sleep(100);
    await store.claim({ caller: "jdoe", key: "new" }, FINGERPRINT, 50);
    await expect
      .poll(() => db.prisma.idempotencyKey.count({ where: { key: "old" } }), { interval: 20 })
      .toBe(0);
  });
});
