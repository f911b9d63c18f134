import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import express, { type RequestHandler } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimiter } from "./rate-limit.ts";
import { connectSharedCounters, type SharedCounters } from "./redis.ts";
import { testRedis } from "./testing.ts";

const overLimit: RequestHandler = (_req, res) => {
  res.status(429).json({ over: true });
};

function appWith(limiter: RequestHandler) {
  const app = express();
  app.use(limiter);
  app.get("/", (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

describe("rateLimiter in one instance", () => {
  it("lets `limit` requests through per window, then answers with Retry-After and the RateLimit headers", async () => {
    const app = appWith(rateLimiter({ limit: 3, windowMs: 60_000 }, "test", overLimit));
    for (let i = 0; i < 3; i++) {
      const res = await request(app).get("/");
      expect(res.status).toBe(200);
      expect(res.headers.ratelimit).toMatch(new RegExp(`^"test"; r=${2 - i}; t=\\d+$`));
    }
    const over = await request(app).get("/");
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ over: true });
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(over.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(over.headers["ratelimit-policy"]).toMatch(/^"test"; q=3; w=60; pk=:/);
  });

  it("counts each client address on its own", async () => {
    const app = appWith(rateLimiter({ limit: 1, windowMs: 60_000 }, "test", overLimit));
    app.set("trust proxy", true);
    expect((await request(app).get("/").set("X-Forwarded-For", "203.0.113.1")).status).toBe(200);
    expect((await request(app).get("/").set("X-Forwarded-For", "203.0.113.1")).status).toBe(429);
    expect((await request(app).get("/").set("X-Forwarded-For", "203.0.113.2")).status).toBe(200);
  });
});

async function sparePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("rateLimiter shared through Redis", async () => {
  let shared: SharedCounters | undefined;
  beforeAll(async () => {
    shared = await testRedis();
  });
  afterAll(() => shared?.close());

  it("counts the requests of every instance against one limit", async ({ skip }) => {
    if (!shared) return skip();
    // A name of its own: counters of earlier runs stay in Redis until their window ends.
    const name = `test-${randomUUID()}`;
    const one = appWith(rateLimiter({ limit: 4, windowMs: 60_000, shared }, name, overLimit));
    const two = appWith(rateLimiter({ limit: 4, windowMs: 60_000, shared }, name, overLimit));
    const statuses = [];
    for (const app of [one, two, one, two, one, two]) statuses.push((await request(app).get("/")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it("lets requests through while Redis is unreachable, and limits again once it answers", async ({
    skip,
  }) => {
    if (!shared) return skip();
    const port = await sparePort();
    const away = connectSharedCounters(`redis://127.0.0.1:${port}`);
    let server: ChildProcess | undefined;
    try {
      const lines: string[] = [];
      const app = appWith(
        rateLimiter(
          { limit: 1, windowMs: 60_000, shared: away, onSharedCountersChange: (line) => lines.push(line) },
          "test",
          overLimit,
        ),
      );
      const before = [];
      for (let i = 0; i < 3; i++) before.push((await request(app).get("/")).status);
      expect(before, lines.join("\n")).toEqual([200, 200, 200]);
      server = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        {
          stdio: "ignore",
        },
      );
      await away.ready(10_000);
      const after = [];
      for (let i = 0; i < 2; i++) after.push((await request(app).get("/")).status);
      expect(after, lines.join("\n")).toEqual([200, 429]);
      expect(lines).toEqual([
        expect.stringMatching(/^rate limits: Redis does not answer \(.+\); requests pass unlimited$/),
        "rate limits: Redis answers again",
      ]);
    } finally {
      await away.close();
      server?.kill();
    }
  });
});
