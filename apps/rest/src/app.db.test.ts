import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, createTestApp, type TestApp } from "../test/harness.ts";

describe("createRestApp", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("#3 GET /v1/products/73924 returns the product with links", async () => {
    const res = await request(t.app).get("/v1/products/73924");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [product] = res.body.products;
    expect(product.name).toBe("The Amazing Widget");
    expect(product._links).toContainEqual({ rel: "self", href: `${BASE}/v1/products/73924`, method: "GET" });
  });
});
