import { randomUUID } from "node:crypto";
import type { Database } from "@tusk/db";
import { createTestDatabase, FIXTURE } from "@tusk/db/testing";
import { testRedis, testRedisUrl } from "@tusk/edge/testing";
import { createGraphqlApp } from "@tusk/graphql";
import { createResponseCache, memoryStore, type ResponseCache, redisStore } from "@tusk/response-cache";
import type express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, customer, testAuthenticator } from "../../../test-support/callers.ts";
import { BASE } from "../test/harness.ts";
import { createInProcessRestApp } from "./in-process-app.ts";

const redisAnswers = await testRedis().then(async (shared) => {
  await shared?.close();
  return shared !== undefined;
});

/**
 * Two instances, as a deployment runs them: a GraphQL API and a REST API over one database, each
 * with a cache of its own over one store: this process's memory (one instance serving both APIs,
 * as `npm start` does) or Redis (separate instances sharing `REDIS_URL`, keys under a prefix of
 * this run's own).
 */
const stores = {
  memory: () => {
    const cache = createResponseCache({
      store: memoryStore({ maxBytes: 1 << 24, ttlMs: 60_000, recentMs: 0 }),
      partition: BASE,
    });
    return [cache, cache] as const;
  },
  redis: () => {
    const prefix = `tusk:test:${randomUUID()}:`;
    const open = () =>
      createResponseCache({
        store: redisStore({ url: testRedisUrl(), prefix, ttlMs: 60_000, recentMs: 0 }),
        partition: BASE,
      });
    return [open(), open()] as const;
  },
};

describe.each(Object.keys(stores) as (keyof typeof stores)[])("the response cache in %s", (kind) => {
  let db: Database;
  let rest: express.Express;
  let graphql: express.Express;
  let caches: readonly [ResponseCache, ResponseCache];
  let stopGraphql: () => Promise<void>;
  let statements = 0;

  beforeAll(async () => {
    if (kind === "redis" && !redisAnswers) return;
    db = await createTestDatabase({ seed: true, log: [{ emit: "event", level: "query" }] });
    (db.prisma as unknown as { $on(event: "query", listener: () => void): void }).$on("query", () => {
      statements += 1;
    });
    caches = stores[kind]();
    await Promise.all(caches.map((cache) => cache.store.ready()));
    const authenticator = testAuthenticator();
    ({ app: rest } = createInProcessRestApp({ db, baseUrl: BASE, authenticator, responseCache: caches[0] }));
    const built = await createGraphqlApp({ db, baseUrl: BASE, authenticator, responseCache: caches[1] });
    graphql = built.app;
    stopGraphql = built.stop;
  });
  afterAll(async () => {
    await stopGraphql?.();
    await caches?.[0].store.clear();
    await Promise.all([...new Set(caches ?? [])].map((cache) => cache.close()));
    await db?.close();
  });

  /** What `send` did and how many SQL statements it took. */
  async function counted<T>(send: () => PromiseLike<T>): Promise<[T, number]> {
    statements = 0;
    const result = await send();
    return [result, statements];
  }
  const gql = (query: string, authorization?: string) => {
    const req = request(graphql).post("/graphql").send({ query });
    return authorization ? req.set("authorization", authorization) : req;
  };

  it("answers a repeated read, item or list, from the cache without touching the database", async ({
    skip,
  }) => {
    if (!db) return skip();
    for (const path of [
      `/v1/products/${FIXTURE.productId}`,
      `/v1/categories/${FIXTURE.categoryId}/products?limit=5`,
    ]) {
      const [first, firstStatements] = await counted(() => request(rest).get(path));
      expect(first.status, path).toBe(200);
      expect(firstStatements, path).toBe(1);
      const [again, againStatements] = await counted(() => request(rest).get(path));
      expect(again.body, path).toEqual(first.body);
      expect(again.headers.etag, path).toBe(first.headers.etag);
      expect(againStatements, path).toBe(0);
      const [notModified, conditionalStatements] = await counted(() =>
        request(rest)
          .get(path)
          .set("If-None-Match", first.headers.etag as string),
      );
      expect(notModified.status, path).toBe(304);
      expect(conditionalStatements, path).toBe(0);
    }
  });

  it("serves no stale representation after a write through the GraphQL API", async ({ skip }) => {
    if (!db) return skip();
    const path = `/v1/products/${FIXTURE.productId}`;
    const list = `/v1/categories/${FIXTURE.categoryId}/products?limit=100&fields=id,name`;
    const before = await request(rest).get(path);
    const beforeList = await request(rest).get(list);
    expect((await counted(() => request(rest).get(path)))[1]).toBe(0);
    const name = `Renamed ${kind}`;
    const write = await gql(
      `mutation { updateProduct(id: ${FIXTURE.productId}, input: { name: "${name}" }) { name } }`,
    );
    expect(write.body).toEqual({ data: { updateProduct: { name } } });
    const after = await request(rest)
      .get(path)
      .set("If-None-Match", before.headers.etag as string);
    expect(after.status).toBe(200);
    expect(after.body.products[0].name).toBe(name);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const afterList = await request(rest).get(list);
    expect(afterList.body).not.toEqual(beforeList.body);
    expect(afterList.body.products).toContainEqual(expect.objectContaining({ id: FIXTURE.productId, name }));
  });

  it("serves no stale GraphQL answer after a write through the REST API", async ({ skip }) => {
    if (!db) return skip();
    const query = `{ product(id: ${FIXTURE.productId}) { stock categories(first: 50) { nodes { id } } } }`;
    const first = await gql(query);
    const [cached, cachedStatements] = await counted(() => gql(query));
    expect(cached.body).toEqual(first.body);
    expect(cachedStatements).toBe(0);
    const patched = await request(rest).patch(`/v1/products/${FIXTURE.productId}`).send({ stock: 4242 });
    expect(patched.status).toBe(200);
    expect((await gql(query)).body.data.product.stock).toBe(4242);
    // A membership written through REST changes the other side's lists too.
    const category = await request(rest)
      .post("/v1/categories")
      .send({ name: `Cached ${kind}` });
    expect(category.status).toBe(201);
    const categoryId: number = category.body.categories[0].id;
    const categoryQuery = `{ category(id: ${categoryId}) { products(first: 5) { totalCount } } }`;
    expect((await gql(categoryQuery)).body.data.category.products.totalCount).toBe(0);
    const added = await request(rest).put(`/v1/categories/${categoryId}/products/${FIXTURE.productId}`);
    expect(added.status).toBeLessThan(300);
    expect((await gql(categoryQuery)).body.data.category.products.totalCount).toBe(1);
    expect((await gql(query)).body.data.product.categories.nodes).toContainEqual({ id: categoryId });
  });

  it("serves no stale answer of a filter across relations after a write to rows two relations away", async ({
    skip,
  }) => {
    if (!db) return skip();
    // Products of orders with this status: an order's write changes which products match,
    // though products are not related to orders themselves.
    const status = `held-${kind}`;
    const query = `{ products(first: 50, where: { lineItems: { some: { order: { is: { status: { equals: "${status}" } } } } } }) { nodes { id } } }`;
    expect((await gql(query)).body.data.products.nodes).toEqual([]);
    expect((await counted(() => gql(query)))[1]).toBe(0);
    const held = await request(rest).patch(`/v1/orders/${FIXTURE.orderId}`).send({ status });
    expect(held.status).toBe(200);
    expect((await gql(query)).body.data.products.nodes).toEqual(
      expect.arrayContaining([{ id: FIXTURE.productId }]),
    );
  });

  it("serves a deleted parent's children no more: a cascade invalidates them", async ({ skip }) => {
    if (!db) return skip();
    const created = await request(rest).post("/v1/orders").send({ username: FIXTURE.username });
    expect(created.status).toBe(201);
    const orderId: number = created.body.orders[0].id;
    const item = await request(rest)
      .post(`/v1/orders/${orderId}/line_items`)
      .send({ product_id: FIXTURE.productId, quantity: 1, unit_price: "1.00" });
    expect(item.status).toBe(201);
    const items = `/v1/orders/${orderId}/line_items`;
    expect((await request(rest).get(items)).body.line_items).toHaveLength(1);
    expect((await counted(() => request(rest).get(items)))[1]).toBe(0);
    const removed = await gql(`mutation { deleteOrder(id: ${orderId}) { id } }`);
    expect(removed.body.errors).toBeUndefined();
    expect((await request(rest).get(items)).status).toBe(404);
  });

  it("keeps a caller's own rows to that caller", async ({ skip }) => {
    if (!db) return skip();
    const jdoe = await bearer(customer(FIXTURE.username));
    const other = await bearer(customer("nobody"));
    const mine = await request(rest).get("/v1/orders?fields=id,username").set("authorization", jdoe);
    expect(mine.body.orders.length).toBeGreaterThan(0);
    const theirs = await request(rest).get("/v1/orders?fields=id,username").set("authorization", other);
    expect(theirs.body.orders).toEqual([]);
    const query = "{ orders(first: 5) { nodes { username } } }";
    expect((await gql(query, jdoe)).body.data.orders.nodes.length).toBeGreaterThan(0);
    expect((await gql(query, other)).body.data.orders.nodes).toEqual([]);
  });

  it("counts hits and misses in /metrics", async ({ skip }) => {
    if (!db) return skip();
    const metrics = await request(rest).get("/metrics");
    expect(metrics.text).toMatch(/response_cache_lookups_total\{api="rest",result="hit"\} [1-9]/);
    expect(metrics.text).toMatch(/response_cache_lookups_total\{api="rest",result="miss"\} [1-9]/);
    expect((await request(graphql).get("/metrics")).text).toMatch(
      /response_cache_lookups_total\{api="graphql",result="hit"\} [1-9]/,
    );
  });
});
