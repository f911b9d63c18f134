import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultTestsSkipped, type PostgresServer, startPostgresServer } from "./postgres-server.ts";

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf(faultTestsSkipped())("a streaming replica of a server of a test's own", () => {
  let primary: PostgresServer;
  let replica: PostgresServer;
  beforeAll(async () => {
    primary = await startPostgresServer();
    replica = await primary.replicate();
  }, 120_000);
  afterAll(async () => {
    await replica?.close();
    await primary?.close();
  });

  it("follows the primary's writes and refuses its own", async () => {
    await query(primary.url, "CREATE TABLE notes (id int); INSERT INTO notes VALUES (1), (2)");
    expect((await query(replica.url, "SELECT pg_is_in_recovery() AS standby")).rows[0].standby).toBe(true);
    let seen = 0;
    for (let i = 0; i < 100 && seen !== 2; i++) {
      seen = await query(replica.url, "SELECT count(*)::int AS n FROM notes")
        .then((r) => r.rows[0].n as number)
        .catch(() => 0);
      if (seen !== 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen).toBe(2);
    await expect(query(replica.url, "INSERT INTO notes VALUES (3)")).rejects.toThrow(/read-only/);
  });
});
