/**
 * The translation of an unavailable database, on a PostgreSQL server of the test's own that
 * is stopped and frozen (never the shared test server).
 */
import { ApiError } from "@tusk/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client.ts";
import { databaseUnavailableReason, toApiError } from "./errors.ts";
import { faultTestsSkipped, type PostgresServer, startPostgresServer } from "./testing/postgres-server.ts";

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to fail");
}

function expectUnavailable(error: unknown, reason: RegExp) {
  const translated = toApiError(error);
  expect(translated).toBeInstanceOf(ApiError);
  expect((translated as ApiError).code).toBe("SERVICE_UNAVAILABLE");
  expect((translated as ApiError).message).not.toMatch(/127\\.0\\.0\\.1|prisma|SELECT/i);
  expect(databaseUnavailableReason(translated)).toMatch(reason);
}

describe.skipIf(faultTestsSkipped())("an unavailable database", () => {
  let server: PostgresServer;
  let db: Database;
  const timeouts = { statementMs: 300, lockMs: 200, connectMs: 300 };

  beforeAll(async () => {
    server = await startPostgresServer();
    db = await openDatabase({ url: server.url, poolSize: 2, timeouts });
    await db.sql.exec("CREATE TABLE notes (id int PRIMARY KEY)");
    await db.sql.exec("INSERT INTO notes VALUES (1)");
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
  });

  it("defect 4: a statement over statement_timeout is SERVICE_UNAVAILABLE naming the timeout", async () => {
    const error = await failure(() => db.prisma.$queryRawUnsafe("SELECT pg_sleep(2)"));
    expectUnavailable(error, /statement timeout \(57014\)/);
  });

  it("a lock held longer than lock_timeout is SERVICE_UNAVAILABLE", async () => {
    await db.sql.transaction(async (tx) => {
      await tx.exec("SELECT * FROM notes WHERE id = 1 FOR UPDATE");
      const error = await failure(() => db.prisma.$executeRawUnsafe("UPDATE notes SET id = 1 WHERE id = 1"));
      expectUnavailable(error, /lock timeout \(55P03\)/);
    });
  });

  it("a pool with no free connection within connectMs is SERVICE_UNAVAILABLE", async () => {
    // Both connections held by open transactions for twice the acquisition limit.
    const hold = async () => {
      await db.prisma.$transaction(async (tx) => {
        await tx.$queryRawUnsafe("SELECT 1");
        await new Promise((resolve) => setTimeout(resolve, 2 * timeouts.connectMs));
      });
    };
    const busy = [hold(), hold()];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const error = await failure(() => db.prisma.$queryRawUnsafe("SELECT 1"));
    await Promise.all(busy);
    expectUnavailable(error, /timeout exceeded when trying to connect/);
  });

  it("a frozen server is SERVICE_UNAVAILABLE within the client's read limit", async () => {
    await db.prisma.$queryRawUnsafe("SELECT 1");
    await server.freeze();
    try {
      const started = Date.now();
      const error = await failure(() => db.prisma.$queryRawUnsafe("SELECT 1"));
      expect(Date.now() - started).toBeLessThan(timeouts.statementMs + 1_000 + 1_000);
      expectUnavailable(error, /timeout/i);
    } finally {
      await server.thaw();
    }
  });

  it("a stopped server is SERVICE_UNAVAILABLE, for Prisma and for raw SQL, and recovers once it is back", async () => {
    await server.stop();
    try {
      // A raw statement reports the outage in the same words and code as a model query.
      expectUnavailable(
        await failure(() => db.prisma.$queryRawUnsafe("SELECT 1")),
        /^Can't reach database server at [^ ]+ \(P1001\)$/,
      );
      expectUnavailable(
        await failure(() => db.prisma.$transaction((tx) => tx.$queryRawUnsafe("SELECT 1"))),
        /\(P1001\)/,
      );
      expectUnavailable(await failure(() => db.sql.query("SELECT 1")), /ECONNREFUSED/);
    } finally {
      await server.start();
    }
    expect(await db.prisma.$queryRawUnsafe("SELECT count(*)::int AS n FROM notes")).toEqual([{ n: 1 }]);
  });

  it("leaves other errors alone", () => {
    expect(databaseUnavailableReason(new Error("boom"))).toBeUndefined();
    expect(toApiError(new Error("boom"))).not.toBeInstanceOf(ApiError);
  });
});
