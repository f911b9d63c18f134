/**
 * Optimistic concurrency under real concurrency: these matter on PostgreSQL
 * (`TUSK_TEST_DATABASE=postgres`), where requests run in parallel; PGlite serialises them.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testDatabaseKind } from "@tusk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";

const WRITERS = 100;

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies by shape and assert on them
const json = (response: Response): Promise<any> => response.json();

describe(`If-Match under concurrent writers on ${testDatabaseKind()}`, () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // A hundred writers queue on a small pool: give them time to queue (the limit is not under test).
    t = await createTestApp({ timeouts: { connectMs: 60_000 } });
    server = t.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  async function newItem(path: string, body: unknown): Promise<{ uri: string; etag: string }> {
    const created = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    const uri = new URL(String(created.headers.get("location"))).pathname;
    const etag = String((await fetch(`${base}${uri}`)).headers.get("etag"));
    return { uri, etag };
  }

  it("defect 2: of 100 concurrent PATCHes with the same ETag exactly one succeeds and the rest get 412", async () => {
    const { uri, etag } = await newItem("/v1/products", { name: "Contended", price: "1.00", stock: 0 });
    const statuses = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const response = await fetch(`${base}${uri}`, {
          method: "PATCH",
          headers: { "content-type": "application/merge-patch+json", "if-match": etag },
          body: JSON.stringify({ stock: writer + 1 }),
        });
        const body = await json(response);
        return { status: response.status, stock: body.products?.[0]?.stock as number | undefined };
      }),
    );
    const won = statuses.filter((answer) => answer.status === 200);
    expect(statuses.map((answer) => answer.status).sort()).toEqual([
      200,
      ...Array.from({ length: WRITERS - 1 }, () => 412),
    ]);
    // The one acknowledged write is the one stored.
    const stored = await json(await fetch(`${base}${uri}`));
    expect(stored.products[0].stock).toBe(won[0]?.stock);
  });

  it("acknowledged If-Match increments are never lost", async () => {
    const { uri } = await newItem("/v1/categories", { name: "Counter", description: "0" });
    let acknowledged = 0;
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const current = await fetch(`${base}${uri}`);
          const etag = String(current.headers.get("etag"));
          const count = Number((await json(current)).categories[0].description);
          const response = await fetch(`${base}${uri}`, {
            method: "PATCH",
            headers: { "content-type": "application/merge-patch+json", "if-match": etag },
            body: JSON.stringify({ description: String(count + 1) }),
          });
          await response.arrayBuffer();
          if (response.status === 200) acknowledged++;
          else expect(response.status).toBe(412);
        }
      }),
    );
    const stored = await json(await fetch(`${base}${uri}`));
    expect(acknowledged).toBeGreaterThan(0);
    expect(Number(stored.categories[0].description)).toBe(acknowledged);
  });

  it("concurrent DELETEs with an ETag from before a change all get 412", async () => {
    const { uri, etag } = await newItem("/v1/categories", { name: "Doomed" });
    const changed = await fetch(`${base}${uri}`, {
      method: "PATCH",
      headers: { "content-type": "application/merge-patch+json" },
      body: JSON.stringify({ description: "changed" }),
    });
    expect(changed.status).toBe(200);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await fetch(`${base}${uri}`, { method: "DELETE", headers: { "if-match": etag } });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 412));
    expect((await fetch(`${base}${uri}`)).status).toBe(200);
  });
});
