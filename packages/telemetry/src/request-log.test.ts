import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { requestLog, setRoute, UNMATCHED_ROUTE } from "./request-log.ts";
import { currentScope } from "./scope.ts";
import { capturedLogger } from "./testing.ts";

describe("requestLog", () => {
  const { logger, lines } = capturedLogger();
  const seenInHandler: (string | undefined)[] = [];
  let server: Server;
  let url: string;
  const log = requestLog(logger);
  const handler: RequestListener = (req, res) =>
    log(req, res, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      // After an await, still inside the request's scope.
      seenInHandler.push(currentScope()?.id);
      if (req.url?.startsWith("/v1/products/")) setRoute("/v1/products/{product_id}");
      res.statusCode = req.url?.endsWith("/fail") ? 500 : req.url?.endsWith("/busy") ? 503 : 200;
      res.end("ok");
    });

  beforeAll(async () => {
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const lastLine = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return lines.at(-1);
  };

  it("keeps the client's X-Request-Id, echoes it, and logs one line with the route template, not the path", async () => {
    const response = await fetch(`${url}/v1/products/73924?secret=1`, {
      headers: { "x-request-id": "abc-123" },
    });
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    expect(await lastLine()).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: process.pid,
      hostname: expect.any(String),
      reqId: "abc-123",
      method: "GET",
      route: "/v1/products/{product_id}",
      status: 200,
      durationMs: expect.any(Number),
      msg: "request completed",
    });
    expect(seenInHandler.at(-1)).toBe("abc-123");
    expect(JSON.stringify(lines)).not.toContain("73924");
  });

  it.each([
    ["too long", "x".repeat(129)],
    ["not printable", "a b"],
    ["empty", ""],
  ])("replaces an id that is %s with a new UUID", async (_, given) => {
    const response = await fetch(`${url}/elsewhere`, { headers: { "x-request-id": given } });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lastLine()).toMatchObject({ reqId: id, route: UNMATCHED_ROUTE });
  });

  it("generates an id when none is given, and logs 5xx at level error", async () => {
    const response = await fetch(`${url}/v1/products/1/fail`);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lastLine()).toMatchObject({ level: 50, status: 500, route: "/v1/products/{product_id}" });
  });

  // A 503 is the service refusing on purpose (shedding load, a deadline, a database outage):
  // under load, thousands of them must not read as errors.
  it("logs a 503 at level warn", async () => {
    await fetch(`${url}/v1/products/1/busy`);
    expect(await lastLine()).toMatchObject({ level: 40, status: 503 });
  });
});

describe("createLogger", () => {
  it("is silent under vitest unless a level is given", () => {
    expect(createLogger().level).toBe("silent");
    expect(createLogger({ level: "debug" }).level).toBe("debug");
  });
});
