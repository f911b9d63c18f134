import { registry } from "@tusk/registry";
import { createContext } from "@tusk/schema";
import { execute } from "graphql";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, customer } from "../../../../test-support/callers.ts";
import { BASE, createRemoteTestApp, createTestApp, type TestApp } from "../../test/harness.ts";
import { createRestApp } from "../app.ts";
import { OperationCatalog, selectionVariables } from "../operations/index.ts";
import { bindVariables } from "./bind.ts";

describe("executors", () => {
  let t: TestApp;
  let remote: ReturnType<typeof createRestApp>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp();
    ({ app: remote, close } = await createRemoteTestApp(t));
  });
  afterAll(async () => {
    await close?.();
    await t?.close();
  });

  it.each([
    "/v1/products/73924?zoom=categories",
    "/v1/products?price=gte(200)&sort=-price&limit=5",
    "/v1/categories/36/products/73924",
    "/v1/orders/9/line_items",
    "/v1/books/views/summary",
    "/v1/products/definition",
    "/v1/products/99999999",
    "/v1/books?isbn=9780306406158",
    "/v1/categories/36/products?price=gte(10)&price=lt(500)&name=contains(e)",
    "/v1/products?name=contains(e)&name=contains(i)&name=contains(o)&limit=100",
    "/v1/products/views/summary?price=gte(10)&price=gte(20)&price=gte(30)",
  ])("in-process and remote executors answer %s with the same status and body", async (path) => {
    const local = await request(t.app).get(path);
    const viaHttp = await request(remote).get(path);
    expect(viaHttp.status).toBe(local.status);
    expect(viaHttp.body).toEqual(local.body);
    if (local.status === 200) expect(viaHttp.headers.etag).toBe(local.headers.etag);
  });

  it("forwards the caller's token: the GraphQL API names the same caller", async () => {
    const jdoe = await bearer(customer());
    const local = await request(t.app).get("/v1/orders?fields=id,username").set("authorization", jdoe);
    const viaHttp = await request(remote).get("/v1/orders?fields=id,username").set("authorization", jdoe);
    expect(local.status).toBe(200);
    expect(viaHttp.body).toEqual(local.body);
    expect(new Set(local.body.orders.map((o: { username: string }) => o.username))).toEqual(
      new Set(["jdoe"]),
    );
    const other = await bearer(customer("nobody"));
    const none = await request(remote).get("/v1/orders/9").set("authorization", other);
    expect(none.status).toBe(404);
    const write = await request(remote).post("/v1/products").set("authorization", jdoe).send({ name: "x" });
    expect(write.status).toBe(403);
    expect(write.headers["www-authenticate"]).toContain('error="insufficient_scope"');
  });

  it("the same write through the remote executor is a 201 with the created resource", async () => {
    const res = await request(remote).post("/v1/categories").send({ name: "Remote" });
    expect(res.status).toBe(201);
    const local = await request(t.app).get(String(res.headers.location).slice(BASE.length));
    expect(local.body).toEqual(res.body);
  });

  it("reuses one prepared document per route shape across ids, fields and zooms", async () => {
    let compiled = 0;
    const counting = {
      run: (...[operation, variables, credentials]: Parameters<typeof t.executor.run>) => {
        compiled += seen.has(operation.id) ? 0 : 1;
        seen.add(operation.id);
        documents.add(operation.document);
        return t.executor.run(operation, variables, credentials);
      },
      schema: () => t.executor.schema(),
    };
    const seen = new Set<string>();
    const documents = new Set<unknown>();
    const app = createRestApp({ uris: t.uris, executor: counting });
    for (const path of [
      "/v1/products/73924",
      "/v1/products/73925",
      "/v1/products/73924?fields=name&zoom=categories",
    ]) {
      expect((await request(app).get(path)).status).toBe(200);
    }
    expect(compiled).toBe(1);
    expect(documents.size).toBe(1);
  });

  it("graphql-js and graphql-jit give the same data for a list document whatever filter slots are unset", async () => {
    const products = registry.byPath("products");
    if (!products) throw new Error("no products");
    const catalog = new OperationCatalog(t.schema, registry);
    const built = catalog.operation({ kind: "collection", resource: products }).operation;
    const page = { orderBy: null, first: 50, after: null, last: null, before: null, counted: false };
    for (const where of [null, { AND: [{ price: { gte: "10" } }, { price: { lt: "500" } }] }]) {
      const given = { where, ...page, ...selectionVariables(products, undefined) };
      const bound = bindVariables(built, given);
      expect(bound.operation).toBe(built);
      const contextValue = createContext({ prisma: t.db.prisma, uris: t.uris, caller: ADMIN });
      const viaJs = await execute({
        schema: t.schema,
        document: bound.operation.document,
        contextValue,
        variableValues: bound.variables,
      });
      const viaJit = await t.executor.run(built, given, { caller: ADMIN, authorization: undefined });
      expect(viaJs.errors).toBeUndefined();
      expect(viaJit).toEqual(JSON.parse(JSON.stringify(viaJs)));
      expect((viaJit.data?.conn as { nodes: unknown[] } | undefined)?.nodes.length).toBeGreaterThan(0);
    }
  });

  it("a filter too large for the slots runs on the fallback document and means the same", async () => {
    const base = "/v1/products?limit=100&fields=id";
    const fits = await request(t.app).get(`${base}&name=contains(e)&name=contains(i)`);
    const overflow = await request(t.app).get(`${base}&name=contains(e)&name=contains(i)&name=contains(i)`);
    expect(fits.status).toBe(200);
    expect(overflow.status).toBe(200);
    expect(fits.body.products.length).toBeGreaterThan(0);
    expect(overflow.body.products).toEqual(fits.body.products);
  });
});
