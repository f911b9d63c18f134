import { registry } from "@tusk/registry";
import { parseLinkHeader } from "@tusk/uri";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, createTestApp, type TestApp } from "../harness.ts";
import { pathOf } from "./rest.ts";

type Link = { rel: string; href: string; method: string };

/** NARWHL checklist items (see docs/narwhl-conformance.md) that no other test covers. */
describe("NARWHL conformance", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = (path: string) => request(t.app).get(path);

  it("#43 #111 the summary view's count is the number of items the filtered list holds", async () => {
    const filter = "price=gte(400)";
    const { count } = (await get(`/v1/products/views/summary?${filter}`)).body.summary;
    let total = 0;
    let next: string | undefined = `/v1/products?${filter}&limit=100`;
    while (next) {
      const res = await get(next);
      total += res.body.products.length;
      next = (res.body._links as Link[]).find((link) => link.rel === "next")?.href;
      next = next ? pathOf(next) : undefined;
    }
    expect(count).toBeGreaterThan(0);
    expect(count).toBe(total);
  });

  it("#71 file extensions are not a way to negotiate: /v1/products/73924.json is not served", async () => {
    const res = await get("/v1/products/73924.json");
    expect([400, 404]).toContain(res.status);
    expect(res.headers["content-type"]).toBe("application/problem+json");
  });

  it("#74 an unknown URI version is 404", async () => {
    expect((await get("/v9/products")).status).toBe(404);
    expect((await get("/v2/products/73924")).status).toBe(404);
  });

  it("#87 a successful membership PUT carries no ETag or Last-Modified", async () => {
    const res = await request(t.app).put("/v1/categories/37/products/73924");
    expect(res.status).toBe(204);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers["last-modified"]).toBeUndefined();
    await request(t.app).delete("/v1/categories/37/products/73924");
  });

  it("#98 #101 #103 Link headers use lowercase registered rels, and type on service-desc", async () => {
    const registered = new Set(["self", "canonical", "next", "prev", "first", "service", "service-desc"]);
    const paths = ["/v1/products/73924", "/v1/categories/36/products/73924", "/v1/products?limit=2", "/v1"];
    for (const path of paths) {
      for (const link of parseLinkHeader((await get(path)).headers.link ?? "")) {
        for (const rel of link.rel.split(/\s+/)) {
          expect(rel).toBe(rel.toLowerCase());
          expect(registered.has(rel) || rel.startsWith(`${BASE}/`), rel).toBe(true);
        }
        if (link.rel === "service-desc") expect(link.type).toBe("application/openapi+json");
      }
    }
  });

  it("#126 a problem's instance is the request's path and query", async () => {
    const res = await get("/v1/products?colour=red");
    expect(res.body.instance).toBe("/v1/products?colour=red");
    expect((await get("/v1/products/99999")).body.instance).toBe("/v1/products/99999");
  });

  it("#140 permanent redirects carry a long max-age", async () => {
    for (const path of ["/v1/items/73924", "/v1/books/0-306-40615-2", "/v1/users/JDoe"]) {
      const res = await get(path);
      expect(res.status).toBe(301);
      const maxAge = Number(/max-age=(\d+)/.exec(res.headers["cache-control"] ?? "")?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(3600);
    }
  });

  it("#156 #39 every relation rel is an absolute URI that dereferences to the target's definition", async () => {
    for (const resource of registry.rootResources) {
      const [item] = (await get(`/v1/${resource.path}?limit=1`)).body[resource.path] as { _links: Link[] }[];
      for (const link of item?._links ?? []) {
        if (!link.rel.startsWith("http")) continue;
        const res = await get(pathOf(link.rel));
        expect(res.status, link.rel).toBe(200);
        const target = resource.relations.find((relation) => link.href.endsWith(`/${relation.path}`))?.target;
        expect(res.body.resource).toBe(target?.path);
      }
    }
  });
});
