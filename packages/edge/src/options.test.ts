import { readConfig } from "@tusk/config";
import { describe, expect, it } from "vitest";
import { openEdge } from "./options.ts";

describe("openEdge", () => {
  it("by default sheds load and limits each instance alone, trusts no proxy and lets any origin call anonymously", async () => {
    const edge = openEdge(readConfig({}), () => {});
    expect(edge.options).toEqual({
      loadShedding: { maxInFlight: 256, maxEventLoopDelayMs: 1_000 },
      rateLimit: { limit: 1200, windowMs: 60_000, onSharedCountersChange: expect.any(Function) },
    });
    await edge.close();
  });

  it("reads every setting; 0 turns limits and shedding off, and no Redis is connected then", async () => {
    const config = readConfig({
      CORS_ORIGINS: "https://shop.example",
      TRUST_PROXY: "1",
      RATE_LIMIT: "0",
      MAX_IN_FLIGHT: "0",
      MAX_EVENT_LOOP_DELAY_MS: "0",
      REDIS_URL: "redis://127.0.0.1:1",
    });
    const edge = openEdge(config, () => {});
    expect(edge.options).toEqual({ corsOrigins: ["https://shop.example"], trustProxy: 1 });
    await edge.close();
  });

  it("shares the counters through REDIS_URL", async () => {
    const edge = openEdge(readConfig({ REDIS_URL: "redis://127.0.0.1:1" }), () => {});
    expect(edge.options.rateLimit?.shared).toBeDefined();
    await edge.close();
  });
});
