import { logQueries, QUERY_EVENTS } from "@tusk/telemetry";
import { capturedLogger, sampleValue } from "@tusk/telemetry/testing";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, customer } from "../../../../test-support/callers.ts";
import { createRemoteTestApp, createTestApp, type TestApp } from "../../test/harness.ts";

describe("request logs and metrics", () => {
  const rest = capturedLogger("debug");
  const graphqlLog = capturedLogger("debug");
  let t: TestApp;
  let remote: Awaited<ReturnType<typeof createRemoteTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ log: QUERY_EVENTS, logger: rest.logger });
    logQueries(t.db.prisma, rest.logger);
    remote = await createRemoteTestApp(t, { graphqlLogger: graphqlLog.logger, logger: rest.logger });
  });
  afterAll(async () => {
    await remote?.close();
    await t?.close();
  });

  const linesOf = (lines: Record<string, unknown>[], reqId: string) =>
    lines.filter((line) => line.reqId === reqId);

  it("one line per request with the route template, the id echoed, and the request's SQL under the same id", async () => {
    const res = await request(t.app).get("/v1/products/73924?fields=name").set("X-Request-Id", "rest-1");
    expect(res.status).toBe(200);
    expect(res.headers["x-request-id"]).toBe("rest-1");
    const lines = linesOf(rest.lines, "rest-1");
    expect(lines.filter((line) => line.msg === "request completed")).toEqual([
      expect.objectContaining({
        level: 30,
        method: "GET",
        route: "/v1/products/{product_id}",
        status: 200,
        caller: "admin",
      }),
    ]);
    expect(lines.filter((line) => line.msg === "sql")).toContainEqual(
      expect.objectContaining({
        level: 20,
        sql: expect.stringMatching(/SELECT/),
        durationMs: expect.any(Number),
      }),
    );
    expect(JSON.stringify(lines)).not.toContain("73924");
  });

  it("names the caller from the bearer token, and never logs the token", async () => {
    const authorization = await bearer(customer("jdoe"));
    await request(t.app)
      .get("/v1/products/73924")
      .set("Authorization", authorization)
      .set("X-Request-Id", "who-1");
    expect(linesOf(rest.lines, "who-1")).toContainEqual(
      expect.objectContaining({ caller: "jdoe", status: 200 }),
    );
    expect(JSON.stringify(rest.lines)).not.toContain(authorization.slice("Bearer ".length));
  });

  it("labels a path no route claims as unmatched, and a redirect with its canonical template", async () => {
    await request(t.app).get("/v1/nothing-here/1").set("X-Request-Id", "rest-2");
    expect(linesOf(rest.lines, "rest-2")).toEqual([
      expect.objectContaining({ route: "unmatched", status: 404 }),
    ]);
    await request(t.app).get("/v1/products/073924").set("X-Request-Id", "rest-3");
    expect(linesOf(rest.lines, "rest-3")).toEqual([
      expect.objectContaining({ route: "/v1/products/{product_id}", status: 301 }),
    ]);
  });

  it("labels the API reference page and its assets by their templates, at /docs and at the root", async () => {
    const html = (path: string, id: string) =>
      request(t.app).get(path).set("Accept", "text/html").set("X-Request-Id", id);
    await html("/v1", "docs-1");
    await html("/docs", "docs-2");
    await html("/docs/assets/swagger-ui.css", "docs-3");
    const routes = ["docs-1", "docs-2", "docs-3"].map((id) =>
      linesOf(rest.lines, id).map((line) => [line.route, line.status]),
    );
    expect(routes).toEqual([[["/v1", 200]], [["/docs", 200]], [["/docs/assets/{asset}", 200]]]);
  });

  it("a remote executor forwards the id: the GraphQL API's line for the operation carries it", async () => {
    const res = await request(remote.app).get("/v1/products/73924").set("X-Request-Id", "remote-1");
    expect(res.status).toBe(200);
    expect(linesOf(graphqlLog.lines, "remote-1")).toContainEqual(
      expect.objectContaining({
        msg: "request completed",
        method: "POST",
        route: "/graphql",
        operation: expect.any(String),
        status: 200,
      }),
    );
    expect(linesOf(rest.lines, "remote-1")).toContainEqual(
      expect.objectContaining({ msg: "request completed", route: "/v1/products/{product_id}" }),
    );
  });

  it("GET /metrics counts requests by method, route template and status, and times the database's statements", async () => {
    const scrape = async () => {
      const res = await request(t.app).get("/metrics");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
      return res.text;
    };
    const labels = { method: "GET", route: "/v1/products/{product_id}", status: "200" };
    const before = await scrape();
    await request(t.app).get("/v1/products/73924");
    await request(t.app).get("/v1/products/99999999");
    await request(t.app).get("/v1/products/definition");
    await request(t.app).get("/v1/nothing-here");
    const after = await scrape();
    const moved = (name: string, given: Record<string, string> = {}) =>
      (sampleValue(after, name, given) ?? 0) - (sampleValue(before, name, given) ?? 0);
    expect(moved("http_requests_total", labels)).toBe(1);
    expect(moved("http_requests_total", { ...labels, status: "404" })).toBe(1);
    expect(moved("http_requests_total", { ...labels, route: "/v1/products/definition" })).toBe(1);
    expect(moved("http_requests_total", { ...labels, route: "unmatched", status: "404" })).toBe(1);
    expect(moved("http_request_duration_seconds_count", labels)).toBe(1);
    expect(moved("db_query_duration_seconds_count")).toBeGreaterThan(0);
    expect(after).not.toMatch(/73924|nothing-here/);
    expect(sampleValue(after, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    // PostgreSQL has a pool; PGlite is one in-process connection and has none.
    const poolSize = sampleValue(after, "db_pool_connections", { state: "max" });
    expect(poolSize).toBe(t.db.poolUsage?.().max);
    if (t.db.location.kind === "postgres") expect(poolSize).toBeGreaterThan(0);
  });

  it("the GraphQL API's /metrics counts operations by name and outcome, each app in its own registry", async () => {
    const post = (query: string) => request(remote.graphql).post("/graphql").send({ query });
    await post("query ProductName { product(id: 73924) { name } }");
    await post("{ product(id: 73924) { name } }");
    await post("query Broken { product(id: 73924) { noSuchField } }");
    const text = (await request(remote.graphql).get("/metrics")).text;
    expect(
      sampleValue(text, "graphql_operations_total", { operation: "ProductName", outcome: "success" }),
    ).toBe(1);
    expect(
      sampleValue(text, "graphql_operations_total", { operation: "anonymous", outcome: "success" }),
    ).toBe(1);
    expect(sampleValue(text, "graphql_operations_total", { operation: "Broken", outcome: "rejected" })).toBe(
      1,
    );
    expect(
      sampleValue(text, "http_requests_total", { method: "POST", route: "/graphql", status: "200" }),
    ).toBeGreaterThanOrEqual(2);
    // The REST app's requests are not in the GraphQL app's registry.
    expect(text).not.toContain("/v1/products/{product_id}");
  });
});
