import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

type Product = { id: number; name: string; price: string; _links: { rel: string; href: string }[] };
const ids = (body: { products: Product[] }) => body.products.map((product) => product.id);

describe("query strings", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = (path: string) => request(t.app).get(path);

  it("#5 #113 equality narrows the list", async () => {
    const res = await get("/v1/products?name=The%20Amazing%20Widget");
    expect(ids(res.body)).toEqual([73924]);
  });

  it("#5 comparison operators are compiled into the query", async () => {
    const res = await get("/v1/products?price=gte(200)&limit=100");
    expect(res.status).toBe(200);
    expect(res.body.products.length).toBeGreaterThan(0);
    for (const product of res.body.products) expect(Number(product.price)).toBeGreaterThanOrEqual(200);
    const cheap = await get("/v1/products?price=lt(50)&limit=100");
    for (const product of cheap.body.products) expect(Number(product.price)).toBeLessThan(50);
  });

  it("#5 repeated parameters combine with AND", async () => {
    const res = await get("/v1/products?price=gte(30)&price=lt(40)&limit=100");
    expect(res.body.products.length).toBeGreaterThan(0);
    for (const product of res.body.products) {
      expect(Number(product.price)).toBeGreaterThanOrEqual(30);
      expect(Number(product.price)).toBeLessThan(40);
    }
  });

  it("#5 contains, startsWith, in, notIn and not", async () => {
    expect(ids((await get("/v1/products?name=contains(Amazing)")).body)).toContain(73924);
    expect(ids((await get("/v1/products?name=startsWith(The%20Amazing)")).body)).toContain(73924);
    expect(ids((await get("/v1/products?id=in(73924,73925)")).body).sort()).toEqual([73924, 73925]);
    const notIn = await get("/v1/products?id=notIn(73924)&name=contains(Widget)&limit=100");
    expect(ids(notIn.body)).not.toContain(73924);
    expect(ids(notIn.body)).toContain(73925);
    const not = await get("/v1/products?id=not(73924)&name=contains(Widget)&limit=100");
    expect(ids(not.body)).not.toContain(73924);
  });

  it("#5 identifier filter values go through their rule", async () => {
    const res = await get("/v1/books?isbn=0-306-40615-2");
    expect(res.status).toBe(200);
    expect(res.body.books.map((book: { isbn: string }) => book.isbn)).toEqual(["9780306406157"]);
  });

  it.each([
    ["/v1/products?colour=red", "colour"],
    ["/v1/products?price=between(1,2)", "price"],
    ["/v1/products?price=gte(cheap)", "price"],
    ["/v1/products?id=in(1,x)", "id"],
    ["/v1/products?created_at=gte(yesterday)", "created_at"],
    ["/v1/books?isbn=9780306406158", "isbn"],
    ["/v1/products?sort=colour", "sort"],
    ["/v1/products?limit=0", "limit"],
    ["/v1/products?limit=101", "limit"],
    ["/v1/products?limit=ten", "limit"],
    ["/v1/products?cursor=nonsense", "cursor"],
    ["/v1/products?fields=colour", "fields"],
    ["/v1/products?zoom=colours", "zoom"],
    ["/v1/products/73924?price=1", "price"],
  ])("#112 #115 #117 %s is 400 naming %s", async (path, name) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(res.body.invalid_params.map((param: { name: string }) => param.name)).toContain(name);
  });

  it("#116 sort=-price,name sorts by price descending, then name", async () => {
    const res = await get("/v1/products?sort=-price,name&limit=50");
    const prices = res.body.products.map((product: Product) => Number(product.price));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    const asc = await get("/v1/products?sort=price&limit=50");
    const ascending = asc.body.products.map((product: Product) => Number(product.price));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  });

  it("#104 lists have a default page size of 20 and a maximum of 100", async () => {
    expect((await get("/v1/products")).body.products).toHaveLength(20);
    expect((await get("/v1/products?limit=100")).body.products).toHaveLength(100);
    expect((await get("/v1/products?limit=101")).status).toBe(400);
  });

  it("#105 #106 #107 #108 #109 following next visits every item once; links keep the other parameters", async () => {
    const total = (await get("/v1/products/views/summary?price=gte(100)")).body.summary.count as number;
    const seen: number[] = [];
    let path: string | undefined = "/v1/products?price=gte(100)&sort=-price&limit=30";
    let first = true;
    while (path) {
      const res = await get(path);
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
      const rels = res.body._links.map((link: { rel: string }) => link.rel);
      expect(rels).toContain("first");
      if (first) expect(rels).not.toContain("prev");
      else expect(rels).toContain("prev");
      first = false;
      const next = res.body._links.find((link: { rel: string }) => link.rel === "next");
      if (next) {
        expect(next.href).toContain("price=gte%28100%29");
        expect(next.href).toContain("sort=-price");
        expect(next.href).toContain("limit=30");
        expect(res.headers.link).toContain(`<${next.href}>; rel="next"`);
      }
      path = next ? next.href.slice(BASE.length) : undefined;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("#105 prev goes back to the previous page", async () => {
    const page1 = await get("/v1/products?limit=10");
    const next = page1.body._links.find((link: { rel: string }) => link.rel === "next").href;
    const page2 = await get(next.slice(BASE.length));
    const prev = page2.body._links.find((link: { rel: string }) => link.rel === "prev").href;
    const back = await get(prev.slice(BASE.length));
    expect(ids(back.body)).toEqual(ids(page1.body));
  });

  it("#119 fields keeps only the requested members, plus the identifier and links", async () => {
    const res = await get("/v1/products/73924?fields=name");
    const [product] = res.body.products;
    expect(Object.keys(product).sort()).toEqual(["_links", "id", "name"]);
    expect(product._links.find((link: { rel: string }) => link.rel === "self")).toBeDefined();
  });

  it("#46 #48 #52 zoom embeds related resources in their own shape; #49 nothing without it", async () => {
    const plain = await get("/v1/orders/9");
    expect(plain.body.orders[0]._embeds).toBeUndefined();
    const res = await get("/v1/orders/9?zoom=user,line_items");
    const [order] = res.body.orders;
    const users = order._embeds.find((embed: object) => "users" in embed).users;
    expect(users[0].username).toBe("jdoe");
    const direct = (await get("/v1/users/jdoe")).body.users[0];
    expect(users[0]).toEqual(direct);
    const lines = order._embeds.find((embed: object) => "line_items" in embed).line_items;
    expect(lines.map((line: { id: number }) => line.id)).toEqual(expect.arrayContaining([12345, 12346]));
    expect(order._links.some((link: { href: string }) => link.href === `${BASE}/v1/orders/9/user`)).toBe(
      true,
    );
  });

  it("#47 #50 zoom accepts the link rel and several values", async () => {
    const rel = encodeURIComponent(`${BASE}/v1/categories/definition`);
    const res = await get(`/v1/products/73924?zoom=${rel}&zoom=line_items`);
    expect(res.status).toBe(200);
    const embeds = res.body.products[0]._embeds.flatMap((embed: object) => Object.keys(embed));
    expect(embeds.sort()).toEqual(["categories", "line_items"]);
  });

  it("#53 zoomed and unzoomed responses have different ETags", async () => {
    const plain = await get("/v1/products/73924");
    const zoomed = await get("/v1/products/73924?zoom=categories");
    expect(plain.headers.etag).not.toBe(zoomed.headers.etag);
  });

  it("a NUL byte in a text filter is a 400 naming the parameter, not a 500", async () => {
    for (const path of [
      "/v1/products?name=%00",
      "/v1/products?name=in(a,%00)",
      "/v1/users?email=contains(%00)",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.invalid_params, path).toEqual([
        {
          name: expect.stringMatching(/^(name|email)$/),
          reason: "must not contain the NUL character (U+0000)",
        },
      ]);
    }
  });

  it("a year-0000 date filter is a 400 naming the parameter, not a 500", async () => {
    const res = await get("/v1/products?created_at=gte(0000-01-01)");
    expect(res.status).toBe(400);
    expect(res.body.invalid_params).toEqual([
      { name: "created_at", reason: "year 0000 does not exist; years run from 0001 to 9999" },
    ]);
  });

  it("impossible dates and space-separated times are refused, never read loosely", async () => {
    for (const value of ["2026-02-30", "2026-12-01%2010:00:00", "2026-12-01T10:00:00"]) {
      const res = await get(`/v1/products?created_at=lt(${value})`);
      expect(res.status, value).toBe(400);
      expect(res.body.invalid_params[0].name).toBe("created_at");
    }
  });

  it("the smallest 32-bit integer is a valid Int filter", async () => {
    const res = await get("/v1/products?stock=gte(-2147483648)&limit=1");
    expect(res.status).toBe(200);
    expect((await get("/v1/products?stock=gte(-2147483649)")).status).toBe(400);
  });
});
