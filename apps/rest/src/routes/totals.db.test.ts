/** Totals on request (`?count=`, `Prefer: count=`): docs/rest.md "Totals". */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, customer } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let capped: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  capped = await createTestApp({ limits: { countExactLimit: 5 } });
});
afterAll(async () => {
  await t.close();
  await capped.close();
});

type Body = Record<string, unknown> & {
  _links: { rel: string; href: string }[];
  _meta?: { count: number; count_method: string };
};

/** Follows every `next` link from `path`, returning every page's `_meta` and the ids seen. */
async function walk(app: TestApp["app"], path: string, key: string, headers: Record<string, string> = {}) {
  const seen: unknown[] = [];
  const metas = new Set<string>();
  let next: string | undefined = path;
  while (next) {
    const res = await request(app).get(next.replace(BASE, "")).set(headers);
    expect(res.status).toBe(200);
    const body = res.body as Body;
    seen.push(...(body[key] as { id: unknown }[]).map((item) => item.id));
    metas.add(JSON.stringify(body._meta));
    next = body._links.find((link) => link.rel === "next")?.href;
  }
  return { seen, metas: [...metas].map((meta) => JSON.parse(meta) as Body["_meta"]) };
}

describe("?count= and Prefer: count=", () => {
  it("#43 #111 the total equals the items seen by following every next link, filtered", async () => {
    const { seen, metas } = await walk(t.app, "/v1/products?price=gte(200)&limit=7&count=exact", "products");
    expect(seen.length).toBeGreaterThan(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect(metas).toEqual([{ count: seen.length, count_method: "exact" }]);
  });

  it("#43 #111 the total equals the items seen by following every next link, filtered across a relation", async () => {
    const { seen, metas } = await walk(
      t.app,
      "/v1/products?categories.name=Widgets&limit=2&count=exact",
      "products",
    );
    const expected = await t.db.prisma.product.count({
      where: { categories: { some: { name: "Widgets" } } },
    });
    expect(expected).toBeGreaterThan(2);
    expect(seen.length).toBe(expected);
    expect(metas).toEqual([{ count: expected, count_method: "exact" }]);
  });

  it("the total equals the items seen through a relation, and through a customer's row rules", async () => {
    const category = await t.db.prisma.category.findFirstOrThrow({
      orderBy: { products: { _count: "desc" } },
    });
    const related = await walk(
      t.app,
      `/v1/categories/${category.id}/products?limit=3&count=exact`,
      "products",
    );
    expect(related.seen.length).toBeGreaterThan(3);
    expect(related.metas).toEqual([{ count: related.seen.length, count_method: "exact" }]);

    const token = await bearer(customer("jdoe"));
    const own = await walk(t.app, "/v1/orders?limit=1", "orders", {
      authorization: token,
      prefer: "count=exact",
    });
    expect(own.seen.length).toBe(await t.db.prisma.order.count({ where: { username: "jdoe" } }));
    expect(own.metas).toEqual([{ count: own.seen.length, count_method: "exact" }]);
  });

  it("no count asked, no total: `_meta` is absent and nothing is counted", async () => {
    const res = await request(t.app).get("/v1/products?limit=2");
    expect(res.body._meta).toBeUndefined();
    expect(res.headers["preference-applied"]).toBeUndefined();
    expect(res.headers.vary).toContain("Prefer");
  });

  it("Prefer: count=exact is answered with Preference-Applied, in NARWHL-JSON and HAL", async () => {
    const total = await t.db.prisma.product.count();
    const res = await request(t.app).get("/v1/products?limit=2").set("Prefer", "return=minimal, Count=exact");
    expect(res.headers["preference-applied"]).toBe("count=exact");
    expect(res.body._meta).toEqual({ count: total, count_method: "exact" });
    const hal = await request(t.app)
      .get("/v1/products?limit=2")
      .set("Accept", "application/hal+json")
      .set("Prefer", 'count="exact"');
    expect(hal.body._meta).toEqual({ count: total, count_method: "exact" });
  });

  it("count=estimated answers PostgreSQL's estimate, marked as such", async () => {
    const res = await request(t.app)
      .get("/v1/products?price=gte(200)&limit=2")
      .set("Prefer", "count=estimated");
    expect(res.status).toBe(200);
    expect(res.headers["preference-applied"]).toBe("count=estimated");
    expect(res.body._meta.count_method).toBe("estimated");
    expect(Number.isInteger(res.body._meta.count)).toBe(true);
    const query = await request(t.app).get("/v1/products?count=estimated&limit=2");
    expect(query.body._meta.count_method).toBe("estimated");
    expect(query.headers["preference-applied"]).toBeUndefined();
  });

  it("?count= wins over Prefer; a relation's total is always exact", async () => {
    const res = await request(t.app).get("/v1/products?count=exact&limit=1").set("Prefer", "count=estimated");
    expect(res.body._meta.count_method).toBe("exact");
    expect(res.headers["preference-applied"]).toBe("count=exact");
    const category = await t.db.prisma.category.findFirstOrThrow({ include: { _count: true } });
    const related = await request(t.app)
      .get(`/v1/categories/${category.id}/products?limit=1`)
      .set("Prefer", "count=estimated");
    expect(related.body._meta).toEqual({ count: category._count.products, count_method: "exact" });
    expect(related.headers["preference-applied"]).toBe("count=exact");
  });

  it("#43 past COUNT_EXACT_LIMIT an exact count answers the estimate and says so", async () => {
    const res = await request(capped.app).get("/v1/products?limit=1").set("Prefer", "count=exact");
    expect(res.headers["preference-applied"]).toBe("count=estimated");
    expect(res.body._meta.count_method).toBe("estimated");
    const under = await request(capped.app).get("/v1/products?id=in(73924,73925)&count=exact");
    expect(under.body._meta).toEqual({ count: 2, count_method: "exact" });
  });

  it("an unknown Prefer value is ignored; a malformed ?count= is 400 naming it", async () => {
    const ignored = await request(t.app).get("/v1/products?limit=1").set("Prefer", "count=bogus, count");
    expect(ignored.status).toBe(200);
    expect(ignored.body._meta).toBeUndefined();
    expect(ignored.headers["preference-applied"]).toBeUndefined();
    for (const path of [
      "/v1/products?count=bogus",
      "/v1/products?count=exact&count=exact",
      "/v1/products?count=",
    ]) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(400);
      expect(res.type).toBe("application/problem+json");
      expect(res.body.invalid_params.map((param: { name: string }) => param.name)).toEqual(["count"]);
    }
    // Item routes take no count.
    expect((await request(t.app).get("/v1/products/73924?count=exact")).status).toBe(400);
  });
});
