import type { AddressInfo } from "node:net";
import { createGraphqlApp } from "@tusk/graphql";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, createTestApp, type TestApp } from "../../test/harness.ts";
import { createRestApp } from "../app.ts";
import { createRemoteExecutor } from "./remote.ts";

describe("executors", () => {
  let t: TestApp;
  let remote: ReturnType<typeof createRestApp>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp();
    const graphql = await createGraphqlApp({ db: t.db, baseUrl: BASE });
    const server = graphql.app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    const executor = createRemoteExecutor({ url: `http://127.0.0.1:${port}/graphql` });
    remote = createRestApp({ uris: t.uris, executor });
    close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await graphql.stop();
    };
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
  ])("in-process and remote executors answer %s with the same status and body", async (path) => {
    const local = await request(t.app).get(path);
    const viaHttp = await request(remote).get(path);
    expect(viaHttp.status).toBe(local.status);
    expect(viaHttp.body).toEqual(local.body);
    if (local.status === 200) expect(viaHttp.headers.etag).toBe(local.headers.etag);
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
      run: (operation: Parameters<typeof t.executor.run>[0], variables: Record<string, unknown>) => {
        compiled += seen.has(operation.id) ? 0 : 1;
        seen.add(operation.id);
        documents.add(operation.document);
        return t.executor.run(operation, variables);
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
});
