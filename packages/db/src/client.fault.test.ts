/**
 * Fault tests on a PostgreSQL server of their own (never the shared test server): it is
 * restarted under the client's feet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client.ts";
import { faultTestsSkipped, type PostgresServer, startPostgresServer } from "./testing/postgres-server.ts";

describe.skipIf(faultTestsSkipped())("a PostgreSQL restart", () => {
  let server: PostgresServer;
  let db: Database;
  const lost: string[] = [];

  beforeAll(async () => {
    server = await startPostgresServer();
    db = await openDatabase({ url: server.url, onConnectionLost: (reason) => lost.push(reason) });
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
  });

  it("defect 3: does not kill the process when idle pooled connections are terminated (57P01)", async () => {
    // Both pools (Prisma's and the raw SQL one) hold idle connections when the server restarts.
    await db.prisma.$queryRawUnsafe("SELECT 1");
    await db.sql.query("SELECT 1");
    await server.restart();
    // Give the terminated sockets time to be noticed: before the fix the process died here.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lost).toContain("terminating connection due to administrator command (57P01)");
    expect(await db.prisma.$queryRawUnsafe("SELECT 1 AS n")).toEqual([{ n: 1 }]);
    expect(await db.sql.query("SELECT 1 AS n")).toEqual([{ n: 1 }]);
  });

  it("survives restarts at any moment of a stream of queries, and answers afterwards", async () => {
    let stop = false;
    const stream = (async () => {
      let failures = 0;
      while (!stop) {
        await db.prisma.$queryRawUnsafe("SELECT pg_sleep(0.01)").catch(() => failures++);
      }
      return failures;
    })();
    for (const pause of [0, 50, 200]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      await server.restart();
    }
    stop = true;
    await stream;
    expect(await db.prisma.$queryRawUnsafe("SELECT 2 AS n")).toEqual([{ n: 2 }]);
  });
});
