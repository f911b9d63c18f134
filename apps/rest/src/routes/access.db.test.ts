/** Who may do what, through every REST route kind (docs/security.md). */
import { ANONYMOUS, createAuthenticator } from "@tusk/auth";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, badTokens, bearer, customer, testAuthenticator } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";
import { createInProcessRestApp } from "../in-process-app.ts";

let t: TestApp;
/** The same database, served to callers without a token as anonymous callers. */
let anonymous: TestApp["app"];
let jdoe: string;
let admin: string;
/** Another customer, with an order and a vehicle of their own. */
let other: { username: string; token: string; orderId: number; lineItemId: number; vin: string };

beforeAll(async () => {
  t = await createTestApp();
  anonymous = createInProcessRestApp({
    db: t.db,
    baseUrl: BASE,
    authenticator: testAuthenticator(ANONYMOUS),
  }).app;
  jdoe = await bearer(customer("jdoe"));
  admin = await bearer(ADMIN);
  const line = await t.db.prisma.lineItem.findFirst({
    where: { order: { username: { not: "jdoe" }, user: { vehicles: { some: {} } } } },
    select: {
      id: true,
      order: { select: { id: true, username: true, user: { select: { vehicles: true } } } },
    },
  });
  if (!line) throw new Error("the seed has no other customer with an order and a vehicle");
  other = {
    username: line.order.username,
    token: await bearer(customer(line.order.username)),
    orderId: line.order.id,
    lineItemId: line.id,
    vin: line.order.user.vehicles[0]!.vin,
  };
});
afterAll(() => t?.close());

const get = (path: string, authorization?: string) => {
  const req = request(t.app).get(path);
  return authorization ? req.set("authorization", authorization) : req;
};

describe("authentication at the REST edge", () => {
  it("refuses each bad token with 401 and WWW-Authenticate, on public resources too", async () => {
    for (const [name, header] of await badTokens()) {
      const res = await get("/v1/products/73924", header);
      expect(res.status, name).toBe(401);
      expect(res.headers["content-type"], name).toContain("application/problem+json");
      expect(res.headers["www-authenticate"], name).toMatch(
        /^Bearer realm="tusk", error="invalid_(token|request)"/,
      );
    }
  });

  it("answers 401 with a bare challenge when anonymous access is none and no token is sent", async () => {
    const closed = createInProcessRestApp({
      db: t.db,
      baseUrl: BASE,
      authenticator: createAuthenticator({ verifier: undefined, anonymous: "none" }),
    }).app;
    const res = await request(closed).get("/v1/products");
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer realm="tusk"');
    // A CORS preflight carries no credentials by design: it is never refused for want of them.
    const preflight = await request(closed)
      .options("/v1/products")
      .set("origin", "https://shop.example")
      .set("access-control-request-method", "GET");
    expect(preflight.status).not.toBe(401);
    // What describes the API is for everyone: a client learns from it how to get a token.
    for (const path of ["/v1", "/v1/openapi.json", "/v1/products/definition", "/v1/problems/not_found"])
      expect((await request(closed).get(path)).status, path).toBe(200);
  });
});

describe("anonymous callers", () => {
  it("read public resources", async () => {
    for (const path of ["/v1/products/73924", "/v1/categories/36/products", "/v1/books/views/summary"])
      expect((await request(anonymous).get(path)).status, path).toBe(200);
  });

  it("get 401 naming the scope for everything else, and for any write", async () => {
    for (const [method, path] of [
      ["get", "/v1/orders"],
      ["get", "/v1/users/jdoe"],
      ["get", "/v1/orders/views/summary"],
      ["post", "/v1/products"],
      ["delete", "/v1/categories/37"],
    ] as const) {
      const res = await request(anonymous)
        [method](path)
        .send(method === "post" ? {} : undefined);
      expect(res.status, path).toBe(401);
      expect(res.headers["www-authenticate"], path).toMatch(
        /^Bearer realm="tusk", scope="\w+:(read|write)"$/,
      );
    }
  });

  it("see no rows of owned resources through public ones", async () => {
    const res = await request(anonymous).get("/v1/products/73924/line_items");
    expect(res.status).toBe(200);
    expect(res.body.line_items).toEqual([]);
  });
});

describe("a customer", () => {
  it("lists only their own orders, vehicles and user", async () => {
    for (const [path, key] of [
      ["/v1/orders?limit=100", "orders"],
      ["/v1/vehicles", "vehicles"],
      ["/v1/users", "users"],
    ] as const) {
      const res = await get(path, jdoe);
      expect(res.status, path).toBe(200);
      const owners = new Set(res.body[key].map((row: { username: string }) => row.username));
      expect(owners, path).toEqual(new Set(["jdoe"]));
    }
  });

  it("gets 404, not 403, for another user's rows by every route kind", async () => {
    const paths = [
      `/v1/orders/${other.orderId}`,
      `/v1/orders/${other.orderId}/line_items`,
      `/v1/orders/${other.orderId}/line_items/${other.lineItemId}`,
      `/v1/orders/${other.orderId}/user`,
      `/v1/users/${other.username}`,
      `/v1/users/${other.username}/orders`,
      `/v1/users/${other.username}/orders/${other.orderId}`,
      `/v1/users/${other.username}/orders/views/summary`,
      `/v1/vehicles/${other.vin}`,
    ];
    for (const path of paths) expect((await get(path, jdoe)).status, path).toBe(404);
    for (const path of paths) expect((await get(path, admin)).status, path).toBe(200);
  });

  it("sees their own rows through relations and zooms, and counts only those", async () => {
    const zoomed = await get("/v1/users/jdoe?zoom=orders,vehicles", jdoe);
    expect(zoomed.status).toBe(200);
    const viaAdmin = await get("/v1/users/jdoe?zoom=orders,vehicles", admin);
    expect(zoomed.body).toEqual(viaAdmin.body);
    expect(zoomed.body.users[0].email).toBe("jdoe@example.com");

    const mine = await get("/v1/orders/views/summary", jdoe);
    const all = await get("/v1/orders/views/summary", admin);
    const ownCount = await t.db.prisma.order.count({ where: { username: "jdoe" } });
    expect(JSON.stringify(mine.body)).toContain(`"count":${ownCount}`);
    expect(JSON.stringify(all.body)).not.toContain(`"count":${ownCount},`);

    const lines = await get("/v1/products/73924/line_items?limit=100", jdoe);
    const orders = new Set(lines.body.line_items.map((line: { order_id: number }) => line.order_id));
    expect(orders).toEqual(new Set([9]));
  });

  it("may create their own order, not one for someone else (403), nor a product (403 naming the scope)", async () => {
    const own = await request(t.app).post("/v1/orders").set("authorization", jdoe).send({ username: "jdoe" });
    expect(own.status).toBe(201);
    const theirs = await request(t.app)
      .post("/v1/orders")
      .set("authorization", jdoe)
      .send({ username: other.username });
    expect(theirs.status).toBe(403);
    expect(theirs.headers["www-authenticate"]).toContain('error="insufficient_scope"');
    const line = await request(t.app)
      .post(`/v1/orders/${other.orderId}/line_items`)
      .set("authorization", jdoe)
      .send({ product_id: 73924, quantity: 1, unit_price: "1.00" });
    expect(line.status).toBe(403);
    const product = await request(t.app).post("/v1/products").set("authorization", jdoe).send({});
    expect(product.status).toBe(403);
    expect(product.headers["www-authenticate"]).toBe(
      'Bearer realm="tusk", error="insufficient_scope", error_description="Changing products needs the scope products:write.", scope="products:write"',
    );
  });

  it("cannot change or delete another user's rows: they are not found", async () => {
    const patch = await request(t.app)
      .patch(`/v1/orders/${other.orderId}`)
      .set("authorization", jdoe)
      .set("content-type", "application/merge-patch+json")
      .send({ status: "cancelled" });
    expect(patch.status).toBe(404);
    const del = await request(t.app).delete(`/v1/vehicles/${other.vin}`).set("authorization", jdoe);
    expect(del.status).toBe(404);
    const still = await get(`/v1/vehicles/${other.vin}`, other.token);
    expect(still.status).toBe(200);
  });
});

describe("links and Allow per caller", () => {
  const methodsIn = (body: unknown) =>
    new Set([...JSON.stringify(body).matchAll(/"method":"(\w+)"/g)].map((match) => match[1]));

  it("offers anonymous callers and customers no write they may not make", async () => {
    const asAnonymous = await request(anonymous).get("/v1/products/73924");
    expect(methodsIn(asAnonymous.body)).toEqual(new Set(["GET"]));
    const options = await request(anonymous).options("/v1/products/73924");
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
    const asCustomer = await request(t.app).options("/v1/products/73924").set("authorization", jdoe);
    expect(asCustomer.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("offers the writes a caller may make", async () => {
    const own = await request(t.app).options("/v1/orders/9").set("authorization", jdoe);
    expect(own.headers.allow).toBe("GET, HEAD, OPTIONS, PATCH, DELETE");
    const asAdmin = await get("/v1/products/73924", admin);
    expect(methodsIn(asAdmin.body)).toEqual(new Set(["GET", "PATCH", "DELETE"]));
  });
});
