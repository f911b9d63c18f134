import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";

/** The REST app adds no queries of its own: one planned operation per request, no N+1. */
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
    ["/v1/products?zoom=categories,line_items&limit=5", "/v1/products?zoom=categories,line_items&limit=50"],
    [
      "/v1/categories/36/products?zoom=categories&limit=5",
      "/v1/categories/36/products?zoom=categories&limit=50",
    ],
    ["/v1/orders/9/line_items?zoom=product&limit=1", "/v1/orders/9/line_items?zoom=product&limit=20"],
  ])("%s and ten times the page size send the same number of statements", async (small, large) => {
    const few = await count(small);
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThanOrEqual(4);
    expect(await count(large)).toBe(few);
  });
});
