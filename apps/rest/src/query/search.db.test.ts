import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankedProducts } from "../../../../test-support/search.ts";
import { createRemoteTestApp, createTestApp, type TestApp } from "../../test/harness.ts";

type Item = { id: number; name: string; _links: { rel: string; href: string }[] };
type Link = { rel: string; href: string };
const ids = (body: { products: Item[] }) => body.products.map((product) => product.id);

describe("?q= full-text search", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = (path: string) => request(t.app).get(path);

  it("#118 lists the matching items, best match first", async () => {
    const res = await get("/v1/products?q=amazing");
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([73924, 73925]);
    const widgets = await get("/v1/products?q=widgets&limit=100");
    expect(ids(widgets.body)).toEqual(await rankedProducts(t.db.sql, "widgets"));
  });

  it("combines with filters, and sort replaces the rank order", async () => {
    expect(ids((await get("/v1/products?q=widget&price=lt(50)")).body)).toEqual([73925]);
    expect(ids((await get("/v1/products?q=amazing&sort=-id")).body)).toEqual([73925, 73924]);
  });

  it("reads q as a web search: phrases and excluded words", async () => {
    const phrase = await get(`/v1/products?q=${encodeURIComponent('"amazing widget"')}`);
    expect(ids(phrase.body)).toEqual([73924, 73925]);
    const excluded = await get("/v1/products?q=widget%20-polish&limit=100");
    expect(ids(excluded.body)).toContain(73924);
    expect(ids(excluded.body)).not.toContain(73925);
  });

  it("pages by rank: the next links keep q and walk every match once, in rank order", async () => {
    const expected = await rankedProducts(t.db.sql, "lamp or compact");
    expect(expected.length).toBeGreaterThan(8);
    const seen: number[] = [];
    let next: string | undefined = `/v1/products?q=${encodeURIComponent("lamp or compact")}&limit=4`;
    while (next) {
      const res = await get(next);
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
      const link = (res.body._links as Link[]).find((l) => l.rel === "next");
      if (link) expect(new URL(link.href).searchParams.get("q")).toBe("lamp or compact");
      next = link ? new URL(link.href).pathname + new URL(link.href).search : undefined;
    }
    expect(seen).toEqual(expected);
  });

  it("searches relation lists too, and the definition describes q", async () => {
    const res = await get("/v1/categories/36/products?q=polish");
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([73925]);
    const books = await get("/v1/categories/36/books?q=theory");
    expect(books.body.books.map((b: { isbn: string }) => b.isbn)).toEqual(["9780306406157"]);
    const definition = await get("/v1/books/definition");
    expect(definition.body.query_parameters.q).toMatchObject({
      fields: ["title", "author"],
      max_length: 200,
    });
    expect((await get("/v1/orders/definition")).body.query_parameters.q).toBeUndefined();
  });

  it.each([
    ["/v1/products?q=", "must not be empty"],
    ["/v1/products?q=%20%20", "must not be empty"],
    [`/v1/products?q=${"x".repeat(201)}`, "must be at most 200 characters; got 201"],
    ["/v1/products?q=a&q=b", "give q once"],
    ["/v1/orders?q=shipped", "orders have no searchable fields"],
    ["/v1/orders/9/line_items?q=widget", "line_items have no searchable fields"],
  ])("#118 %s is 400 naming q", async (path, reason) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body.invalid_params).toEqual([{ name: "q", reason }]);
  });

  it("gives the same answer through a remote GraphQL API", async () => {
    const remote = await createRemoteTestApp(t);
    try {
      const path = "/v1/products?q=widget&limit=100";
      const [local, far] = await Promise.all([get(path), request(remote.app).get(path)]);
      expect(ids(far.body)).toEqual(ids(local.body));
      const bad = await request(remote.app).get("/v1/products?q=");
      expect(bad.status).toBe(400);
      expect(bad.body.invalid_params).toEqual([{ name: "q", reason: "must not be empty" }]);
    } finally {
      await remote.close();
    }
  });
});
