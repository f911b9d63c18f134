import LinkHeader from "http-link-header";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";

describe("HTTP semantics", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("#11 #131 an item has a strong ETag and explicit Cache-Control", async () => {
    const res = await request(t.app).get("/v1/products/73924");
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    // This app's requests act as admin: private (anonymous reads: routes/permissions.db.test.ts).
    expect(res.headers["cache-control"]).toBe("private, max-age=0, must-revalidate");
    expect(res.headers.vary).toBe("Accept, Authorization, Accept-Encoding");
  });

  it("a compressed list decodes to the identity body, under a tag naming its coding that If-None-Match takes", async () => {
    const path = "/v1/products?limit=20&zoom=categories";
    const identity = await request(t.app).get(path).set("Accept-Encoding", "identity");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    for (const coding of ["gzip", "br"]) {
      // supertest decodes both codings itself.
      const coded = await request(t.app).get(path).set("Accept-Encoding", coding);
      expect(coded.headers["content-encoding"], coding).toBe(coding);
      expect(coded.text, coding).toBe(identity.text);
      expect(coded.headers.etag, coding).toBe(`${String(identity.headers.etag).slice(0, -1)}-${coding}"`);
      const again = await request(t.app)
        .get(path)
        .set("Accept-Encoding", coding)
        .set("If-None-Match", String(coded.headers.etag));
      expect(again.status, coding).toBe(304);
      expect(again.headers.etag, coding).toBe(coded.headers.etag);
    }
    const changed = await request(t.app)
      .get(path)
      .set("Accept-Encoding", "gzip")
      .set("If-None-Match", `"other-gzip"`);
    expect(changed.status).toBe(200);
  });

  it("#132 #133 If-None-Match answers 304 with the same validators and no body; weak tags match", async () => {
    const first = await request(t.app).get("/v1/categories/36/products/73924");
    const again = await request(t.app)
      .get("/v1/categories/36/products/73924")
      .set("If-None-Match", String(first.headers.etag));
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    for (const header of ["etag", "cache-control", "vary", "content-location"]) {
      expect(again.headers[header], header).toBe(first.headers[header]);
    }
    const weak = await request(t.app)
      .get("/v1/categories/36/products/73924")
      .set("If-None-Match", `W/${String(first.headers.etag)}`);
    expect(weak.status).toBe(304);
    const other = await request(t.app).get("/v1/products/73924").set("If-None-Match", '"other"');
    expect(other.status).toBe(200);
  });

  it("#81 #93 HEAD has the headers of GET and no body", async () => {
    const get = await request(t.app).get("/v1/products/73924");
    const head = await request(t.app).head("/v1/products/73924");
    expect(head.status).toBe(200);
    expect(head.text ?? "").toBe("");
    for (const header of ["content-type", "etag", "link", "content-length"]) {
      expect(head.headers[header], header).toBe(get.headers[header]);
    }
  });

  it("#80 GET and HEAD work on every kind of route", async () => {
    for (const path of [
      "/v1",
      "/v1/products",
      "/v1/products/definition",
      "/v1/products/views/summary",
      "/v1/orders/9/user",
    ]) {
      expect((await request(t.app).head(path)).status, path).toBe(200);
    }
  });

  it("#83 #129 an unsupported method is 405 with Allow", async () => {
    const res = await request(t.app).put("/v1/products").send({});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD, OPTIONS, POST, PATCH, DELETE");
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(res.body.status).toBe(405);
    const view = await request(t.app).post("/v1/products/views/summary").send({});
    expect(view.status).toBe(405);
    expect(view.headers.allow).toBe("GET, HEAD, OPTIONS");
    const put = await request(t.app).put("/v1/products/73924").send({});
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET, HEAD, OPTIONS, PATCH, DELETE");
  });

  it("#57 #58 #59 OPTIONS answers Allow and the definition, not cacheable", async () => {
    // OPTIONS answers per caller (routes/permissions.db.test.ts): as admin, every method.
    const options = await request(t.app)
      .options("/v1/products")
      .set("authorization", await bearer(ADMIN));
    const definition = await request(t.app).get("/v1/products/definition");
    expect(options.status).toBe(200);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS, POST, PATCH, DELETE");
    expect(options.headers["cache-control"]).toBe("no-store");
    expect(options.body).toEqual(definition.body);
    const root = await request(t.app).options("/v1");
    expect(root.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(root.headers["content-length"]).toBe("0");
  });

  it("#64 #65 #130 an unservable Accept is 406 problem+json listing what is available", async () => {
    const res = await request(t.app).get("/v1/products/73924").set("Accept", "text/xml");
    expect(res.status).toBe(406);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(res.body.available).toContain("application/json");
  });

  it("#66 no Accept or */* gets JSON", async () => {
    const res = await request(t.app).get("/v1/products/73924").set("Accept", "*/*");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
  });

  it("#67 #68 the profile media type is served when asked for; another version is 406", async () => {
    const type = "application/vnd.tusk.product+json; version=1";
    const res = await request(t.app)
      .get("/v1/products/73924")
      .set("Accept", "application/vnd.tusk.product+json");
    expect(res.headers["content-type"]).toBe(type);
    expect(res.body.products[0].id).toBe(73924);
    const v2 = await request(t.app)
      .get("/v1/products/73924")
      .set("Accept", "application/vnd.tusk.product+json; version=2");
    expect(v2.status).toBe(406);
  });

  it("#35 #72 HAL is served for application/hal+json", async () => {
    const res = await request(t.app)
      .get("/v1/products/73924?zoom=categories")
      .set("Accept", "application/hal+json");
    expect(res.headers["content-type"]).toBe("application/hal+json");
    expect(res.body._links.self).toEqual({ href: `${BASE}/v1/products/73924` });
    expect(res.body.name).toBe("The Amazing Widget");
    expect(res.body._embedded[`${BASE}/v1/categories/definition`][0].id).toBe(36);
    const list = await request(t.app).get("/v1/products?limit=2").set("Accept", "application/hal+json");
    expect(list.body._embedded.products).toHaveLength(2);
    expect(list.body._links.next.href).toMatch(/cursor=/);
  });

  it("#69 negotiated responses carry Vary: Accept", async () => {
    const res = await request(t.app).get("/v1/products/73924");
    expect(res.headers.vary).toBe("Accept, Authorization, Accept-Encoding");
    // A list also varies by Prefer, which may ask for its total.
    const list = await request(t.app).get("/v1/products");
    expect(list.headers.vary).toBe("Accept, Authorization, Prefer, Accept-Encoding");
  });

  it("#70 #88 an unsupported request Content-Type is 415", async () => {
    const post = await request(t.app).post("/v1/products").set("Content-Type", "text/plain").send("name=x");
    expect(post.status).toBe(415);
    expect(post.headers["accept-post"]).toBe("application/json");
    const patch = await request(t.app)
      .patch("/v1/products/73924")
      .set("Content-Type", "application/json-patch+json")
      .send("[]");
    expect(patch.status).toBe(415);
    expect(patch.headers["accept-patch"]).toBe("application/merge-patch+json, application/json");
  });

  it("a body over the limit is 413 problem+json", async () => {
    const res = await request(t.app)
      .post("/v1/products")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ name: "x".repeat(200_000), price: "1" }));
    expect(res.status).toBe(413);
    expect(res.body.status).toBe(413);
  });

  it("#95 #96 #97 every Link header parses with an RFC 8288 parser, one rel each, absolute targets", async () => {
    const paths = [
      "/v1",
      "/v1/products?limit=2",
      "/v1/products/73924",
      "/v1/categories/36/products/73924",
      "/v1/products/definition",
    ];
    for (const path of paths) {
      const header = (await request(t.app).get(path)).headers.link;
      expect(header, path).toBeDefined();
      const parsed = LinkHeader.parse(header as string);
      expect(parsed.refs.length, path).toBeGreaterThan(0);
      for (const ref of parsed.refs) {
        expect(ref.uri, path).toMatch(/^http:\/\/rest\.test\//);
        expect(ref.rel, path).toMatch(/^[a-z-]+$/);
      }
    }
  });

  it("#122 #123 #124 #128 errors are problem+json, status equal to the HTTP status, no-store, no internals", async () => {
    const res = await request(t.app).get("/v1/products/99999999");
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toEqual({
      type: `${BASE}/v1/problems/not_found`,
      title: "Not Found",
      status: 404,
      detail: expect.any(String),
      instance: "/v1/products/99999999",
    });
  });

  it("#125 #157 a problem's type is a URI the app serves, saying what the code means", async () => {
    const problem = await request(t.app).delete("/v1");
    expect(problem.status).toBe(405);
    const type = await request(t.app).get(new URL(problem.body.type).pathname);
    expect(type.status).toBe(200);
    expect(type.headers["content-type"]).toMatch(/^application\/json/);
    expect(type.body).toMatchObject({
      type: problem.body.type,
      code: "METHOD_NOT_ALLOWED",
      title: problem.body.title,
      status: 405,
      description: expect.stringContaining("Allow"),
    });
  });
});

describe("CORS", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("#146 a preflight is answered with the route's methods before the definition logic", async () => {
    const res = await request(t.app)
      .options("/v1/products/73924")
      .set("Origin", "https://app.example")
      .set("Access-Control-Request-Method", "PATCH")
      .set("Access-Control-Request-Headers", "content-type, if-match");
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS, PATCH, DELETE");
    expect(res.headers["access-control-allow-headers"]).toBe("content-type, if-match");
    const plain = await request(t.app).options("/v1/products/73924");
    expect(plain.body.resource).toBe("products");
  });

  it("#146 cross-origin responses, errors too, expose the validators and links", async () => {
    const res = await request(t.app).get("/v1/products/73924").set("Origin", "https://app.example");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-expose-headers"]).toContain("Link");
    const missing = await request(t.app).get("/v1/nothing").set("Origin", "https://app.example");
    expect(missing.headers["access-control-allow-origin"]).toBe("*");
  });
});
