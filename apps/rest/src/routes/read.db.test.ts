import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

type Link = { rel: string; href: string; method: string };
const links = (item: { _links: Link[] }) => item._links;
const linkTo = (item: { _links: Link[] }, rel: string) => links(item).find((link) => link.rel === rel);

describe("reading resources", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = (path: string) => request(t.app).get(path);

  it("#1 GET /v1/products is 200 and GET /v1/product is 404", async () => {
    expect((await get("/v1/products")).status).toBe(200);
    expect((await get("/v1/product")).status).toBe(404);
  });

  it("#2 the plural is kept with an identifier: /v1/product/73924 is 404", async () => {
    expect((await get("/v1/products/73924")).status).toBe(200);
    expect((await get("/v1/product/73924")).status).toBe(404);
  });

  it("#3 #33 an item links itself and every related resource", async () => {
    const res = await get("/v1/products/73924");
    const [product] = res.body.products;
    expect(product).toMatchObject({ id: 73924, name: "The Amazing Widget", price: "219.99" });
    expect(linkTo(product, "self")).toEqual({
      rel: "self",
      href: `${BASE}/v1/products/73924`,
      method: "GET",
    });
    expect(links(product)).toContainEqual({
      rel: `${BASE}/v1/categories/definition`,
      href: `${BASE}/v1/products/73924/categories`,
      method: "GET",
      name: "categories",
    });
    expect(links(product)).toContainEqual(
      expect.objectContaining({ href: `${BASE}/v1/products/73924/line_items`, method: "GET" }),
    );
  });

  it("#4 #38 every listed item has its own links and the list has a self link", async () => {
    const res = await get("/v1/products");
    expect(res.body.products.length).toBeGreaterThan(0);
    for (const product of res.body.products) {
      expect(linkTo(product, "self")?.href).toBe(`${BASE}/v1/products/${product.id}`);
    }
    expect(linkTo(res.body, "self")?.href).toBe(`${BASE}/v1/products`);
  });

  it("#6 a query that matches nothing is 200 with an empty list", async () => {
    const res = await get("/v1/products?name=No%20such%20thing");
    expect(res.status).toBe(200);
    expect(res.body.products).toEqual([]);
  });

  it("#8 #34 members are snake_case at the top level of each resource", async () => {
    const res = await get("/v1/users/jdoe");
    expect(res.body.users[0]).toMatchObject({ username: "jdoe", display_name: "Jane Doe" });
    expect(res.body.users[0]).not.toHaveProperty("displayName");
  });

  it("#7 a to-one relation is its own resource: /v1/orders/9/user", async () => {
    const res = await get("/v1/orders/9/user");
    expect(res.status).toBe(200);
    expect(res.body.users[0].username).toBe("jdoe");
    expect(res.headers.link).toContain(`<${BASE}/v1/users/jdoe>; rel="canonical"`);
  });

  it("#17 GET /v1/categories/36/products lists only that category's products, in the list format", async () => {
    const res = await get("/v1/categories/36/products?limit=5");
    expect(res.status).toBe(200);
    const ids = res.body.products.map((product: { id: number }) => product.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const categories = await get(`/v1/products/${id}/categories?limit=100`);
      expect(categories.body.categories.map((c: { id: number }) => c.id)).toContain(36);
    }
    const widget = await get("/v1/categories/36/products?id=73924");
    expect(widget.body.products.map((product: { id: number }) => product.id)).toEqual([73924]);
  });

  it("#17 every relation is navigable", async () => {
    for (const path of [
      "/v1/products/73924/categories",
      "/v1/users/jdoe/orders",
      "/v1/users/jdoe/vehicles",
      "/v1/categories/36/books",
      "/v1/vehicles/1M8GDM9AXKP042788/owner",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
    }
    expect((await get("/v1/users/jdoe/vehicles")).body.vehicles[0].vin).toBe("1M8GDM9AXKP042788");
    expect((await get("/v1/categories/36/books")).body.books[0].isbn).toBe("9780306406157");
  });

  it("#18 #19 #25 #26 a relational item has the canonical representation plus rel=canonical", async () => {
    const canonical = await get("/v1/products/73924");
    const relational = await get("/v1/categories/36/products/73924");
    expect(relational.status).toBe(200);
    expect(relational.body).toEqual(canonical.body);
    expect(relational.headers.link).toContain(`<${BASE}/v1/products/73924>; rel="canonical"`);
    expect(relational.headers["content-location"]).toBe(`${BASE}/v1/products/73924`);
    expect(linkTo(relational.body.products[0], "self")?.href).toBe(`${BASE}/v1/products/73924`);
  });

  it("#20 #21 #22 the canonical target is 200, and sends no canonical link itself", async () => {
    const relational = await get("/v1/categories/36/products/73924");
    expect(relational.headers.link?.match(/rel="canonical"/g)).toHaveLength(1);
    const canonical = await get("/v1/products/73924");
    expect(canonical.status).toBe(200);
    expect(canonical.headers.link).not.toContain('rel="canonical"');
  });

  it("#23 a product that is not in the category is 404 there, though it exists", async () => {
    const other = await t.db.prisma.product.create({ data: { name: "Loose", price: "1.00" } });
    expect((await get(`/v1/products/${other.id}`)).status).toBe(200);
    const res = await get(`/v1/categories/36/products/${other.id}`);
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("#24 a missing category is 404; an empty one is an empty list", async () => {
    expect((await get("/v1/categories/999/products")).status).toBe(404);
    const empty = await get("/v1/categories/37/products");
    expect(empty.status).toBe(200);
    expect(empty.body.products).toEqual([]);
  });

  it("#27 #30 #32 line items live under their order, link up to it, and the order links them", async () => {
    const res = await get("/v1/orders/9/line_items/12345");
    expect(res.status).toBe(200);
    const [item] = res.body.line_items;
    expect(item).toMatchObject({ id: 12345, order_id: 9, product_id: 73924, quantity: 2 });
    expect(linkTo(item, "self")?.href).toBe(`${BASE}/v1/orders/9/line_items/12345`);
    expect(linkTo(item, "up")?.href).toBe(`${BASE}/v1/orders/9`);
    expect(res.headers.link ?? "").not.toContain('rel="canonical"');
    const order = (await get("/v1/orders/9")).body.orders[0];
    expect(links(order).map((link: Link) => link.href)).toContain(`${BASE}/v1/orders/9/line_items`);
    const list = await get("/v1/orders/9/line_items");
    expect(list.body.line_items.map((line: { id: number }) => line.id)).toEqual(
      expect.arrayContaining([12345, 12346]),
    );
  });

  it("#28 there is no root collection or item for line items", async () => {
    expect((await get("/v1/line_items")).status).toBe(404);
    expect((await get("/v1/line_items/12345")).status).toBe(404);
  });

  it("#29 a line item under another order is 404", async () => {
    const other = await t.db.prisma.order.create({ data: { username: "jdoe" } });
    expect((await get(`/v1/orders/${other.id}/line_items/12345`)).status).toBe(404);
    expect((await get("/v1/orders/999999/line_items/12345")).status).toBe(404);
  });

  it("#41 single and list responses share one shape", async () => {
    const one = await get("/v1/products/73924");
    const list = await get("/v1/products");
    expect(Array.isArray(one.body.products)).toBe(true);
    expect(one.body.products).toHaveLength(1);
    expect(Object.keys(one.body).sort()).toEqual(Object.keys(list.body).sort());
  });

  it("#44 #45 every success carries Content-Type application/json", async () => {
    for (const path of ["/v1", "/v1/products", "/v1/products/73924", "/v1/products/definition"]) {
      expect((await get(path)).headers["content-type"], path).toBe("application/json");
    }
  });

  it("#56 every resource response links its definition with rel=service", async () => {
    for (const path of ["/v1/products", "/v1/products/73924", "/v1/categories/36/products/73924"]) {
      expect((await get(path)).headers.link, path).toContain(
        `<${BASE}/v1/products/definition>; rel="service"`,
      );
    }
    expect((await get("/v1/orders/9/line_items/12345")).headers.link).toContain(
      `<${BASE}/v1/line_items/definition>; rel="service"`,
    );
  });
});
