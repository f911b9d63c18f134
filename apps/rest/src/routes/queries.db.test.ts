import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";

/** The REST app adds no queries of its own: one SQL statement per read request, however much it embeds. */
describe("SQL statements per request", () => {
  let t: TestApp;
  let statements = 0;
  beforeAll(async () => {
    t = await createTestApp({ log: [{ emit: "event", level: "query" }] });
    (t.db.prisma as unknown as { $on(event: "query", listener: () => void): void }).$on("query", () => {
      statements += 1;
    });
  });
  afterAll(() => t.close());

  async function count(path: string): Promise<number> {
    await request(t.app).get(path); // warm: the first request reads the schema and compiles
    statements = 0;
    const res = await request(t.app).get(path);
    expect(res.status, path).toBe(200);
    return statements;
  }

  it.each([
    "/v1/products/73924",
    "/v1/products?limit=5&price=gte(10)&sort=-price",
    "/v1/products?limit=5",
    "/v1/categories/36/products?limit=5",
    "/v1/orders/9/line_items/12345",
    "/v1/orders/9/line_items/12345/product",
    "/v1/orders/9/user",
    "/v1/products/73924?zoom=categories,line_items",
    "/v1/products/views/summary?price=gte(10)",
    "/v1/categories/36/products/views/summary?price=gte(10)",
    "/v1/users/jdoe/orders/views/summary",
  ])("%s is one SQL statement", async (path) => {
    expect(await count(path)).toBe(1);
  });

  it.each([
    ["/v1/products?zoom=categories,line_items&limit=5", "/v1/products?zoom=categories,line_items&limit=50"],
    [
      "/v1/categories/36/products?zoom=categories&limit=5",
      "/v1/categories/36/products?zoom=categories&limit=50",
    ],
    ["/v1/orders/9/line_items?zoom=product&limit=1", "/v1/orders/9/line_items?zoom=product&limit=20"],
  ])("%s and ten times the page size are one statement each", async (small, large) => {
    expect(await count(small)).toBe(1);
    expect(await count(large)).toBe(1);
  });
});
