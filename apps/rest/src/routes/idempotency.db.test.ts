import { ADMIN_SCOPE, type Caller, userCaller } from "@tusk/auth";
import type { PrismaClient } from "@tusk/db";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, testAuthenticator } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";
import { createInProcessRestApp } from "../in-process-app.ts";

const KEY = "Idempotency-Key";
const sprocket = (name: string) => ({ name, price: "12.50", stock: 3 });

/** A Prisma client whose write transactions wait for `gate` (or fail with `fail`) before they start. */
function holdingWrites(
  prisma: PrismaClient,
  hold: { gate?: Promise<void> | undefined; fail?: Error | undefined },
): PrismaClient {
  return new Proxy(prisma, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== "$transaction") return typeof value === "function" ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        await hold.gate;
        const failure = hold.fail;
        hold.fail = undefined;
        if (failure) throw failure;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe("Idempotency-Key on POST and PATCH", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers a repeat with the first answer, marked replayed, and writes nothing more", async () => {
    const body = sprocket("Replayed sprocket");
    const first = await request(t.app).post("/v1/products").set(KEY, '"create-1"').send(body);
    expect(first.status).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const count = await t.db.prisma.product.count();
    // Members in another order and the bare form of the same key: the same request.
    const again = await request(t.app)
      .post("/v1/products")
      .set(KEY, "create-1")
      .send({ stock: 3, price: "12.50", name: "Replayed sprocket" });
    expect(again.status).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(again.text).toBe(first.text);
    expect(await t.db.prisma.product.count()).toBe(count);
    expect(await t.db.prisma.product.count({ where: { name: "Replayed sprocket" } })).toBe(1);
  });

  it("of identical requests sent at once, exactly one writes", async () => {
    const body = sprocket("Burst sprocket");
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => request(t.app).post("/v1/products").set(KEY, "burst").send(body)),
    );
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    const written = answers.filter((a) => a.status === 201 && a.headers["idempotent-replayed"] !== "true");
    expect(written).toHaveLength(1);
    expect(await t.db.prisma.product.count({ where: { name: "Burst sprocket" } })).toBe(1);
  });

  it("without the header, every POST writes", async () => {
    const body = sprocket("Unkeyed sprocket");
    expect((await request(t.app).post("/v1/products").send(body)).status).toBe(201);
    expect((await request(t.app).post("/v1/products").send(body)).status).toBe(201);
    expect(await t.db.prisma.product.count({ where: { name: "Unkeyed sprocket" } })).toBe(2);
  });

  it("refuses the same key with another body, or another path, with 422 naming the header", async () => {
    await request(t.app).post("/v1/products").set(KEY, "create-2").send(sprocket("One")).expect(201);
    for (const [path, body] of [
      ["/v1/products", sprocket("Two")],
      ["/v1/categories", { name: "One" }],
    ] as const) {
      const reused = await request(t.app).post(path).set(KEY, "create-2").send(body);
      expect(reused.status).toBe(422);
      expect(reused.headers["content-type"]).toBe("application/problem+json");
      expect(reused.body.type).toBe(`${BASE}/v1/problems/idempotency_key_reused`);
      expect(reused.body.invalid_params).toEqual([{ name: KEY, reason: expect.any(String) }]);
    }
    expect(await t.db.prisma.product.count({ where: { name: "Two" } })).toBe(0);
    expect(await t.db.prisma.category.count({ where: { name: "One" } })).toBe(0);
  });

  it.each([
    ["empty", ""],
    ["an empty quoted string", '""'],
    ["too long", "k".repeat(256)],
    ["with a space, unquoted", "two words"],
  ])("refuses a key that is %s with 400 naming the header, writing nothing", async (_what, key) => {
    const count = await t.db.prisma.product.count();
    const res = await request(t.app).post("/v1/products").set(KEY, key).send(sprocket("Malformed key"));
    expect(res.status).toBe(400);
    expect(res.body.invalid_params).toEqual([{ name: KEY, reason: expect.any(String) }]);
    expect(await t.db.prisma.product.count()).toBe(count);
  });

  it("accepts a key of 255 characters and a quoted key with a space", async () => {
    for (const key of ["k".repeat(255), '"two words"']) {
      const res = await request(t.app)
        .post("/v1/categories")
        .set(KEY, key)
        .send({ name: `Keyed ${key.length}` });
      expect(res.status).toBe(201);
    }
  });

  it("keeps keys per caller: another caller's same key and request is a request of its own", async () => {
    const body = sprocket("Per-caller sprocket");
    const post = async (caller: Caller) =>
      request(t.app)
        .post("/v1/products")
        .set("Authorization", await bearer(caller))
        .set(KEY, "shared")
        .send(body);
    const admin = await post(ADMIN);
    const other = await post(userCaller("operator", [ADMIN_SCOPE]));
    expect([admin.status, other.status]).toEqual([201, 201]);
    expect(other.headers["idempotent-replayed"]).toBeUndefined();
    expect(other.headers.location).not.toBe(admin.headers.location);
    expect((await post(ADMIN)).headers.location).toBe(admin.headers.location);
    expect(await t.db.prisma.product.count({ where: { name: "Per-caller sprocket" } })).toBe(2);
  });

  it("replays a PATCH even after the item changed, so If-Match does not fail the retry", async () => {
    const path = "/v1/products/73924";
    const etag = (await request(t.app).get(path)).headers.etag as string;
    const patch = () =>
      request(t.app).patch(path).set(KEY, "patch-1").set("If-Match", etag).send({ stock: 77 });
    const first = await patch();
    expect(first.status).toBe(200);
    const updatedAt = (await t.db.prisma.product.findUniqueOrThrow({ where: { id: 73924 } })).updatedAt;
    const again = await patch();
    expect(again.status).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.text).toBe(first.text);
    const after = await t.db.prisma.product.findUniqueOrThrow({ where: { id: 73924 } });
    expect(after.updatedAt).toEqual(updatedAt);
  });

  it("keeps a client error too: the same invalid request gets the same 422 again", async () => {
    const invalid = { name: 5, price: "cheap" };
    const first = await request(t.app).post("/v1/products").set(KEY, "invalid-1").send(invalid);
    expect(first.status).toBe(422);
    const again = await request(t.app).post("/v1/products").set(KEY, "invalid-1").send(invalid);
    expect(again.status).toBe(422);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.text).toBe(first.text);
  });
});

describe("Idempotency-Key while a request runs, after a failure, after expiry", () => {
  let t: TestApp;
  const hold: { gate?: Promise<void> | undefined; fail?: Error | undefined } = {};
  let app: ReturnType<typeof createInProcessRestApp>["app"];
  beforeAll(async () => {
    t = await createTestApp();
    app = createInProcessRestApp({
      db: { prisma: holdingWrites(t.db.prisma, hold) },
      baseUrl: BASE,
      authenticator: testAuthenticator(),
      idempotencyTtlMs: 1_000,
    }).app;
  });
  afterAll(() => t.close());

  it("answers a duplicate sent while the first is still running with 409 and Retry-After", async () => {
    let open = () => {};
    hold.gate = new Promise((resolve) => {
      open = resolve;
    });
    const body = sprocket("Held sprocket");
    const first = request(app)
      .post("/v1/products")
      .set(KEY, "held")
      .send(body)
      .then((res) => res);
    // The first request has claimed the key once its write waits at the gate.
    await expect
      .poll(() => t.db.prisma.idempotencyKey.count({ where: { key: "held" } }), { interval: 20 })
      .toBe(1);
    const duplicate = await request(app).post("/v1/products").set(KEY, "held").send(body);
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers["retry-after"]).toBe("1");
    expect(duplicate.body.type).toBe(`${BASE}/v1/problems/idempotency_key_in_use`);
    open();
    hold.gate = undefined;
    expect((await first).status).toBe(201);
    const retry = await request(app).post("/v1/products").set(KEY, "held").send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(await t.db.prisma.product.count({ where: { name: "Held sprocket" } })).toBe(1);
  });

  it("keeps no answer for a server failure: a retry runs again", async () => {
    hold.fail = new Error("the write failed");
    const body = sprocket("Failed once");
    const failed = await request(app).post("/v1/products").set(KEY, "fails").send(body);
    expect(failed.status).toBe(500);
    const retry = await request(app).post("/v1/products").set(KEY, "fails").send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBeUndefined();
    expect(await t.db.prisma.product.count({ where: { name: "Failed once" } })).toBe(1);
  });

  it("forgets a key after its time to live: the same request writes again", async () => {
    const body = sprocket("Expiring sprocket");
    const first = await request(app).post("/v1/products").set(KEY, "expires").send(body);
    expect(first.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const later = await request(app).post("/v1/products").set(KEY, "expires").send(body);
    expect(later.status).toBe(201);
    expect(later.headers["idempotent-replayed"]).toBeUndefined();
    expect(later.headers.location).not.toBe(first.headers.location);
    expect(await t.db.prisma.product.count({ where: { name: "Expiring sprocket" } })).toBe(2);
  });
});
