/** Streaming exports of a whole collection (docs/rest.md "Exports"). */
import { get as httpGet } from "node:http";
import type { AddressInfo } from "node:net";
import type { Prisma } from "@tusk/db";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAuthenticator } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";
import { createInProcessRestApp } from "../in-process-app.ts";

let t: TestApp;
/** SQL statements run so far. */
const statements: string[] = [];
beforeAll(async () => {
  t = await createTestApp({ log: [{ emit: "event", level: "query" }] });
  (t.db.prisma as unknown as { $on(event: "query", cb: (e: Prisma.QueryEvent) => void): void }).$on(
    "query",
    (event) => statements.push(event.query),
  );
});
afterAll(() => t.close());

const NDJSON = "application/x-ndjson";

/** Reads RFC 4180 text: fields quoted or not, quotes doubled, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    i += 1;
    if (quoted) {
      if (c === '"' && next === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && next === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else field += c;
  }
  expect(field).toBe("");
  return records;
}

describe("exports: the whole filtered collection, streamed", () => {
  it("NDJSON: every matching item, one NARWHL-JSON item per line, read in keyset batches", async () => {
    const expected = await t.db.prisma.product.findMany({
      where: { price: { gte: 200 } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(7);
    statements.length = 0;
    const res = await request(t.app).get("/v1/products?price=gte(200)&limit=7").set("Accept", NDJSON);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(NDJSON);
    expect(res.headers.etag).toBeUndefined();
    const lines = res.text.split("\n");
    expect(lines.pop()).toBe("");
    const items = lines.map(
      (line) => JSON.parse(line) as { id: number; price: string; _links: { rel: string }[] },
    );
    expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
    for (const item of items) {
      expect(Number(item.price)).toBeGreaterThanOrEqual(200);
      expect(item._links[0]).toEqual({ rel: "self", href: `${BASE}/v1/products/${item.id}`, method: "GET" });
    }
    // One statement per batch of 7: the last batch finds no next page.
    expect(statements).toHaveLength(Math.ceil(expected.length / 7) + (expected.length % 7 === 0 ? 1 : 0));
  });

  it("CSV: a header row of the REST names and self, RFC 4180 quoting, ?fields= and sort kept", async () => {
    const awkward = await t.db.prisma.product.create({
      data: { name: 'Widget, "deluxe"\r\nedition', price: "999.99", stock: 1 },
    });
    try {
      const res = await request(t.app)
        .get("/v1/products?price=gte(900)&fields=name,price&sort=-price")
        .set("Accept", "text/csv");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8; header=present");
      const [header, ...records] = parseCsv(res.text);
      expect(header).toEqual(["id", "name", "price", "self"]);
      const expected = await t.db.prisma.product.findMany({
        where: { price: { gte: 900 } },
        orderBy: [{ price: "desc" }, { id: "asc" }],
      });
      expect(records).toEqual(
        expected.map((row) => [
          String(row.id),
          row.name,
          row.price.toFixed(2),
          `${BASE}/v1/products/${row.id}`,
        ]),
      );
      expect(records.map((record) => record[1])).toContain('Widget, "deluxe"\r\nedition');
      expect(res.text).toContain('"Widget, ""deluxe""\r\nedition"');
    } finally {
      await t.db.prisma.product.delete({ where: { id: awkward.id } });
    }
  });

  it("refuses what an export cannot do, 400 naming it, before sending anything", async () => {
    const cases: [string, string, string][] = [
      ["/v1/products?zoom=categories", "text/csv", "zoom"],
      ["/v1/products?count=exact", NDJSON, "count"],
      ["/v1/products?price=gte(x)", NDJSON, "price"],
    ];
    for (const [path, accept, name] of cases) {
      const res = await request(t.app).get(path).set("Accept", accept);
      expect(res.status, path).toBe(400);
      expect(res.type).toBe("application/problem+json");
      expect(res.body.invalid_params.map((param: { name: string }) => param.name)).toEqual([name]);
    }
    const zoomed = await request(t.app).get("/v1/products?zoom=categories&limit=50").set("Accept", NDJSON);
    expect(zoomed.status).toBe(200);
    const first = JSON.parse(zoomed.text.split("\n")[0]!);
    expect(first._embeds).toBeDefined();
  });

  it("is offered on collections only, and listed on 406", async () => {
    const refused = await request(t.app).get("/v1/products").set("Accept", "image/png");
    expect(refused.status).toBe(406);
    expect(refused.body.available).toEqual(expect.arrayContaining([NDJSON, "text/csv"]));
    expect((await request(t.app).get("/v1/products/73924").set("Accept", NDJSON)).status).toBe(406);
  });

  it("stops reading when the client disconnects: no further batch", async () => {
    const total = await t.db.prisma.product.count();
    const server = t.app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      statements.length = 0;
      await new Promise<void>((resolve, reject) => {
        const req = httpGet(
          { host: "127.0.0.1", port, path: "/v1/products?limit=1", headers: { accept: NDJSON } },
          (res) => {
            res.once("data", () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on("error", (error) => {
          if (!req.destroyed) reject(error);
        });
      });
      // The batch in flight when the client left may finish; none starts after it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const afterAbort = statements.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(statements.length).toBe(afterAbort);
      expect(afterAbort).toBeLessThan(total / 4);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("spends one request of the caller's budget per batch after the first, pausing when it is spent", async () => {
    const limited = createInProcessRestApp({
      db: t.db,
      baseUrl: BASE,
      authenticator: testAuthenticator(),
      edge: { rateLimit: { limit: 3, windowMs: 1_000 } },
    }).app;
    const ids = [73924, 73925, 1, 2, 3, 4, 5];
    const expected = await t.db.prisma.product.count({ where: { id: { in: ids } } });
    const started = Date.now();
    // Seven batches of one: the request and two more fit the first window, the rest wait for the next ones.
    const res = await request(limited)
      .get(`/v1/products?id=in(${ids.join(",")})&limit=1`)
      .set("Accept", NDJSON);
    expect(res.status).toBe(200);
    expect(res.text.trim().split("\n")).toHaveLength(expected);
    // At least one pause for the window to restart: never cut, never past the budget.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
