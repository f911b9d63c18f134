import type { GraphQLEnumType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

interface ProductPage {
  products: {
    edges: { cursor: string }[];
    nodes: { id: number }[];
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const PAGE = `edges { cursor node { id } } nodes { id price } totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

describe("ordering", () => {
  it("orders by a sortable field and breaks ties with the identifier", async () => {
    const data = await h.data(
      `{ products(orderBy: [{ field: stock, direction: DESC }], first: 100) { nodes { id stock } } }`,
    );
    const nodes = data.products.nodes as { id: number; stock: number }[];
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1]!, nodes[i]!];
      expect(a.stock > b.stock || (a.stock === b.stock && a.id < b.id)).toBe(true);
    }
  });

  it("orders by several fields, ascending by default", async () => {
    const data = await h.data(
      `{ books(orderBy: [{ field: author }, { field: title, direction: DESC }], first: 100) { nodes { isbn author title } } }`,
    );
    const expected = await h.db.prisma.book.findMany({
      orderBy: [{ author: "asc" }, { title: "desc" }, { isbn: "asc" }],
      take: 100,
      select: { isbn: true, author: true, title: true },
    });
    expect(data.books.nodes).toEqual(expected);
  });

  it("offers only sortable fields", () => {
    const values = (h.schema.getType("OrderSortField") as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name)).not.toContain("username");
    expect(values.map((v) => v.name)).toContain("placedAt");
  });
});

describe("cursor pagination", () => {
  it("walks forward through every page and backward again, the same items", async () => {
    const total = await h.db.prisma.product.count({ where: { price: { gte: "400" } } });
    const forward: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: ProductPage = await h.data<ProductPage>(
        `query ($after: String) { products(where: { price: { gte: "400" } }, orderBy: [{ field: price }], first: 25, after: $after) { ${PAGE} } }`,
        { after },
      );
      const page = data.products;
      expect(page.totalCount).toBe(total);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      forward.push(...page.nodes.map((n: { id: number }) => n.id));
      pages++;
      if (!page.pageInfo.hasNextPage) {
        expect(page.nodes.length).toBeLessThanOrEqual(25);
        break;
      }
      expect(page.nodes).toHaveLength(25);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
      after = page.pageInfo.endCursor;
    }
    expect(forward).toHaveLength(total);
    expect(new Set(forward).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 25));

    const backward: number[] = [];
    let before: string | null = null;
    for (;;) {
      const data: ProductPage = await h.data<ProductPage>(
        `query ($before: String) { products(where: { price: { gte: "400" } }, orderBy: [{ field: price }], last: 25, before: $before) { ${PAGE} } }`,
        { before },
      );
      backward.unshift(...data.products.nodes.map((n: { id: number }) => n.id));
      if (!data.products.pageInfo.hasPreviousPage) break;
      before = data.products.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it("answers an empty page with null cursors", async () => {
    const data = await h.data(
      `{ products(where: { price: { lt: "0" } }) { ${PAGE} } category(id: 37) { products { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`,
    );
    expect(data.products).toEqual({
      edges: [],
      nodes: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect(data.category.products).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it("pages relation collections with their own cursors", async () => {
    const first = await h.data(
      `{ order(id: 9) { lineItems(first: 1) { nodes { id } totalCount pageInfo { hasNextPage endCursor } } } }`,
    );
    expect(first.order.lineItems).toMatchObject({
      nodes: [{ id: 12345 }],
      totalCount: 2,
      pageInfo: { hasNextPage: true },
    });
    const next = await h.data(
      `query ($after: String) { order(id: 9) { lineItems(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`,
      {
        after: first.order.lineItems.pageInfo.endCursor,
      },
    );
    expect(next.order.lineItems).toEqual({
      nodes: [{ id: 12346 }],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });

  it("pages relation collections backward", async () => {
    const last = await h.data(
      `{ order(id: 9) { lineItems(last: 1) { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor } } } }`,
    );
    expect(last.order.lineItems).toMatchObject({
      nodes: [{ id: 12346 }],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    const before = await h.data(
      `query ($before: String) { order(id: 9) { lineItems(last: 5, before: $before) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`,
      { before: last.order.lineItems.pageInfo.startCursor },
    );
    expect(before.order.lineItems).toEqual({
      nodes: [{ id: 12345 }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
  });

  it("answers first: 0 with no items and whether any exist", async () => {
    const data = await h.data(`{ products(first: 0) { nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(data.products).toEqual({ nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it("reports bad arguments of a nested collection at its own path, its siblings resolved", async () => {
    const result = await h.run(
      `{ categories(first: 3) { nodes { name products(first: 500) { totalCount } } } }`,
    );
    // The connection is non-null, so the error nulls its way up; it is reported at the field.
    expect(result.errors?.[0]).toMatchObject({
      path: ["categories", "nodes", 0, "products"],
      extensions: { code: "BAD_USER_INPUT", argumentName: "first" },
    });
    const lookup = await h.run(`{ order(id: 9) { status lineItem(id: 0) { id } } }`);
    expect(lookup.errors?.[0]).toMatchObject({
      path: ["order", "lineItem"],
      extensions: { argumentName: "id" },
    });
    expect(lookup.data).toEqual({ order: { status: "shipped", lineItem: null } });
  });

  it("uses 20 items by default", async () => {
    const data = await h.data(`{ products { nodes { id } pageInfo { hasNextPage } } }`);
    expect(data.products.nodes).toHaveLength(20);
    expect(data.products.pageInfo.hasNextPage).toBe(true);
  });

  it.each([
    ["first over the maximum", `{ products(first: 101) { nodes { id } } }`, "first"],
    ["negative last", `{ products(last: -1) { nodes { id } } }`, "last"],
    ["both directions", `{ products(first: 2, last: 2) { nodes { id } } }`, "last"],
    ["a malformed cursor", `{ products(after: "not-a-cursor") { nodes { id } } }`, "after"],
    [
      "another type's cursor",
      `{ products(before: "WyJCb29rIiwiOTc4MDMwNjQwNjE1NyJd") { nodes { id } } }`,
      "before",
    ],
    [
      "an over-large page on a relation",
      `{ category(id: 36) { products(first: 500) { nodes { id } } } }`,
      "first",
    ],
  ])("refuses %s with BAD_USER_INPUT", async (_name, query, argument) => {
    const result = await h.run(query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
  });
});
