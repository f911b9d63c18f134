import type { Server } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { type LoadSheddingOptions, loadShedding } from "./load-shedding.ts";

let server: Server | undefined;
afterEach(() => server?.close());

/** An app whose `/slow` requests wait until released, behind the shedding middleware. */
async function serve(options: LoadSheddingOptions) {
  const waiting: (() => void)[] = [];
  const app = express();
  app.use(loadShedding(options, (_req, res) => void res.status(503).set("Retry-After", "1").end()));
  app.get("/slow", (_req, res) => {
    waiting.push(() => res.end("done"));
  });
  app.get("/fast", (_req, res) => {
    res.end("done");
  });
  server = app.listen(0);
  await new Promise((resolve) => server!.once("listening", resolve));
  const { port } = server.address() as { port: number };
  const get = (path: string, signal?: AbortSignal) =>
    fetch(`http://127.0.0.1:${port}${path}`, signal ? { signal } : {});
  const held = async (count: number) => {
    while (waiting.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const release = () => {
    for (const finish of waiting.splice(0)) finish();
  };
  return { get, held, release };
}

describe("loadShedding", () => {
  it("answers 503 past maxInFlight requests in progress, and admits again once they finish", async () => {
    const app = await serve({ maxInFlight: 2, maxEventLoopDelayMs: 0 });
    const slow = [app.get("/slow"), app.get("/slow")];
    await app.held(2);
    const shed = await app.get("/fast");
    expect(shed.status).toBe(503);
    expect(shed.headers.get("retry-after")).toBe("1");
    app.release();
    expect((await Promise.all(slow)).map((response) => response.status)).toEqual([200, 200]);
    expect((await app.get("/fast")).status).toBe(200);
  });

  it("answers 503 while the event loop lags past maxEventLoopDelayMs", async () => {
    let lag = 0;
    const app = await serve({ maxInFlight: 0, maxEventLoopDelayMs: 500, eventLoopDelay: () => lag });
    expect((await app.get("/fast")).status).toBe(200);
    lag = 800;
    expect((await app.get("/fast")).status).toBe(503);
    lag = 100;
    expect((await app.get("/fast")).status).toBe(200);
  });

  it("counts a request the client abandoned as finished", async () => {
    const app = await serve({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
    const abandon = new AbortController();
    const first = app.get("/slow", abandon.signal).catch(() => "aborted");
    await app.held(1);
    expect((await app.get("/fast")).status).toBe(503);
    abandon.abort();
    expect(await first).toBe("aborted");
    let status = 503;
    for (let i = 0; i < 100 && status === 503; i++) status = (await app.get("/fast")).status;
    expect(status).toBe(200);
  });
});
