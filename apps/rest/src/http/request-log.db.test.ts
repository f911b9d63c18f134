import { logQueries, QUERY_EVENTS } from "@tusk/telemetry";
import { capturedLogger } from "@tusk/telemetry/testing";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTestApp, createTestApp, type TestApp } from "../../test/harness.ts";
import type { createRestApp } from "../app.ts";

describe("request logs", () => {
  const rest = capturedLogger("debug");
  const graphqlLog = capturedLogger("debug");
  let t: TestApp;
  let remote: ReturnType<typeof createRestApp>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp({ log: QUERY_EVENTS, logger: rest.logger });
    logQueries(t.db.prisma, rest.logger);
    ({ app: remote, close } = await createRemoteTestApp(t, {
      graphqlLogger: graphqlLog.logger,
      logger: rest.logger,
    }));
  });
  afterAll(async () => {
    await close?.();
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
      expect.objectContaining({ level: 30, method: "GET", route: "/v1/products/{product_id}", status: 200 }),
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

  it("a remote executor forwards the id: the GraphQL API's line for the operation carries it", async () => {
    const res = await request(remote).get("/v1/products/73924").set("X-Request-Id", "remote-1");
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
});
