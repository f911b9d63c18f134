/**
 * The GraphQL API while its database is stopped or frozen, on a PostgreSQL server of the
 * test's own (never the shared test server).
 */
import { type Database, databaseFaultLog, migrate, openDatabase, seed } from "@tusk/db";
import { faultTestsSkipped, type PostgresServer, startPostgresServer } from "@tusk/db/testing";
import { type ListeningServer, listen } from "@tusk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAuthenticator } from "../../../test-support/callers.ts";
import { createGraphqlApp } from "./app.ts";

const DEADLINE_MS = 1_000;

describe.skipIf(faultTestsSkipped())("the GraphQL API when the database is away", () => {
  let server: PostgresServer;
  let db: Database;
  let running: ListeningServer;
  let stopApollo = async () => {};
  const log: string[] = [];

  async function post(query: string) {
    const started = Date.now();
    const response = await fetch(`${running.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    return { response, text, body: JSON.parse(text), ms: Date.now() - started };
  }
  const probe = async (path: string) => (await fetch(`${running.url}${path}`)).status;

  beforeAll(async () => {
    server = await startPostgresServer();
    db = await openDatabase({ url: server.url, poolSize: 4 });
    await migrate(db);
    await seed(db);
    running = await listen({ port: 0, host: "127.0.0.1" });
    const { app, stop } = await createGraphqlApp({
      db,
      baseUrl: "http://rest.test",
      authenticator: testAuthenticator(),
      requestTimeoutMs: DEADLINE_MS,
      onDatabaseUnavailable: databaseFaultLog((line) => log.push(line)),
    });
    running.handle(app);
    stopApollo = stop;
    // The first operation compiles and connects: keep that out of the deadline tests.
    await db.prisma.product.findFirst();
    await post("{ product(id: 73924) { name } }");
  });
  afterAll(async () => {
    await running?.drain(1_000);
    await stopApollo();
    await db?.close();
    await server?.close();
  });

  it("defect 4: a stopped database answers HTTP 503 SERVICE_UNAVAILABLE with Retry-After, not 200 INTERNAL_SERVER_ERROR", async () => {
    const before = await post("{ product(id: 73924) { name } }");
    expect(before.response.status, before.text).toBe(200);
    await server.stop();
    try {
      for (const query of [
        "{ product(id: 73924) { name } categories(first: 2) { nodes { name } } }",
        `mutation { createCategory(input: { name: "Outage" }) { id } }`,
      ]) {
        const { response, body, text } = await post(query);
        expect(response.status, text).toBe(503);
        const retryAfter = Number(response.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(2);
        // The whole operation fails: no partial data.
        expect(body.data).toBeUndefined();
        expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(
          body.errors.map(() => "SERVICE_UNAVAILABLE"),
        );
        expect(text).not.toMatch(/127\.0\.0\.1|prisma|stacktrace|ECONNREFUSED/i);
      }
      expect(await probe("/healthz")).toBe(200);
      expect(await probe("/readyz")).toBe(503);
      // One line naming the cause, however many requests failed, and no stack.
      expect(log).toHaveLength(1);
      expect(log[0]).toMatch(
        /^database unavailable: Can't reach database server at 127\.0\.0\.1:\d+ \(P1001\)$/,
      );
    } finally {
      await server.start();
    }
    // Recovery needs no restart of the app.
    expect((await post("{ product(id: 73924) { name } }")).response.status).toBe(200);
    expect(await probe("/readyz")).toBe(200);
  });

  it("answers every operation within its deadline while the database is frozen", async () => {
    await server.freeze();
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => post(`{ product(id: ${73924 + i}) { name } }`)),
      );
      for (const { response, body, ms } of answers) {
        expect(response.status).toBe(503);
        expect(body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
        // Without the deadline a frozen database holds a request for the read limit (6 s by default).
        expect(ms).toBeLessThan(DEADLINE_MS + 1_500);
      }
      expect(await probe("/healthz")).toBe(200);
    } finally {
      await server.thaw();
    }
    expect((await post("{ product(id: 73924) { name } }")).response.status).toBe(200);
  });
});
