import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankedProducts } from "../../../test-support/search.ts";
import { createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Flags = Record<"hasNextPage" | "hasPreviousPage", boolean>;
type Page = {
  nodes: { id: number }[];
  totalCount: number;
  pageInfo: Flags & Record<"startCursor" | "endCursor", string | null>;
};

const PAGE = "nodes { id } totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

const ids = (page: Page) => page.nodes.map((node) => node.id);

describe("search", () => {
  it("finds the items whose searchable fields match, in one statement with their count", async () => {
    h.queries.length = 0;
    const data = await h.data(`{ products(search: "widget", first: 100) { ${PAGE} } }`);
    expect(h.queries).toHaveLength(1);
    const expected = await rankedProducts(h.db.sql, "widget");
    expect(expected).toEqual(expect.arrayContaining([73924, 73925]));
    expect(ids(data.products)).toEqual(expected);
    expect(data.products.totalCount).toBe(expected.length);
  });

  it("stems words: a plural finds the singular", async () => {
    const data = await h.data(`{ products(search: "widgets") { nodes { id name } } }`);
    expect(data.products.nodes.map((n: { name: string }) => n.name)).toContain("The Amazing Widget");
  });

  it("ranks a match in the first searchable field above matches in the second", async () => {
    // "amazing" is in 73924's name once, and in 73925's description twice.
    const data = await h.data(`{ products(search: "amazing") { nodes { id } } }`);
    expect(ids(data.products)).toEqual([73924, 73925]);
  });

  it("reads the text as a web search: phrases, or, and excluded words", async () => {
    const phrase = await h.data(`{ products(search: "\\"amazing widget\\"") { nodes { id } } }`);
    expect(ids(phrase.products)).toEqual([73924, 73925]);
    const excluded = await h.data(`{ products(search: "widget -polish") { nodes { id } } }`);
    expect(ids(excluded.products)).toContain(73924);
    expect(ids(excluded.products)).not.toContain(73925);
    const either = await h.data(`{ products(search: "lamp or kettle", first: 100) { ${PAGE} } }`);
    expect(ids(either.products)).toEqual(await rankedProducts(h.db.sql, "lamp or kettle"));
    expect(either.products.totalCount).toBeGreaterThan((await rankedProducts(h.db.sql, "lamp")).length);
  });

  it("matches nothing for a text of stop words or punctuation alone, without an error", async () => {
    const data = await h.data(`{ products(search: "the !!") { ${PAGE} } }`);
    expect(data.products.nodes).toEqual([]);
    expect(data.products.totalCount).toBe(0);
  });

  it("combines with filters, and counts only what both select", async () => {
    const data = await h.data(`{ products(search: "widget", where: { price: { lt: "50" } }) { ${PAGE} } }`);
    expect(ids(data.products)).toEqual([73925]);
    expect(data.products.totalCount).toBe(1);
  });

  it("keeps the order the client asks for instead of the rank", async () => {
    const data = await h.data(
      `{ products(search: "amazing", orderBy: [{ field: id, direction: DESC }]) { nodes { id } } }`,
    );
    expect(ids(data.products)).toEqual([73925, 73924]);
  });

  it("pages by rank forward and backward with cursors, the same items as PostgreSQL ranks them", async () => {
    const text = "lamp or compact";
    const expected = await rankedProducts(h.db.sql, text);
    expect(expected.length).toBeGreaterThan(8);
    const forward: number[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { products: Page } = await h.data(
        `query ($after: String) { products(search: "${text}", first: 4, after: $after) { ${PAGE} } }`,
        { after },
      );
      expect(data.products.totalCount).toBe(expected.length);
      forward.push(...ids(data.products));
      if (!data.products.pageInfo.hasNextPage) break;
      after = data.products.pageInfo.endCursor;
    }
    expect(forward).toEqual(expected);
    const backward: number[] = [];
    let before: string | null = null;
    for (;;) {
      const data: { products: Page } = await h.data(
        `query ($before: String) { products(search: "${text}", last: 4, before: $before) { ${PAGE} } }`,
        { before },
      );
      backward.unshift(...ids(data.products));
      if (!data.products.pageInfo.hasPreviousPage) break;
      before = data.products.pageInfo.startCursor;
    }
    expect(backward).toEqual(expected);
  });

  it("searches relation collections too, counting their matches", async () => {
    const data = await h.data(
      `{ category(id: 36) { products(search: "polish") { ${PAGE} } books(search: "theory") { nodes { isbn } } } }`,
    );
    expect(ids(data.category.products)).toEqual([73925]);
    expect(data.category.products.totalCount).toBe(1);
    expect(data.category.books.nodes).toEqual([{ isbn: "9780306406157" }]);
  });

  it.each([
    ["an empty text", `""`, "must not be empty"],
    ["a text of spaces", `"   "`, "must not be empty"],
    [
      "a text longer than 200 characters",
      JSON.stringify("x".repeat(201)),
      "must be at most 200 characters; got 201",
    ],
  ])("refuses %s with BAD_USER_INPUT naming search", async (_, literal, reason) => {
    const result = await h.run(`{ products(search: ${literal}) { nodes { id } } }`);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "search",
      invalidParams: [{ name: "search", reason }],
    });
  });

  it("is offered only on resources with searchable fields", async () => {
    const result = await h.run(`{ orders(search: "shipped") { nodes { id } } }`);
    expect(result.errors?.[0]?.message).toMatch(/Unknown argument "search"/);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
