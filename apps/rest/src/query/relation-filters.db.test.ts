/** Filters across relations: `?{relation}.{field}`, quantifiers, `count` (docs/rest.md). */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, customer } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

type Row = Record<string, unknown>;
type Link = { rel: string; href: string };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (path: string, token?: string) => {
  const req = request(t.app).get(path);
  return token ? req.set("Authorization", token) : req;
};

/** Every id of a list, following `next` links. */
async function allIds(path: string, key: string, id = "id", token?: string): Promise<unknown[]> {
  const seen: unknown[] = [];
  let next: string | undefined = path;
  while (next) {
    const res = await get(next, token);
    expect(res.status, `${next}: ${JSON.stringify(res.body)}`).toBe(200);
    seen.push(...(res.body[key] as Row[]).map((row) => row[id]));
    next = (res.body._links as Link[]).find((link) => link.rel === "next")?.href.slice(BASE.length);
  }
  return seen;
}

async function prismaIds(model: "product" | "category" | "order", where: Row): Promise<number[]> {
  const delegate = t.db.prisma[model] as unknown as { findMany(args: Row): Promise<{ id: number }[]> };
  return (await delegate.findMany({ where, orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
}

describe("filters across relations", () => {
  it.each<[string, "product" | "category" | "order", Row]>([
    ["/v1/products?categories.name=Widgets", "product", { categories: { some: { name: "Widgets" } } }],
    ["/v1/categories?products.price=gte(200)", "category", { products: { some: { price: { gte: "200" } } } }],
    ["/v1/orders?line_items.quantity=gte(4)", "order", { lineItems: { some: { quantity: { gte: 4 } } } }],
    [
      "/v1/orders?user.display_name=contains(Doe)",
      "order",
      { user: { is: { displayName: { contains: "Doe" } } } },
    ],
    [
      "/v1/orders?user.none.display_name=contains(Doe)",
      "order",
      { user: { isNot: { displayName: { contains: "Doe" } } } },
    ],
    ["/v1/products?categories.none.name=Widgets", "product", { categories: { none: { name: "Widgets" } } }],
    [
      "/v1/orders?line_items.every.quantity=gte(2)",
      "order",
      { lineItems: { every: { quantity: { gte: 2 } } } },
    ],
    [
      "/v1/products?categories.some.name=startsWith(W)&categories.name=contains(s)",
      "product",
      {
        AND: [
          { categories: { some: { name: { startsWith: "W" } } } },
          { categories: { some: { name: { contains: "s" } } } },
        ],
      },
    ],
  ])("%s lists each matching item once, as Prisma reads the same filter", async (path, model, where) => {
    const expected = await prismaIds(model, where);
    expect(expected.length).toBeGreaterThan(0);
    const key = { product: "products", category: "categories", order: "orders" }[model];
    expect(await allIds(`${path}&limit=100`, key)).toEqual(expected);
  });

  it("filters by how many related rows there are", async () => {
    const products = await t.db.prisma.product.findMany({
      select: { id: true, _count: { select: { categories: true } } },
      orderBy: { id: "asc" },
    });
    const expected = products.filter((p) => p._count.categories >= 2).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds("/v1/products?categories.count=gte(2)&limit=100", "products")).toEqual(expected);
    const summary = await get("/v1/products/views/summary?categories.count=gte(2)");
    expect(summary.status).toBe(200);
    expect(summary.body.summary.count).toBe(expected.length);
    const empty = await allIds("/v1/categories?products.count=0", "categories");
    expect(empty).toEqual(await prismaIds("category", { products: { none: {} } }));
  });

  it("#114 /v1/products?categories.id=36 lists exactly what /v1/categories/36/products lists", async () => {
    const filtered = await allIds("/v1/products?categories.id=36&limit=7", "products");
    const related = await allIds("/v1/categories/36/products?limit=7", "products");
    expect(filtered.length).toBeGreaterThan(7);
    expect(filtered).toEqual(related);
  });

  it("combines with sort and pagination: next links keep the filter and visit every item once", async () => {
    const path = "/v1/products?categories.name=contains(a)&price=gte(300)&sort=-price&limit=9";
    const first = await get(path);
    const next = (first.body._links as Link[]).find((link) => link.rel === "next");
    expect(next?.href).toContain("categories.name=contains%28a%29");
    const seen = await allIds(path, "products");
    const expected = await t.db.prisma.product.findMany({
      where: { categories: { some: { name: { contains: "a" } } }, price: { gte: "300" } },
      orderBy: [{ price: "desc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((p) => p.id));
  });

  it("a customer's filter across relations matches only through their own rows", async () => {
    const token = await bearer(customer("jdoe"));
    const mine = await prismaIds("product", { lineItems: { some: { order: { username: "jdoe" } } } });
    const all = await prismaIds("product", { lineItems: { some: {} } });
    expect(all.length).toBeGreaterThan(mine.length);
    expect(
      await allIds("/v1/products?line_items.quantity=gte(1)&limit=100", "products", "id", token),
    ).toEqual(mine);
    expect(await allIds("/v1/products?line_items.count=gte(1)&limit=100", "products", "id", token)).toEqual(
      mine,
    );
    const other = await t.db.prisma.order.findFirst({ where: { username: { not: "jdoe" } } });
    const probe = await get(`/v1/users?orders.id=${other!.id}`, token);
    expect(probe.status).toBe(200);
    expect(probe.body.users).toEqual([]);
  });
});

describe("filtered writes across relations", () => {
  it("PATCH by a relation filter changes the matching rows within max-affected", async () => {
    const created = await request(t.app)
      .post("/v1/products")
      .send(["a", "b"].map((s) => ({ name: `rel-patch-${s}`, price: "2.00" })));
    expect(created.status).toBe(201);
    const ids = (
      await t.db.prisma.product.findMany({
        where: { name: { startsWith: "rel-patch-" } },
        orderBy: { id: "asc" },
      })
    ).map((p) => p.id);
    await t.db.prisma.category.update({
      where: { id: 37 },
      data: { products: { connect: [{ id: ids[0]! }] } },
    });
    const patch = (prefer: string) =>
      request(t.app)
        .patch("/v1/products?name=startsWith(rel-patch-)&categories.count=0")
        .set("Prefer", prefer)
        .set("Content-Type", "application/merge-patch+json")
        .send({ stock: 4 });
    const res = await patch("max-affected=1");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ count: 1 });
    const stocks = await t.db.prisma.product.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(stocks.map((p) => p.stock)).toEqual([0, 4]);
    const tooMany = await request(t.app)
      .delete("/v1/products?name=startsWith(rel-patch-)&categories.count=lte(1)")
      .set("Prefer", "max-affected=1");
    expect(tooMany.status).toBe(422);
    expect(await t.db.prisma.product.count({ where: { id: { in: ids } } })).toBe(2);
    await t.db.prisma.category.update({
      where: { id: 37 },
      data: { products: { disconnect: [{ id: ids[0]! }] } },
    });
    await t.db.prisma.product.deleteMany({ where: { id: { in: ids } } });
  });
});

describe("bad filters across relations", () => {
  it.each([
    ["/v1/products?cats.name=Widgets", "cats.name", /unknown relation "cats"/],
    ["/v1/products?categories.any.name=Widgets", "categories.any.name", /unknown quantifier "any"/],
    ["/v1/products?categories.nme=Widgets", "categories.nme", /unknown field "nme" of categories/],
    ["/v1/products?categories.none.nme=Widgets", "categories.none.nme", /unknown field "nme"/],
    ["/v1/orders?user.every.username=jdoe", "user.every.username", /unknown quantifier "every"/],
    ["/v1/orders?user.count=1", "user.count", /unknown field "count" of user/],
    ["/v1/products?categories.count=gte(x)", "categories.count", /integer/],
    ["/v1/products?categories.count=between(1,2)", "categories.count", /unknown operator "between"/],
    ["/v1/products?categories.name=between(1,2)", "categories.name", /unknown operator "between"/],
    ["/v1/products?categories.id=in(1,x)", "categories.id", /integer/],
    ["/v1/products?categories.some.name.x=1", "categories.some.name.x", /categories\.field or/],
    ["/v1/products?categories.=1", "categories.", /unknown field ""/],
    ["/v1/products?categories.name=%00", "categories.name", /NUL/],
    ["/v1/products/73924?categories.name=Widgets", "categories.name", /unknown query parameter/],
  ])("%s is 400 naming %s", async (path, name, reason) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    const param = (res.body.invalid_params as { name: string; reason: string }[]).find(
      (p) => p.name === name,
    );
    expect(param?.reason).toMatch(reason);
  });
});
