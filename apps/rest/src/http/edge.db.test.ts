import { randomInt } from "node:crypto";
import { readConfig } from "@tusk/config";
import { type EdgeOptions, openEdge, type SharedCounters } from "@tusk/edge";
import { testRedis, testRedisUrl } from "@tusk/edge/testing";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, customer, testAuthenticator } from "../../../../test-support/callers.ts";
import { createTestApp, type TestApp } from "../../test/harness.ts";
import { createRestApp } from "../app.ts";

describe("the edge: security headers, CORS_ORIGINS, rate limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Another app over the same executor and operations, with an edge of its own. */
  const appWith = (edge: EdgeOptions) =>
    createRestApp({ uris: t.uris, executor: t.executor, catalog: t.catalog, edge });

  it("sends the security headers of an API on data and on errors", async () => {
    for (const path of ["/v1/products/73924", "/v1/nothing"]) {
      const res = await request(t.app).get(path);
      expect(res.headers["content-security-policy"], path).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
      // Over plain HTTP: HSTS only on HTTPS (packages/edge, and the TLS test of the entries).
      expect(res.headers["strict-transport-security"], path).toBeUndefined();
    }
  });

  it("keeps the API reference page's own policy", async () => {
    const res = await request(t.app).get("/docs").set("Accept", "text/html");
    expect(res.status).toBe(200);
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  const preflight = (app: ReturnType<typeof appWith>, origin: string, headers: string) =>
    request(app)
      .options("/v1/products/73924")
      .set("Origin", origin)
      .set("Access-Control-Request-Method", "DELETE")
      .set("Access-Control-Request-Headers", headers);

  it("by default lets any origin call anonymously, but refuses a preflight that would send a token", async () => {
    const anonymous = await preflight(t.app, "https://elsewhere.example", "content-type");
    expect(anonymous.headers["access-control-allow-origin"]).toBe("*");
    const withToken = await preflight(t.app, "https://elsewhere.example", "authorization");
    expect(withToken.status).toBe(204);
    expect(withToken.headers["access-control-allow-origin"]).toBeUndefined();
    expect(withToken.headers["access-control-allow-methods"]).toBeUndefined();
  });

  it("with CORS_ORIGINS lets the listed origins send tokens, and nobody else call at all", async () => {
    const app = appWith({ corsOrigins: ["https://shop.example"] });
    const listed = await preflight(app, "https://shop.example", "authorization, content-type");
    expect(listed.headers["access-control-allow-origin"]).toBe("https://shop.example");
    expect(listed.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS, PATCH, DELETE");
    const other = await preflight(app, "https://elsewhere.example", "content-type");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const read = await request(app).get("/v1/products/73924").set("Origin", "https://elsewhere.example");
    expect(read.status).toBe(200);
    expect(read.headers["access-control-allow-origin"]).toBeUndefined();
    expect(read.headers.vary).toContain("Origin");
  });

  it("answers 429 problem+json with Retry-After over the rate limit; health checks are not counted", async () => {
    const app = appWith({ rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await request(app).get("/v1/products/73924")).status).toBe(200);
    expect((await request(app).get("/healthz")).status).toBe(200);
    expect((await request(app).get("/v1/products/73924")).status).toBe(200);
    const over = await request(app).get("/v1/products/73924");
    expect(over.status).toBe(429);
    expect(over.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(over.headers.ratelimit).toMatch(/^"rest"; r=0; t=\d+$/);
    expect(over.body).toMatchObject({ status: 429, title: "Too Many Requests" });
    expect((await request(app).get("/healthz")).status).toBe(200);
  });

  it("#149 #150 #151 #153 every answer under a limit states the policy and what remains, in headers", async () => {
    const app = appWith({ rateLimit: { limit: 5, windowMs: 60_000 } });
    const first = await request(app).get("/v1/products/73924");
    // The partition key is a hash of the client's address (pk is a byte sequence), never the address.
    expect(first.headers["ratelimit-policy"]).toMatch(/^"rest"; q=5; w=60; pk=:[A-Za-z0-9+/=]+:$/);
    expect(first.headers["ratelimit-policy"]).not.toContain("127.0.0.1");
    expect(first.headers.ratelimit).toMatch(/^"rest"; r=4; t=\d+$/);
    const error = await request(app).get("/v1/products/999999999");
    expect(error.status).toBe(404);
    expect(error.headers.ratelimit).toMatch(/^"rest"; r=3; t=\d+$/);
    // Sent as header fields: Node sends no trailers unless a response asks for them.
    expect(first.headers.trailer).toBeUndefined();
  });

  it("#139 #147 #148 #151 over the limit: 429 problem+json naming the violated policy, not stored, Retry-After not before t", async () => {
    const app = appWith({ rateLimit: { limit: 1, windowMs: 60_000 } });
    await request(app).get("/v1/products/73924");
    const over = await request(app).get("/v1/products/73924");
    expect(over.status).toBe(429);
    expect(over.headers["content-type"]).toBe("application/problem+json");
    expect(over.body).toMatchObject({ status: 429, "violated-policies": ["rest"] });
    expect(over.body.type).toMatch(/\/v1\/problems\/too_many_requests$/);
    expect(over.headers["cache-control"]).toBe("no-store");
    const t = Number(/t=(\d+)/.exec(String(over.headers.ratelimit))![1]);
    expect(Number(over.headers["retry-after"])).toBeGreaterThanOrEqual(t);
  });

  it("#147 counts a caller with a valid token against their own budget from any address; others by address", async () => {
    const app = createRestApp({
      uris: t.uris,
      executor: t.executor,
      catalog: t.catalog,
      edge: { rateLimit: { limit: 2, windowMs: 60_000 }, trustProxy: "loopback" },
      authenticator: testAuthenticator(),
    });
    const jdoe = await bearer(customer());
    const get = (from: string, authorization?: string) => {
      const req = request(app).get("/v1/products/73924").set("X-Forwarded-For", from);
      return authorization ? req.set("Authorization", authorization) : req;
    };
    expect((await get("203.0.113.1", jdoe)).status).toBe(200);
    expect((await get("203.0.113.2", jdoe)).status).toBe(200);
    expect((await get("203.0.113.3", jdoe)).status).toBe(429);
    // The address jdoe called from keeps its own budget for requests without a token.
    expect((await get("203.0.113.1")).status).toBe(200);
    // A token that does not verify names nobody: it is counted by its address.
    expect((await get("203.0.113.9", "Bearer not.a.jwt")).status).toBe(401);
    expect((await get("203.0.113.9", "Bearer not.a.jwt")).status).toBe(401);
    expect((await get("203.0.113.9", "Bearer not.a.jwt")).status).toBe(429);
  });

  it("sheds load: 503 problem+json with Retry-After while overloaded; health checks still answer", async () => {
    let lag = 900;
    const app = appWith({
      loadShedding: { maxInFlight: 0, maxEventLoopDelayMs: 500, eventLoopDelay: () => lag },
    });
    const shed = await request(app).get("/v1/products/73924");
    expect(shed.status).toBe(503);
    expect(shed.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(shed.headers["retry-after"]).toBe("1");
    expect((await request(app).get("/healthz")).status).toBe(200);
    lag = 0;
    expect((await request(app).get("/v1/products/73924")).status).toBe(200);
  });

  it("counts the client's address from X-Forwarded-For only behind a trusted proxy", async () => {
    const trusting = appWith({ trustProxy: "loopback", rateLimit: { limit: 1, windowMs: 60_000 } });
    const from = (address: string) =>
      request(trusting).get("/v1/products/73924").set("X-Forwarded-For", address);
    expect((await from("203.0.113.1")).status).toBe(200);
    expect((await from("203.0.113.1")).status).toBe(429);
    expect((await from("203.0.113.2")).status).toBe(200);
    const untrusting = appWith({ rateLimit: { limit: 1, windowMs: 60_000 } });
    const spoofed = (address: string) =>
      request(untrusting).get("/v1/products/73924").set("X-Forwarded-For", address);
    expect((await spoofed("203.0.113.1")).status).toBe(200);
    expect((await spoofed("203.0.113.2")).status).toBe(429);
  });
});

describe("rate limits shared by instances through REDIS_URL", () => {
  let t: TestApp;
  let redis: SharedCounters | undefined;
  beforeAll(async () => {
    [t, redis] = await Promise.all([createTestApp(), testRedis()]);
  });
  afterAll(async () => {
    await redis?.close();
    await t.close();
  });

  it("two instances configured alike count one client against one limit", async ({ skip }) => {
    if (!redis) return skip();
    const config = readConfig({ REDIS_URL: testRedisUrl(), RATE_LIMIT: "3", TRUST_PROXY: "loopback" });
    // A client address of its own: counters of earlier runs stay in Redis until their window ends.
    const client = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    const edges = [openEdge(config, () => {}), openEdge(config, () => {})];
    try {
      await Promise.all(edges.map((edge) => edge.options.rateLimit?.shared?.ready()));
      const apps = edges.map((edge) =>
        createRestApp({ uris: t.uris, executor: t.executor, catalog: t.catalog, edge: edge.options }),
      );
      const statuses = [];
      for (const app of [...apps, ...apps])
        statuses.push((await request(app).get("/v1/products/73924").set("X-Forwarded-For", client)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await Promise.all(edges.map((edge) => edge.close()));
    }
  });
});
