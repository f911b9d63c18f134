import { faultTestsSkipped, type PostgresServer, startPostgresServer } from "@tusk/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAuthenticator } from "../../../test-support/callers.ts";
import { type Launched, launch } from "./launch.ts";

async function onReplica(replica: PostgresServer, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** Polls `probe` until it is true (10 s at most). */
async function eventually(probe: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe.skipIf(faultTestsSkipped())(
  "DATABASE_READ_URLS: queries on a streaming replica, writes on the primary",
  () => {
    let primary: PostgresServer;
    let replica: PostgresServer;
    let tusk: Launched;
    const graphql = async (query: string) => {
      const res = await fetch(tusk.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      return (await res.json()) as { data?: Record<string, { name: string } | null>; errors?: unknown };
    };
    beforeAll(async () => {
      primary = await startPostgresServer();
      replica = await primary.replicate();
      tusk = await launch({
        restPort: 0,
        graphqlPort: 0,
        host: "127.0.0.1",
        databaseUrl: primary.url,
        databaseReadUrls: [replica.url],
        authenticator: testAuthenticator(),
      });
      // The demo data the launcher seeded on the primary reaches the replica.
      const seen = await eventually(
        async () => (await fetch(`${tusk.restUrl}/v1/categories/36`)).status === 200,
      );
      if (!seen) throw new Error("the replica never caught up with the seed");
    }, 180_000);
    afterAll(async () => {
      await tusk?.close(1_000);
      await replica?.close();
      await primary?.close();
    });

    it("answers a write from the primary while reads come from the replica, which catches up", async () => {
      await onReplica(replica, "SELECT pg_wal_replay_pause()");
      const created = await fetch(`${tusk.restUrl}/v1/categories`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Replicated later" }),
      });
      expect(created.status).toBe(201);
      const body = (await created.json()) as { categories: { name: string }[] };
      expect(body.categories[0]?.name).toBe("Replicated later");
      const location = created.headers.get("location")!;
      const id = Number(location.split("/").at(-1));
      // The paused replica has not seen it: REST and GraphQL reads both go there.
      expect((await fetch(location)).status).toBe(404);
      expect((await graphql(`{ category(id: ${id}) { name } }`)).data?.category).toBeNull();
      // A GraphQL mutation's answer comes from the primary too.
      const renamed = await graphql(
        `mutation { updateCategory(id: ${id}, input: { name: "Renamed" }) { name } }`,
      );
      expect(renamed.data?.updateCategory).toEqual({ name: "Renamed" });
      await onReplica(replica, "SELECT pg_wal_replay_resume()");
      expect(await eventually(async () => (await fetch(location)).status === 200)).toBe(true);
      expect((await graphql(`{ category(id: ${id}) { name } }`)).data?.category).toEqual({ name: "Renamed" });
    });
  },
);
