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

describe("one planned Prisma query per root field (no N+1)", () => {
  it("lists 100 products with their categories in a number of SQL queries that does not depend on the rows", async () => {
    const ten = await sqlCount(PRODUCTS_WITH_CATEGORIES, 10);
    const hundred = await sqlCount(PRODUCTS_WITH_CATEGORIES, 100);
    expect(hundred).toBe(ten);
    // products + their categories (Prisma's second query for a relation) + _count + totalCount.
    expect(hundred).toBeLessThanOrEqual(4);
  });

  it("lists orders with line items with products in a constant number of SQL queries", async () => {
    const ten = await sqlCount(ORDERS_WITH_LINE_ITEMS, 10);
    const hundred = await sqlCount(ORDERS_WITH_LINE_ITEMS, 100);
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(6);
  });

  it("issues one Prisma operation for a root lookup however deep", async () => {
    const operations: string[] = [];
    const prisma = h.db.prisma.$extends({
      query: {
        $allOperations: ({ model, operation, args, query }) => {
          operations.push(`${model}.${operation}`);
          return query(args);
        },
      },
    });
    const uris = createUriBuilder({ registry, baseUrl: BASE_URL });
    const { execute } = await import("graphql");
    const result = await execute({
      schema: h.schema,
      document: parse(
        `{ user(username: "jdoe") { orders { nodes { lineItems { nodes { product { categories { nodes { name } } } } } } } vehicles { totalCount } } }`,
      ),
      contextValue: createContext({ prisma: prisma as never, uris, caller: ADMIN }),
    });
    expect(result.errors).toBeUndefined();
    expect(operations).toEqual(["User.findUnique"]);
  });
});

describe("graphql-jit", () => {
  it("runs a planned query compiled by graphql-jit, with the same result and query count", async () => {
    const compiled = compileQuery(h.schema, parse(ORDERS_WITH_LINE_ITEMS));
    if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
    const uris = createUriBuilder({ registry, baseUrl: BASE_URL });
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
    expect(h.queries.length).toBeLessThanOrEqual(bound);
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
