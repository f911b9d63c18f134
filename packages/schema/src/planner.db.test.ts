import { registry } from "@tusk/registry";
import { createUriBuilder } from "@tusk/uri";
import { parse } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN } from "../../../test-support/callers.ts";
import { BASE_URL, createHarness, type Harness } from "../test/harness.ts";
import { createContext } from "./context.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const PRODUCTS_WITH_CATEGORIES = `query ($first: Int!) {
  products(first: $first) { totalCount nodes { id name price uri categories { totalCount nodes { id name } } } }
}`;

const ORDERS_WITH_LINE_ITEMS = `query ($first: Int!) {
  orders(first: $first) { nodes { id user { username } lineItems(first: 10) { nodes { quantity product { name categories(first: 3) { nodes { name } } } } } } }
}`;

async function sqlCount(source: string, first: number): Promise<number> {
  h.queries.length = 0;
  const data = await h.data(source, { first });
  const [list] = Object.values(data) as { nodes: unknown[] }[];
  expect(list!.nodes).toHaveLength(first);
  return h.queries.length;
}

async function statements(source: string): Promise<number> {
  h.queries.length = 0;
  await h.data(source);
  return h.queries.length;
}

describe("one SQL statement per root field (no N+1)", () => {
  it("lists 100 products with their categories and both totals in one statement", async () => {
    expect(await sqlCount(PRODUCTS_WITH_CATEGORIES, 10)).toBe(1);
    expect(await sqlCount(PRODUCTS_WITH_CATEGORIES, 100)).toBe(1);
  });

  it("lists orders with line items with products with categories, depth four, in one statement", async () => {
    expect(await sqlCount(ORDERS_WITH_LINE_ITEMS, 10)).toBe(1);
    expect(await sqlCount(ORDERS_WITH_LINE_ITEMS, 100)).toBe(1);
  });

  it.each([
    ["an item", `{ product(id: 73924) { name price } }`],
    [
      "a collection with totalCount",
      `{ products(first: 5, orderBy: [{ field: price, direction: DESC }]) { totalCount nodes { id } } }`,
    ],
    [
      "a relation list with its own arguments",
      `{ category(id: 36) { products(first: 2, where: { stock: { gt: 0 } }) { totalCount nodes { name } } } }`,
    ],
    ["a nested item", `{ order(id: 9) { lineItem(id: 12345) { quantity product { name } } } }`],
    ["a to-one relation", `{ order(id: 9) { user { username displayName } } }`],
    [
      "a lookup five relations deep",
      `{ user(username: "jdoe") { orders { nodes { lineItems { nodes { product { categories { nodes { name } } } } } } } vehicles { totalCount } } }`,
    ],
  ])("reads %s in one statement", async (_name, source) => {
    expect(await statements(source)).toBe(1);
  });
});

describe("graphql-jit", () => {
  it("runs a planned query compiled by graphql-jit, with the same result and query count", async () => {
    const compiled = compileQuery(h.schema, parse(ORDERS_WITH_LINE_ITEMS));
    if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
    const uris = createUriBuilder({ registry, baseUrl: BASE_URL });
    h.queries.length = 0;
    const expected = await h.data(ORDERS_WITH_LINE_ITEMS, { first: 30 });
    const bound = h.queries.length;
    h.queries.length = 0;
    const result = await compiled.query(
      undefined,
      createContext({ prisma: h.db.prisma, uris, caller: ADMIN }),
      {
        first: 30,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(expected);
    expect(h.queries.length).toBe(bound);
  });

  it("keeps identifier normalisation and error codes under graphql-jit", async () => {
    const compiled = compileQuery(h.schema, parse(`query ($isbn: ISBN!) { book(isbn: $isbn) { isbn } }`));
    if (!isCompiledQuery(compiled)) throw new Error("not compiled");
    const context = createContext({
      prisma: h.db.prisma,
      uris: createUriBuilder({ registry, baseUrl: BASE_URL }),
      caller: ADMIN,
    });
    const ok = await compiled.query(undefined, context, { isbn: "0-306-40615-2" });
    expect(ok.data).toEqual({ book: { isbn: "9780306406157" } });
    const bad = await compiled.query(undefined, context, { isbn: "978-0-306-40615-3" });
    const { maskError } = await import("./mask-error.ts");
    const masked = maskError(bad.errors![0]!);
    expect(masked.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "isbn" });
    expect(masked.message).toContain("check digit is 3, expected 7");
  });
});
