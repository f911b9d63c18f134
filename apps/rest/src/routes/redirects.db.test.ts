import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

describe("identifiers and redirects", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ["/v1/books/0-306-40615-2", "/v1/books/9780306406157"],
    ["/v1/books/0306406152", "/v1/books/9780306406157"],
    ["/v1/users/JDoe", "/v1/users/jdoe"],
    ["/v1/vehicles/1m8gdm9axkp042788", "/v1/vehicles/1M8GDM9AXKP042788"],
    ["/v1/products/073924", "/v1/products/73924"],
    ["/v1/categories/036/products/073924", "/v1/categories/36/products/73924"],
  ])("#9 #15 %s answers 301 to its canonical URI, which answers 200", async (path, canonical) => {
    const res = await request(t.app).get(path);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`${BASE}${canonical}`);
    expect(res.headers["cache-control"]).toBe("public, max-age=86400");
    expect((await request(t.app).get(canonical)).status).toBe(200);
  });

  it("#15 a redirect keeps the query string", async () => {
    const res = await request(t.app).get("/v1/users/JDoe?fields=display_name");
    expect(res.headers.location).toBe(`${BASE}/v1/users/jdoe?fields=display_name`);
  });

  it("#12 #13 a former path name answers 301 for GET and HEAD, 308 for other methods", async () => {
    const get = await request(t.app).get("/v1/items/73924");
    expect(get.status).toBe(301);
    expect(get.headers.location).toBe(`${BASE}/v1/products/73924`);
    expect((await request(t.app).head("/v1/items/73924")).status).toBe(301);
    const patch = await request(t.app).patch("/v1/items/73924").send({ name: "x" });
    expect(patch.status).toBe(308);
    expect(patch.headers.location).toBe(`${BASE}/v1/products/73924`);
    const sections = await request(t.app).get("/v1/sections/36/products?limit=2");
    expect(sections.headers.location).toBe(`${BASE}/v1/categories/36/products?limit=2`);
  });

  it("#16 an invalid identifier (bad check digit) is 400 problem+json naming the path parameter", async () => {
    const res = await request(t.app).get("/v1/books/9780306406158");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(res.body.status).toBe(400);
    expect(res.body.invalid_params).toEqual([{ name: "isbn", reason: expect.stringMatching(/check digit/) }]);
    const vin = await request(t.app).get("/v1/vehicles/1M8GDM9AXKP042789");
    expect(vin.status).toBe(400);
    expect(vin.body.invalid_params[0].name).toBe("vin");
  });

  it("#9 a valid identifier that does not exist is 404", async () => {
    for (const path of ["/v1/books/9781861972712", "/v1/products/99999999", "/v1/users/nobody"]) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toMatchObject({ status: 404, title: "Not Found", instance: path });
    }
  });

  it("#1 #2 trailing slashes, singular names and unknown versions are 404, not duplicates", async () => {
    for (const path of [
      "/v1/products/",
      "/v1/products/73924/",
      "/v1/product",
      "/v1/user/jdoe",
      "/v9/products",
      "/products",
    ]) {
      expect((await request(t.app).get(path)).status, path).toBe(404);
    }
  });

  it("#60 the reserved words are never identifiers", async () => {
    const res = await request(t.app).get("/v1/products/definition");
    expect(res.status).toBe(200);
    expect(res.body.resource).toBe("products");
    const create = await request(t.app)
      .post("/v1/users")
      .send({ username: "definition", display_name: "D", email: "d@example.com" });
    expect(create.status).toBe(422);
    expect(create.body.invalid_params[0].name).toBe("username");
  });
});
