import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, customer } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

type Link = { rel: string; href: string };
const self = (item: { _links: Link[] }) => item._links.find((link) => link.rel === "self")?.href;
const KEY = "Idempotency-Key";
const PREFER = "Prefer";

describe("nested, bulk and filtered writes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ limits: { maxBulkWrite: 3 } });
  });
  afterAll(() => t.close());

  const counts = async () => ({
    orders: await t.db.prisma.order.count(),
    lineItems: await t.db.prisma.lineItem.count(),
    products: await t.db.prisma.product.count(),
  });
  const line = (product_id: number, quantity: number) => ({ product_id, quantity, unit_price: "219.99" });

  describe("POST with nested line items", () => {
    it("creates the order and its line items, answering 201 with them embedded", async () => {
      const res = await request(t.app)
        .post("/v1/orders")
        .send({ username: "jdoe", line_items: [line(73924, 2), line(73925, 1)] });
      expect(res.status).toBe(201);
      const [order] = res.body.orders;
      expect(res.headers.location).toBe(self(order));
      expect(order.username).toBe("jdoe");
      const embedded = order._embeds.find((embed: Record<string, unknown>) => "line_items" in embed)
        .line_items as { product_id: number; quantity: number; order_id: number }[];
      expect(embedded.map((item) => [item.product_id, item.quantity, item.order_id])).toEqual([
        [73924, 2, order.id],
        [73925, 1, order.id],
      ]);
      expect(await t.db.prisma.lineItem.count({ where: { orderId: order.id } })).toBe(2);
    });

    it("#92 422 names line_items[2].quantity and nothing is created", async () => {
      const before = await counts();
      const bad = await request(t.app)
        .post("/v1/orders")
        .send({ username: "jdoe", line_items: [line(73924, 1), line(73924, 1), line(73924, -1)] });
      expect(bad.status).toBe(422);
      expect(bad.headers["content-type"]).toBe("application/problem+json");
      expect(bad.body.invalid_params).toEqual([
        { name: "line_items[2].quantity", reason: "must not be negative" },
      ]);
      const malformed = await request(t.app)
        .post("/v1/orders")
        .send({ username: "jdoe", line_items: [line(73924, 1), { quantity: "x", order_id: 9, colour: 1 }] });
      expect(malformed.status).toBe(422);
      expect(malformed.body.invalid_params.map((p: { name: string }) => p.name)).toEqual([
        "line_items[1].quantity",
        "line_items[1].order_id",
        "line_items[1].colour",
        "line_items[1].product_id",
        "line_items[1].unit_price",
      ]);
      expect(await counts()).toEqual(before);
    });

    it("a customer may not create an order for someone else, items and all", async () => {
      const before = await counts();
      const res = await request(t.app)
        .post("/v1/orders")
        .set("Authorization", await bearer(customer("jdoe")))
        .send({ username: "admin", line_items: [line(73924, 1)] });
      expect(res.status).toBe(403);
      expect(await counts()).toEqual(before);
    });
  });

  describe("POST of a JSON array", () => {
    it("#84 a JSON array creates every item: 201 with them in order and a Link to each", async () => {
      const res = await request(t.app)
        .post("/v1/products")
        .send([
          { name: "bulk-1", price: "1.00" },
          { name: "bulk-2", price: "2.00" },
        ]);
      expect(res.status).toBe(201);
      const items = res.body.products as { name: string; _links: Link[] }[];
      expect(items.map((item) => item.name)).toEqual(["bulk-1", "bulk-2"]);
      const links = String(res.headers.link);
      for (const item of items) expect(links).toContain(`<${self(item)}>; rel="item"`);
      expect(self(items[0]!)).toMatch(new RegExp(`^${BASE}/v1/products/\\d+$`));
      expect(await t.db.prisma.product.count({ where: { name: { startsWith: "bulk-" } } })).toBe(2);
    });

    it("creates none when an item is refused, naming it by its index", async () => {
      const before = await counts();
      const coded = await request(t.app)
        .post("/v1/products")
        .send([{ name: "fine", price: "1" }, { name: "bad" }]);
      expect(coded.status).toBe(422);
      expect(coded.body.invalid_params).toEqual([{ name: "[1].price", reason: "required" }]);
      const checked = await request(t.app)
        .post("/v1/products")
        .send([
          { name: "fine", price: "1" },
          { name: "bad", price: "-2" },
        ]);
      expect(checked.status).toBe(422);
      expect(checked.body.invalid_params).toEqual([{ name: "[1].price", reason: "must not be negative" }]);
      expect(await counts()).toEqual(before);
    });

    it("413 beyond the configured bulk limit, 422 for an empty array", async () => {
      const before = await counts();
      const many = Array.from({ length: 4 }, (_, i) => ({ name: `over-${i}`, price: "1" }));
      const tooMany = await request(t.app).post("/v1/products").send(many);
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.invalid_params).toEqual([
        { name: "body", reason: "at most 3 items at once; 4 were given" },
      ]);
      const empty = await request(t.app).post("/v1/products").send([]);
      expect(empty.status).toBe(422);
      expect(await counts()).toEqual(before);
    });

    it("Idempotency-Key: a retry gets the first answer and creates nothing more", async () => {
      const body = [{ name: "keyed-1", price: "1" }];
      const first = await request(t.app).post("/v1/products").set(KEY, "bulk-1").send(body);
      expect(first.status).toBe(201);
      const again = await request(t.app).post("/v1/products").set(KEY, "bulk-1").send(body);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.text).toBe(first.text);
      expect(await t.db.prisma.product.count({ where: { name: "keyed-1" } })).toBe(1);
    });
  });

  describe("filtered PATCH and DELETE", () => {
    beforeAll(async () => {
      const res = await request(t.app)
        .post("/v1/products")
        .send(["a", "b", "c"].map((s) => ({ name: `cheap-${s}`, price: "0.50" })));
      expect(res.status).toBe(201);
    });
    const cheap = () => t.db.prisma.product.findMany({ where: { name: { startsWith: "cheap-" } } });

    it("needs Prefer: max-affected, naming the header", async () => {
      const res = await request(t.app).patch("/v1/products?price=lt(1)").send({ stock: 9 });
      expect(res.status).toBe(400);
      expect(res.body.invalid_params[0].name).toBe("Prefer");
      const del = await request(t.app).delete("/v1/products?price=lt(1)").set(PREFER, "max-affected=many");
      expect(del.status).toBe(400);
      expect(del.body.invalid_params[0].name).toBe("Prefer");
      expect((await cheap()).map((p) => p.stock)).toEqual([0, 0, 0]);
    });

    it("PATCH changes every matching row within the limit, answering the count", async () => {
      const res = await request(t.app)
        .patch("/v1/products?name=startsWith(cheap-)")
        .set(PREFER, "max-affected=3")
        .set("Content-Type", "application/merge-patch+json")
        .send({ stock: 5 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ count: 3 });
      expect(res.headers["preference-applied"]).toBe("max-affected=3");
      expect((await cheap()).map((p) => p.stock)).toEqual([5, 5, 5]);
    });

    it("422 naming Prefer when more rows would change, and nothing changes", async () => {
      const res = await request(t.app)
        .patch("/v1/products?name=startsWith(cheap-)")
        .set(PREFER, "max-affected=2")
        .send({ stock: 1 });
      expect(res.status).toBe(422);
      expect(res.body.invalid_params[0].name).toBe("Prefer");
      const del = await request(t.app)
        .delete("/v1/products?name=startsWith(cheap-)")
        .set(PREFER, "max-affected=2");
      expect(del.status).toBe(422);
      expect((await cheap()).map((p) => p.stock)).toEqual([5, 5, 5]);
    });

    it("bad filters, bad patches and unknown parameters are refused by name", async () => {
      const filter = await request(t.app)
        .patch("/v1/products?price=lt(abc)")
        .set(PREFER, "max-affected=1")
        .send({});
      expect(filter.status).toBe(400);
      expect(filter.body.invalid_params[0].name).toBe("price");
      const unknown = await request(t.app).delete("/v1/products?limit=1").set(PREFER, "max-affected=1");
      expect(unknown.status).toBe(400);
      expect(unknown.body.invalid_params[0].name).toBe("limit");
      const patch = (body: object) =>
        request(t.app).patch("/v1/products?name=startsWith(cheap-)").set(PREFER, "max-affected=3").send(body);
      const identifier = await patch({ stock: 1, id: 5 });
      expect(identifier.status).toBe(422);
      expect(identifier.body.invalid_params).toEqual([
        { name: "id", reason: "the identifier never changes" },
      ]);
      const negative = await patch({ stock: -1 });
      expect(negative.status).toBe(422);
      expect(negative.body.invalid_params).toEqual([{ name: "stock", reason: "must not be negative" }]);
      expect((await cheap()).map((p) => p.stock)).toEqual([5, 5, 5]);
    });

    it("Idempotency-Key: a retried filtered PATCH is answered again; another limit is another request", async () => {
      const send = (limit: number) =>
        request(t.app)
          .patch("/v1/products?name=startsWith(cheap-)")
          .set(KEY, "patch-1")
          .set(PREFER, `max-affected=${limit}`)
          .send({ stock: 6 });
      const first = await send(3);
      expect(first.body).toEqual({ count: 3 });
      const again = await send(3);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.body).toEqual({ count: 3 });
      const other = await send(4);
      expect(other.status).toBe(422);
    });

    it("takes the filters across relations that GET takes", async () => {
      const inWidgets = await t.db.prisma.product.count({
        where: { categories: { some: { name: "Widgets" } } },
      });
      expect(inWidgets).toBeGreaterThan(0);
      const res = await request(t.app)
        .patch("/v1/products?categories.name=Widgets")
        .set(PREFER, `max-affected=${inWidgets}`)
        .send({ description: "a widget" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ count: inWidgets });
      expect(await t.db.prisma.product.count({ where: { description: "a widget" } })).toBe(inWidgets);
    });

    it("DELETE removes every matching row within the limit", async () => {
      const res = await request(t.app)
        .delete("/v1/products?name=startsWith(cheap-)")
        .set(PREFER, "max-affected=3");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ count: 3 });
      expect(await cheap()).toEqual([]);
    });

    it("a customer changes, and the limit counts, only their own rows", async () => {
      const jdoe = await bearer(customer("jdoe"));
      const own = await t.db.prisma.order.count({ where: { username: "jdoe" } });
      const othersHeld = await t.db.prisma.order.count({
        where: { NOT: { username: "jdoe" }, status: "held" },
      });
      const res = await request(t.app)
        .patch("/v1/orders")
        .set("Authorization", jdoe)
        .set(PREFER, `max-affected=${own}`)
        .send({ status: "held" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ count: own });
      expect(await t.db.prisma.order.count({ where: { NOT: { username: "jdoe" }, status: "held" } })).toBe(
        othersHeld,
      );
      const products = await request(t.app)
        .delete("/v1/products?name=startsWith(bulk-)")
        .set("Authorization", jdoe)
        .set(PREFER, "max-affected=10");
      expect(products.status).toBe(403);
      expect(await t.db.prisma.product.count({ where: { name: { startsWith: "bulk-" } } })).toBe(2);
    });
  });
});
