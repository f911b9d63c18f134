/**
 * The REST API while its database is stopped or frozen, on a PostgreSQL server of the test's
 * own (never the shared test server).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Database, databaseFaultLog, migrate, openDatabase, readinessCheck, seed } from "@tusk/db";
import { faultTestsSkipped, type PostgresServer, startPostgresServer } from "@tusk/db/testing";
import { registry } from "@tusk/registry";
import { createContext, createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAuthenticator } from "../../../test-support/callers.ts";
import { createRestApp } from "./app.ts";
import { createInProcessExecutor } from "./executor/index.ts";

const DEADLINE_MS = 1_000;

describe.skipIf(faultTestsSkipped())("the REST API when the database is away", () => {
  let server: PostgresServer;
  let db: Database;
  let http: Server;
  let base: string;
  const log: string[] = [];
  const unexpected: unknown[] = [];

  async function send(path: string, init: RequestInit = {}) {
    const started = Date.now();
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    return { response, text, ms: Date.now() - started };
  }

  beforeAll(async () => {
    server = await startPostgresServer();
    db = await openDatabase({ url: server.url, poolSize: 4 });
    await migrate(db);
    await seed(db);
    const uris = createUriBuilder({ registry, baseUrl: "http://rest.test" });
    const executor = createInProcessExecutor({
      schema: createSchema({ registry }),
      createContext: (caller) => createContext({ prisma: db.prisma, uris, caller }),
      onDatabaseUnavailable: databaseFaultLog((line) => log.push(line)),
    });
    const app = createRestApp({
      registry,
      uris,
      executor,
      authenticator: testAuthenticator(),
      requestTimeoutMs: DEADLINE_MS,
      ready: readinessCheck(db),
      onUnexpectedError: (error) => unexpected.push(error),
    });
    http = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => http.once("listening", resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    // The first request compiles operations and connects: keep that out of the deadline tests.
    await send("/v1/products/73924");
  });
  afterAll(async () => {
    http?.closeAllConnections();
    await new Promise((resolve) => http?.close(resolve));
    await db?.close();
    await server?.close();
  });

  it("defect 4: a stopped database answers 503 problem+json with Retry-After, not 500", async () => {
    const before = await send("/v1/products/73924");
    expect(before.response.status, before.text).toBe(200);
    await server.stop();
    try {
      const requests: [string, RequestInit][] = [
        ["/v1/products/73924", {}],
        ["/v1/categories?limit=5", {}],
        [
          "/v1/categories",
          { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"Outage"}' },
        ],
      ];
      for (const [path, init] of requests) {
        const { response, text } = await send(path, init);
        expect(response.status, `${path}: ${text}`).toBe(503);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        const retryAfter = Number(response.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(2);
        expect(JSON.parse(text)).toMatchObject({ status: 503, title: "Service Unavailable" });
        expect(text).not.toMatch(/127\.0\.0\.1|prisma|ECONNREFUSED|\bat \//i);
      }
      expect((await send("/healthz")).response.status).toBe(200);
      const ready = await send("/readyz");
      expect(ready.response.status).toBe(503);
      expect(JSON.parse(ready.text)).toEqual({ status: "unavailable", reason: "database unavailable" });
      // One line naming the cause, and no stack logged as an unexpected error.
      expect(log).toHaveLength(1);
      expect(log[0]).toMatch(
        /^database unavailable: Can't reach database server at 127\.0\.0\.1:\d+ \(P1001\)$/,
      );
      expect(unexpected).toEqual([]);
    } finally {
      await server.start();
    }
    expect((await send("/v1/products/73924")).response.status).toBe(200);
    expect((await send("/readyz")).response.status).toBe(200);
  });

  it("answers every request within its deadline while the database is frozen", async () => {
    await server.freeze();
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => send(i % 2 ? `/v1/products/${73924 + i}` : "/v1/categories")),
      );
      for (const { response, text, ms } of answers) {
        expect(response.status, text).toBe(503);
        expect(response.headers.get("retry-after")).toBe("1");
        // Without the deadline a frozen database holds a request for the read limit (6 s by default).
        expect(ms).toBeLessThan(DEADLINE_MS + 1_500);
      }
      expect((await send("/healthz")).response.status).toBe(200);
    } finally {
      await server.thaw();
    }
    expect((await send("/v1/products/73924")).response.status).toBe(200);
  });
});
