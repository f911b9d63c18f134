/** Links, `Allow` and caching per caller (docs/security.md, docs/rest.md). */
import { ANONYMOUS } from "@tusk/auth";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, customer } from "../../../../test-support/callers.ts";
import { createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let jdoe: string;
let admin: string;

beforeAll(async () => {
  // Requests without a token are anonymous here, as in production.
  t = await createTestApp({ caller: ANONYMOUS });
  jdoe = await bearer(customer("jdoe"));
  admin = await bearer(ADMIN);
});
afterAll(() => t?.close());

type Link = { rel: string; href: string; method: string; name?: string };
const edits = (links: Link[]) => links.filter((link) => link.rel === "edit").map((link) => link.method);
const as = (authorization: string | undefined, req: request.Test) =>
  authorization ? req.set("authorization", authorization) : req;

describe("links per caller", () => {
  it("offers no write to a caller who may not make it, and every write to one who may", async () => {
    const anonymous = await request(t.app).get("/v1/products/73924");
    expect(edits(anonymous.body.products[0]._links)).toEqual([]);
    const customerView = await as(jdoe, request(t.app).get("/v1/products/73924"));
    expect(edits(customerView.body.products[0]._links)).toEqual([]);
    const adminView = await as(admin, request(t.app).get("/v1/products/73924"));
    expect(edits(adminView.body.products[0]._links)).toEqual(["PATCH", "DELETE"]);
    const own = await as(jdoe, request(t.app).get("/v1/orders/9"));
    expect(own.status).toBe(200);
    expect(edits(own.body.orders[0]._links)).toEqual(["PATCH", "DELETE"]);
  });

  it("links only the relations the caller may read, in lists and embeds too", async () => {
    const names = (links: Link[]) => links.map((link) => link.name).filter(Boolean);
    const anonymous = await request(t.app).get("/v1/products?limit=1&zoom=categories");
    expect(names(anonymous.body.products[0]._links)).toEqual(["categories"]);
    expect(edits(anonymous.body.products[0]._embeds[0].categories[0]._links)).toEqual([]);
    const customerView = await as(jdoe, request(t.app).get("/v1/products?limit=1"));
    expect(names(customerView.body.products[0]._links)).toEqual(["categories", "line_items"]);
  });
});

describe("Allow per caller", () => {
  it("answers OPTIONS with the methods this caller may use", async () => {
    const allow = async (path: string, authorization?: string) =>
      (await as(authorization, request(t.app).options(path))).headers.allow;
    expect(await allow("/v1/products")).toBe("GET, HEAD, OPTIONS");
    expect(await allow("/v1/products", jdoe)).toBe("GET, HEAD, OPTIONS");
    expect(await allow("/v1/products", admin)).toBe("GET, HEAD, OPTIONS, POST, PATCH, DELETE");
    expect(await allow("/v1/orders", jdoe)).toBe("GET, HEAD, OPTIONS, POST, PATCH, DELETE");
    expect(await allow("/v1/orders")).toBe("OPTIONS");
    expect(await allow("/v1/products/73924", admin)).toBe("GET, HEAD, OPTIONS, PATCH, DELETE");
  });

  it("lists them on a 405 too, and refuses a method the route serves with 401/403, not 405", async () => {
    const notServed = await as(jdoe, request(t.app).put("/v1/products"));
    expect(notServed.status).toBe(405);
    expect(notServed.headers.allow).toBe("GET, HEAD, OPTIONS");
    const served = await as(jdoe, request(t.app).delete("/v1/products/73924"));
    expect(served.status).toBe(403);
    const filtered = await as(
      jdoe,
      request(t.app).delete("/v1/products?stock=0").set("Prefer", "max-affected=1"),
    );
    expect(filtered.status).toBe(403);
  });

  it("allows a CORS preflight, which carries no token, everything the route serves", async () => {
    const preflight = await request(t.app)
      .options("/v1/products/73924")
      .set("Origin", "http://localhost:4000")
      .set("Access-Control-Request-Method", "DELETE");
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS, PATCH, DELETE");
  });
});

describe("caching per caller", () => {
  it("lets any cache keep an anonymous read briefly, and only the caller's own cache keep theirs", async () => {
    const anonymous = await request(t.app).get("/v1/products/73924");
    expect(anonymous.headers["cache-control"]).toBe("public, max-age=60");
    expect(anonymous.headers.vary).toContain("Authorization");
    const own = await as(jdoe, request(t.app).get("/v1/products/73924"));
    expect(own.headers["cache-control"]).toBe("private, max-age=0, must-revalidate");
    expect(own.headers.vary).toContain("Authorization");
    const revalidated = await as(jdoe, request(t.app).get("/v1/products/73924")).set(
      "If-None-Match",
      String(own.headers.etag),
    );
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers["cache-control"]).toBe("private, max-age=0, must-revalidate");
  });
});
