import type { Database } from "@tusk/db";
import { createTestDatabase } from "@tusk/db/testing";
import { listen } from "@tusk/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createGraphqlApp } from "./app.ts";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db.close());

it("finishes an in-flight request after shutdown begins, then refuses new ones", async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    started = resolve;
  });
  // Every Prisma operation waits at the gate, so the request is still running when shutdown starts.
  const prisma = db.prisma.$extends({
    query: {
      $allOperations: async ({ args, query }) => {
        started();
        await gate;
        return query(args);
      },
    },
  });
  const { app, stop } = await createGraphqlApp({
    db: { prisma: prisma as never },
    baseUrl: "http://localhost:4000",
  });
  let closed = false;
  const running = await listen({ port: 0, host: "127.0.0.1" });
  running.handle(app);
  const request = fetch(`${running.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify({ query: "{ product(id: 73924) { name } }" }),
  });
  await inFlight;
  const shutdown = running.drain(5_000).then(async () => {
    await stop();
    closed = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(closed).toBe(false);
  release();
  const response = await request;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { product: { name: "The Amazing Widget" } } });
  await shutdown;
  expect(closed).toBe(true);
  await expect(fetch(`${running.url}/health`)).rejects.toThrow();
}, 60_000);
