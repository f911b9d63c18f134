import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

type Link = { rel: string; href: string; method: string };
const self = (item: { _links: Link[] }) => item._links.find((link) => link.rel === "self")?.href;

describe("writes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("#84 #85 POST creates: 201, Location at the canonical URI, self equal to it", async () => {
    const res = await request(t.app)
      .post("/v1/products")
      .send({ name: "Sprocket", price: "12.50", stock: 3 });
    expect(res.status).toBe(201);
    expect(res.headers.location).toMatch(new RegExp(`^${BASE}/v1/products/\\d+$`));
    expect(self(res.body.products[0])).toBe(res.headers.location);
    expect(res.body.products[0]).toMatchObject({ name: "Sprocket", price: "12.50", stock: 3 });
    const fetched = await request(t.app).get(String(res.headers.location).slice(BASE.length));
    expect(fetched.status).toBe(200);
  });

  it("#84 POST with a client-given identifier stores its canonical form", async () => {
    const res = await request(t.app)
      .post("/v1/books")
      .send({ isbn: "0-19-853453-1", title: "A Book", author: "Someone", price: 10 });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${BASE}/v1/books/9780198534532`);
    expect(res.body.books[0].price).toBe("10.00");
  });

  it("#92 malformed JSON is 400; invalid fields are 422 listing each", async () => {
    const malformed = await request(t.app)
      .post("/v1/products")
      .set("Content-Type", "application/json")
      .send("{name:");
    expect(malformed.status).toBe(400);
    expect(malformed.headers["content-type"]).toBe("application/problem+json");
    const invalid = await request(t.app)
      .post("/v1/products")
      .send({ name: 5, price: "cheap", colour: "red", id: 7, created_at: "2020-01-01T00:00:00Z" });
    expect(invalid.status).toBe(422);
    const names = invalid.body.invalid_params.map((param: { name: string }) => param.name).sort();
    expect(names).toEqual(["colour", "created_at", "id", "name", "price"]);
    const missing = await request(t.app).post("/v1/products").send({ stock: 1 });
    expect(missing.status).toBe(422);
    expect(missing.body.invalid_params.map((param: { name: string }) => param.name).sort()).toEqual([
      "name",
      "price",
    ]);
    const array = await request(t.app).post("/v1/products").send([1, 2]);
    expect(array.status).toBe(422);
  });

  it("#92 the schema's own field checks are 422 in REST names too", async () => {
    const negative = await request(t.app).patch("/v1/products/73924").send({ price: "-5" });
    expect(negative.status).toBe(422);
    expect(negative.body.invalid_params).toEqual([{ name: "price", reason: expect.any(String) }]);
    expect(negative.body.detail).toMatch(/^Invalid fields: price/);
    const dangling = await request(t.app)
      .post("/v1/orders/9/line_items")
      .send({ product_id: 99999999, quantity: 1, unit_price: "1" });
    expect(dangling.status).toBe(422);
    expect(dangling.body.invalid_params[0].name).toBe("product_id");
    const forged = Buffer.from(JSON.stringify(["a", "forged"])).toString("base64url");
    const cursor = await request(t.app).get(`/v1/products?cursor=${forged}`);
    expect(cursor.status).toBe(400);
    expect(cursor.body.invalid_params[0].name).toBe("cursor");
  });

  it("a NUL byte in a written text field is a 422 naming the member, not a 500", async () => {
    const res = await request(t.app).post("/v1/categories").send({ name: "\u0000" });
    expect(res.status).toBe(422);
    expect(res.body.invalid_params).toEqual([
      { name: "name", reason: "must not contain the NUL character (U+0000)" },
    ]);
    const patch = await request(t.app).patch("/v1/products/73924").send({ description: "a\u0000b" });
    expect(patch.status).toBe(422);
    expect(patch.body.invalid_params[0].name).toBe("description");
  });

  it("decimals in bodies follow the one Decimal syntax: no spaces, signs or exponents in strings", async () => {
    for (const price of [" 2 ", "+1.", ".5", "1e-7", 1e-7, 1e21, 0.1 + 0.2]) {
      const res = await request(t.app).patch("/v1/products/73924").send({ price });
      expect(res.status, String(price)).toBe(422);
      expect(res.body.invalid_params, String(price)).toEqual([{ name: "price", reason: expect.any(String) }]);
    }
  });

  it("#121 deleting a resource others still refer to is 409", async () => {
    const res = await request(t.app).delete("/v1/users/jdoe");
    expect(res.status).toBe(409);
    expect((await request(t.app).get("/v1/users/jdoe")).status).toBe(200);
  });

  it("#91 a unique clash is 409", async () => {
    const res = await request(t.app).post("/v1/categories").send({ name: "Widgets" });
    expect(res.status).toBe(409);
    expect(res.body.status).toBe(409);
    const user = await request(t.app)
      .post("/v1/users")
      .send({ username: "jdoe", display_name: "J", email: "x@example.com" });
    expect(user.status).toBe(409);
  });

  it("#10 #88 PATCH with a merge patch updates writable fields; the URI does not change", async () => {
    const created = await request(t.app).post("/v1/products").send({ name: "Cog", price: "1.00" });
    const path = String(created.headers.location).slice(BASE.length);
    const res = await request(t.app)
      .patch(path)
      .set("Content-Type", "application/merge-patch+json")
      .send(JSON.stringify({ name: "Big Cog", description: null }));
    expect(res.status).toBe(200);
    expect(res.body.products[0]).toMatchObject({ name: "Big Cog", description: null, price: "1.00" });
    expect(self(res.body.products[0])).toBe(`${BASE}${path}`);
    expect((await request(t.app).get(path)).body.products[0].name).toBe("Big Cog");
  });

  it("#10 PATCH refuses a changed identifier or create-only field with 422, accepts them unchanged", async () => {
    const changed = await request(t.app).patch("/v1/products/73924").send({ id: 1 });
    expect(changed.status).toBe(422);
    expect(changed.body.invalid_params).toEqual([{ name: "id", reason: expect.any(String) }]);
    const createOnly = await request(t.app).patch("/v1/orders/9").send({ username: "someone" });
    expect(createOnly.status).toBe(422);
    const current = (await request(t.app).get("/v1/users/jdoe")).body.users[0];
    const roundTrip = await request(t.app).patch("/v1/users/jdoe").send(current);
    expect(roundTrip.status).toBe(200);
    const samePath = await request(t.app)
      .patch("/v1/users/jdoe")
      .send({ username: "JDoe", display_name: "Jane Doe" });
    expect(samePath.status).toBe(200);
  });

  it("#134 a false If-None-Match on PATCH is 412 and does not perform it", async () => {
    const res = await request(t.app)
      .patch("/v1/categories/37")
      .set("If-None-Match", "*")
      .send({ description: "y" });
    expect(res.status).toBe(412);
    expect((await request(t.app).get("/v1/categories/37")).body.categories[0].description).not.toBe("y");
  });

  it("#135 If-Match with a stale ETag is 412 and changes nothing; the current one succeeds", async () => {
    const before = await request(t.app).get("/v1/categories/37");
    const stale = await request(t.app)
      .patch("/v1/categories/37")
      .set("If-Match", '"stale"')
      .send({ description: "x" });
    expect(stale.status).toBe(412);
    expect((await request(t.app).get("/v1/categories/37")).body).toEqual(before.body);
    const fresh = await request(t.app)
      .patch("/v1/categories/37")
      .set("If-Match", String(before.headers.etag))
      .send({ description: "Now with cards" });
    expect(fresh.status).toBe(200);
    expect(fresh.body.categories[0].description).toBe("Now with cards");
  });

  it("#82 #89 DELETE is 204, a later GET is 404, a second DELETE is 404", async () => {
    const created = await request(t.app).post("/v1/products").send({ name: "Gone", price: "1.00" });
    const path = String(created.headers.location).slice(BASE.length);
    const res = await request(t.app).delete(path);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await request(t.app).get(path)).status).toBe(404);
    expect((await request(t.app).delete(path)).status).toBe(404);
  });

  it("#31 POST /v1/orders/9/line_items creates a line item under the order", async () => {
    const res = await request(t.app)
      .post("/v1/orders/9/line_items")
      .send({ product_id: 73925, quantity: 3, unit_price: "34.50" });
    expect(res.status).toBe(201);
    expect(res.headers.location).toMatch(new RegExp(`^${BASE}/v1/orders/9/line_items/\\d+$`));
    expect(res.body.line_items[0]).toMatchObject({ order_id: 9, product_id: 73925, quantity: 3 });
    const clash = await request(t.app)
      .post("/v1/orders/9/line_items")
      .send({ order_id: 10, product_id: 73925, quantity: 1, unit_price: "1" });
    expect(clash.status).toBe(422);
    const nested = await request(t.app)
      .patch(String(res.headers.location).slice(BASE.length))
      .send({ quantity: 4 });
    expect(nested.status).toBe(200);
    expect(nested.body.line_items[0].quantity).toBe(4);
  });

  it("#82 PUT and DELETE of a membership are idempotent", async () => {
    const member = "/v1/categories/37/products/73924";
    expect((await request(t.app).get(member)).status).toBe(404);
    expect((await request(t.app).put(member)).status).toBe(204);
    expect((await request(t.app).put(member)).status).toBe(204);
    expect((await request(t.app).get(member)).status).toBe(200);
    expect((await request(t.app).delete(member)).status).toBe(204);
    expect((await request(t.app).delete(member)).status).toBe(204);
    expect((await request(t.app).get(member)).status).toBe(404);
    expect((await request(t.app).put("/v1/categories/37/products/99999999")).status).toBe(404);
  });
});
