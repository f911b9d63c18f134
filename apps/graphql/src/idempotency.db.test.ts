import type { Database } from "@tusk/db";
import { createTestDatabase } from "@tusk/db/testing";
import type express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAuthenticator } from "../../../test-support/callers.ts";
import { createGraphqlApp } from "./app.ts";

const KEY = "Idempotency-Key";
const CREATE = `mutation Create($name: String!) { createCategory(input: { name: $name }) { id name } }`;

describe("Idempotency-Key on GraphQL mutations", () => {
  let db: Database;
  let app: express.Express;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
    ({ app, stop } = await createGraphqlApp({
      db,
      baseUrl: "http://rest.test",
      authenticator: testAuthenticator(),
    }));
  });
  afterAll(async () => {
    await stop();
    await db.close();
  });

  const send = (key: string | undefined, query: string, variables: Record<string, unknown>) => {
    const req = request(app).post("/graphql").set("Content-Type", "application/json");
    return (key === undefined ? req : req.set(KEY, key)).send({ query, variables });
  };

  it("answers a repeated mutation with the first answer, marked replayed, creating one row", async () => {
    const first = await send("gql-1", CREATE, { name: "Kept once" });
    expect(first.status).toBe(200);
    expect(first.body.data.createCategory.name).toBe("Kept once");
    const again = await send("gql-1", CREATE, { name: "Kept once" });
    expect(again.status).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.text).toBe(first.text);
    expect(await db.prisma.category.count({ where: { name: "Kept once" } })).toBe(1);
  });

  it("guards bulk and filtered writes alike: a retried createProducts or deleteProducts is answered again", async () => {
    const BULK = `mutation ($input: [CreateProductInput!]!) { createProducts(input: $input) { id } }`;
    const input = [
      { name: "gql-bulk", price: "0.10" },
      { name: "gql-bulk", price: "0.10" },
    ];
    const created = await send("gql-bulk", BULK, { input });
    const again = await send("gql-bulk", BULK, { input });
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.text).toBe(created.text);
    expect(await db.prisma.product.count({ where: { name: "gql-bulk" } })).toBe(2);
    const DELETE = `mutation ($atMost: Int!) { deleteProducts(where: { name: { equals: "gql-bulk" } }, atMost: $atMost) }`;
    const deleted = await send("gql-delete", DELETE, { atMost: 2 });
    expect(deleted.body.data.deleteProducts).toBe(2);
    const retried = await send("gql-delete", DELETE, { atMost: 2 });
    expect(retried.headers["idempotent-replayed"]).toBe("true");
    expect(retried.body.data.deleteProducts).toBe(2);
  });

  it("refuses the same key with other variables: 422 IDEMPOTENCY_KEY_REUSED, nothing written", async () => {
    await send("gql-2", CREATE, { name: "First name" }).expect(200);
    const reused = await send("gql-2", CREATE, { name: "Second name" });
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await db.prisma.category.count({ where: { name: "Second name" } })).toBe(0);
  });

  it("refuses a malformed key on a mutation with 400 naming the header", async () => {
    const res = await send("k".repeat(256), CREATE, { name: "Never" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: KEY, reason: expect.any(String) }],
    });
  });

  it("ignores the header on a query", async () => {
    const query = `{ category(id: 36) { name } }`;
    await send("gql-3", query, {}).expect(200);
    const again = await send("gql-3", query, {});
    expect(again.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("runs mutations without the header every time", async () => {
    const create = `mutation { createProduct(input: { name: "Twice", price: "1.00" }) { id } }`;
    for (let i = 0; i < 2; i++) expect((await send(undefined, create, {})).body.errors).toBeUndefined();
    expect(await db.prisma.product.count({ where: { name: "Twice" } })).toBe(2);
  });
});
