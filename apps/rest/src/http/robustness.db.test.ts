import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";

const segment = fc.oneof(
  fc.constantFrom(
    "products",
    "categories",
    "users",
    "orders",
    "line_items",
    "books",
    "vehicles",
    "items",
    "views",
  ),
  fc.constantFrom(
    "73924",
    "36",
    "9",
    "12345",
    "jdoe",
    "9780306406157",
    "definition",
    "summary",
    "0-306-40615-2",
  ),
  fc.constantFrom("%ZZ", "%", "%2F", "..", "%00", "caf%C3%A9", "%E2%82", "-1", "99999999999999999999", "a b"),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{1,12}$/),
);
const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((segments) => `/v1/${segments.join("/")}`);
const queryValue = fc.oneof(
  fc.constantFrom(
    "gte(200)",
    "in(1,2)",
    "not(gte(x))",
    "(",
    ")",
    "gte(",
    "contains()",
    "%ZZ",
    "-price,name",
    "0",
    "101",
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const queryKey = fc.constantFrom(
  "price",
  "name",
  "id",
  "sort",
  "limit",
  "cursor",
  "fields",
  "zoom",
  "isbn",
  "x",
  "created_at",
);
const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 3 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}` : ""));
const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
const contentType = fc.constantFrom(
  "application/json",
  "application/merge-patch+json",
  "text/plain",
  "application/json; charset=latin1",
  "application/json; charset=utf-8",
  "garbage",
);
const body = fc.oneof(
  fc.json().map((json) => json),
  fc.constantFrom(
    "{",
    "[1,",
    '{"price": "NaN"}',
    '{"name": null}',
    '{"id": "definition"}',
    '{"quantity": 1e309}',
  ),
  fc.string({ maxLength: 30 }),
);
const accept = fc.constantFrom(
  undefined,
  "*/*",
  "text/html",
  "application/hal+json",
  "application/json;q=0",
  "a/b/c",
);

describe("robustness", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("#121 #128 no request a client can send yields a 500, and every error is problem+json", async () => {
    await fc.assert(
      fc.asyncProperty(
        path,
        query,
        method,
        contentType,
        body,
        accept,
        async (p, q, m, type, payload, acceptType) => {
          let req = request(t.app)[m.toLowerCase() as "get"](`${p}${q}`);
          if (acceptType) req = req.set("Accept", acceptType);
          if (m === "POST" || m === "PATCH" || m === "PUT") req = req.set("Content-Type", type).send(payload);
          const res = await req;
          expect(res.status, `${m} ${p}${q}`).toBeLessThan(500);
          if (res.status >= 400 && m !== "HEAD") {
            expect(res.headers["content-type"], `${m} ${p}${q}`).toBe("application/problem+json");
            expect(res.body.status).toBe(res.status);
            expect(JSON.stringify(res.body)).not.toMatch(/prisma|SELECT|at .*\.ts:/i);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe("bad input that still reaches a 500: long filters, long URLs, write parameters", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i).join(",");

  it("refuses an in() filter longer than the list limit, naming the parameter", async () => {
    const res = await request(t.app).get(`/v1/products?id=in(${ids(1, 1_500)})`);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(res.body.invalid_params).toEqual([
      { name: "id", reason: "has 1500 items; at most 1000 are allowed" },
    ]);
  });

  it("keeps the Link header under 8 kB; page links that do not fit are in the body only", async () => {
    const res = await request(t.app).get(`/v1/products?id=in(${ids(73_000, 1_000)})&limit=1`);
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.headers.link ?? "")).toBeLessThan(8 * 1024);
    const rels = (res.body._links as { rel: string }[]).map((link) => link.rel);
    expect(rels).toEqual(expect.arrayContaining(["self", "first", "next"]));
  });

  it("answers a URL over 8,192 bytes with 414 problem+json", async () => {
    const res = await request(t.app).get(`/v1/products?name=${"a".repeat(8_200)}`);
    expect(res.status).toBe(414);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    expect(res.body).toMatchObject({ status: 414 });
  });

  it.each([
    ["POST", "/v1/categories?dry_run=1", { name: "Never" }],
    ["PATCH", "/v1/categories/37?dry_run=1", { description: "Never" }],
    ["PUT", "/v1/categories/37/products/73924?dry_run=1", undefined],
    ["DELETE", "/v1/categories/37/products/73924?dry_run=1", undefined],
    ["DELETE", "/v1/products/73924?dry_run=1", undefined],
  ])(
    "refuses an unknown query parameter on %s %s as GET does, writing nothing",
    async (method, url, payload) => {
      const before = await request(t.app).get("/v1/categories/37/products");
      let req = request(t.app)[method.toLowerCase() as "post"](url);
      if (payload) req = req.set("Content-Type", "application/json").send(payload);
      const res = await req;
      expect(res.status).toBe(400);
      expect(res.body.invalid_params).toEqual([{ name: "dry_run", reason: "unknown query parameter" }]);
      expect((await request(t.app).get("/v1/categories/37/products")).body).toEqual(before.body);
      expect((await request(t.app).get("/v1/categories?name=Never")).body.categories).toEqual([]);
    },
  );
});
