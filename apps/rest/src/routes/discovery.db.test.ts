import { registry } from "@tusk/registry";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

type Link = { rel: string; href: string; method: string };

describe("discovery: root, definitions and views", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("#155 GET /v1 links every root collection and every definition, and the OpenAPI document", async () => {
    const res = await request(t.app).get("/v1");
    expect(res.status).toBe(200);
    const links: Link[] = res.body._links;
    const collections = links.filter((link) => link.rel === "collection").map((link) => link.href);
    expect(collections).toEqual(
      expect.arrayContaining(
        ["products", "categories", "users", "orders", "books", "vehicles"].map((p) => `${BASE}/v1/${p}`),
      ),
    );
    expect(collections).not.toContain(`${BASE}/v1/line_items`);
    const definitions = links.filter((link) => link.rel === "describedby").map((link) => link.href);
    expect(definitions).toContain(`${BASE}/v1/line_items/definition`);
    expect(links).toContainEqual({ rel: "service-desc", href: `${BASE}/v1/openapi.json`, method: "GET" });
    expect(res.headers.link).toContain(`<${BASE}/v1/openapi.json>; rel="service-desc"`);
  });

  it("#54 #158 the definition describes fields, relations, filters, sort, zoom and the identifier", async () => {
    const res = await request(t.app).get("/v1/products/definition");
    expect(res.status).toBe(200);
    const definition = res.body;
    expect(definition.resource).toBe("products");
    const price = definition.fields.find((field: { name: string }) => field.name === "price");
    expect(price).toMatchObject({ type: "Decimal", required: true, writable: "always", sortable: true });
    expect(price.filter_operators).toEqual(expect.arrayContaining(["equals", "gte", "lt", "in"]));
    expect(definition.fields.find((field: { name: string }) => field.name === "id").writable).toBe("never");
    expect(definition.relations).toContainEqual(
      expect.objectContaining({
        name: "categories",
        rel: `${BASE}/v1/categories/definition`,
        cardinality: "many-to-many",
      }),
    );
    expect(definition.query_parameters.sort.fields).toContain("price");
    expect(definition.query_parameters.relation_filters.relations).toContainEqual({
      relation: "categories",
      quantifiers: ["some", "none", "every"],
      fields: ["id", "name", "description", "created_at", "updated_at"],
      count: true,
    });
    expect(definition.query_parameters.zoom.rels).toEqual(
      expect.arrayContaining(["categories", "line_items"]),
    );
    expect(definition.identifier).toMatchObject({
      name: "id",
      example: expect.any(String),
      pattern: expect.any(String),
    });
    expect(definition.reserved_words).toEqual(expect.arrayContaining(["definition", "views"]));
    expect(definition.methods.collection).toEqual(["GET", "HEAD", "OPTIONS", "POST", "PATCH", "DELETE"]);
    // Products are public: reading them needs no scope.
    expect(definition.scopes).toEqual({
      collection: {
        GET: null,
        HEAD: null,
        OPTIONS: null,
        POST: "products:write",
        PATCH: "products:write",
        DELETE: "products:write",
      },
      item: { GET: null, HEAD: null, OPTIONS: null, PATCH: "products:write", DELETE: "products:write" },
    });
    const books = await request(t.app).get("/v1/books/definition");
    expect(books.body.identifier.title).toMatch(/ISBN/);
  });

  it("#154 every registry resource has a definition matching the registry, and only root ones a collection", async () => {
    for (const resource of registry.resources) {
      const definition = await request(t.app).get(`/v1/${resource.path}/definition`);
      expect(definition.status, resource.path).toBe(200);
      expect(definition.body.fields.map((field: { name: string }) => field.name)).toEqual(
        resource.fields.map((field) => field.restName),
      );
      expect(definition.body.relations.map((relation: { name: string }) => relation.name)).toEqual(
        resource.relations.map((relation) => relation.restName),
      );
      const collection = await request(t.app).get(`/v1/${resource.path}`);
      expect(collection.status, resource.path).toBe(resource.parent ? 404 : 200);
    }
  });

  it("#55 /v1/products/73924/definition answers the same definition", async () => {
    const item = await request(t.app).get("/v1/products/73924/definition");
    const type = await request(t.app).get("/v1/products/definition");
    expect(item.status).toBe(200);
    expect(item.body).toEqual(type.body);
  });

  it("#54 nested-only resources have a definition too", async () => {
    const res = await request(t.app).get("/v1/line_items/definition");
    expect(res.status).toBe(200);
    expect(res.body.nested_under).toBe("orders");
    expect(res.body.methods.collection).toBeUndefined();
    expect(res.body.scopes).toEqual({
      item: {
        GET: "line_items:read",
        HEAD: "line_items:read",
        OPTIONS: null,
        PATCH: "line_items:write",
        DELETE: "line_items:write",
      },
    });
  });

  it("#62 the summary view aggregates the filtered collection without the items", async () => {
    const all = await request(t.app).get("/v1/products/views/summary");
    const res = await request(t.app).get("/v1/products/views/summary?price=gte(200)");
    expect(res.status).toBe(200);
    const { summary } = res.body;
    expect(summary.count).toBeGreaterThan(0);
    expect(summary.count).toBeLessThan(all.body.summary.count);
    expect(Number(summary.min.price)).toBeGreaterThanOrEqual(200);
    expect(Number(summary.sum.price)).toBeGreaterThanOrEqual(200 * summary.count);
    expect(res.body.products).toBeUndefined();
    const lines = await request(t.app).get("/v1/books/views/summary");
    expect(lines.body.summary.sum).toHaveProperty("published_year");
  });

  it("#62 views also summarise a relation's collection; a missing owner is 404", async () => {
    const res = await request(t.app).get("/v1/categories/36/products/views/summary?price=gte(200)");
    expect(res.status).toBe(200);
    const inCategory = res.body.summary.count;
    const list = await request(t.app).get("/v1/categories/36/products?price=gte(200)&limit=100");
    expect(inCategory).toBe(list.body.products.length);
    expect(res.body._links).toContainEqual({
      rel: "collection",
      href: `${BASE}/v1/categories/36/products`,
      method: "GET",
    });
    expect((await request(t.app).get("/v1/categories/999/products/views/summary")).status).toBe(404);
    expect((await request(t.app).get("/v1/categories/36/products/views/nothing")).status).toBe(404);
    const moved = await request(t.app).get("/v1/sections/036/products/views/summary?price=gte(1)");
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe(`${BASE}/v1/categories/36/products/views/summary?price=gte(1)`);
    expect((await request(t.app).post("/v1/categories/36/products/views/summary").send({})).status).toBe(405);
  });

  it("#62 #63 views are safe and unknown views are 404", async () => {
    expect((await request(t.app).get("/v1/products/views/nothing")).status).toBe(404);
    const bad = await request(t.app).get("/v1/products/views/summary?price=gte(x)");
    expect(bad.status).toBe(400);
    expect((await request(t.app).delete("/v1/products/views/summary")).status).toBe(405);
  });

  it("a view's name spelled with needless percent-encoding answers 301 at the root and under a relation alike", async () => {
    for (const [path, canonical] of [
      ["/v1/products/views/%73ummary", "/v1/products/views/summary"],
      ["/v1/categories/36/products/views/%73ummary", "/v1/categories/36/products/views/summary"],
    ]) {
      const res = await request(t.app).get(`${path}?price=gte(1)`);
      expect(res.status, path).toBe(301);
      expect(res.headers.location).toBe(`${BASE}${canonical}?price=gte(1)`);
    }
  });

  it("a views segment without a name is 404 at the root and under a relation alike", async () => {
    for (const path of [
      "/v1/products/views",
      "/v1/categories/36/products/views",
      "/v1/orders/9/line_items/views",
    ]) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });

  it("items and nested-only resources at the root have no views: 404", async () => {
    for (const path of ["/v1/products/73924/views/summary", "/v1/line_items/views/summary"])
      expect((await request(t.app).get(path)).status, path).toBe(404);
    const nested = await request(t.app).get("/v1/orders/9/line_items/views/summary");
    expect(nested.status).toBe(200);
    expect(nested.body.summary.count).toBeGreaterThan(0);
  });

  it("every definition links each view of its collection, and the link is served", async () => {
    for (const resource of registry.resources) {
      const definition = await request(t.app).get(`/v1/${resource.path}/definition`);
      const views = (definition.body._links as (Link & { name?: string })[]).filter(
        (l) => l.rel === "related",
      );
      const expected = resource.parent
        ? []
        : resource.views.map((name) => ({
            rel: "related",
            href: `${BASE}/v1/${resource.path}/views/${name}`,
            method: "GET",
            name,
          }));
      expect(views, resource.path).toEqual(expected);
      expect(definition.body.views).toEqual(expected.map((link) => link.name));
      for (const link of views)
        expect((await request(t.app).get(link.href.slice(BASE.length))).status).toBe(200);
    }
  });

  it("#40 #94 every method in _links is one the target supports", async () => {
    const paths = [
      "/v1/products/73924",
      "/v1/orders/9",
      "/v1/orders/9/line_items/12345",
      "/v1/users/jdoe",
      "/v1/products?limit=2",
    ];
    for (const path of paths) {
      const body = (await request(t.app).get(path)).body;
      const [key] = Object.keys(body).filter((name) => name !== "_links");
      const links: Link[] = [
        ...body._links,
        ...body[key as string].flatMap((item: { _links: Link[] }) => item._links),
      ];
      for (const link of links) {
        // As the admin the links were made for: Allow answers per caller.
        const options = await request(t.app)
          .options(link.href.slice(BASE.length))
          .set("authorization", await bearer(ADMIN));
        expect(options.status, link.href).toBe(200);
        expect(options.headers.allow?.split(", "), `${link.method} ${link.href}`).toContain(link.method);
      }
    }
  });
});
