import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customer } from "../../../test-support/callers.ts";
import { createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
let capped: Harness;
beforeAll(async () => {
  h = await createHarness();
  // A limit the seed's products pass, and a filter that stays under it.
  capped = await createHarness({ limits: { countExactLimit: 5 } });
});
afterAll(async () => {
  await h.close();
  await capped.close();
});

interface Page {
  nodes: { id: number }[];
  totalCount: number;
  totalCountMethod: "EXACT" | "ESTIMATED";
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PAGE = "nodes { id } totalCount totalCountMethod pageInfo { hasNextPage endCursor }";

/** Follows every next page of `read`, returning each page's total and the ids seen. */
async function walk(read: (after: string | null) => Promise<Page>) {
  const seen: number[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const page = await read(after);
    seen.push(...page.nodes.map((node) => node.id));
    totals.add(page.totalCount);
    expect(page.totalCountMethod).toBe("EXACT");
    if (!page.pageInfo.hasNextPage) return { seen, totals };
    after = page.pageInfo.endCursor;
  }
}

describe("totalCount", () => {
  it("equals the items seen by following every page, filtered", async () => {
    const { seen, totals } = await walk(
      async (after) =>
        (
          await h.data(
            `query ($after: String) { products(where: { price: { gte: "200" } }, first: 7, after: $after) { ${PAGE} } }`,
            { after },
          )
        ).products,
    );
    expect(seen.length).toBeGreaterThan(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...totals]).toEqual([seen.length]);
  });

  it("equals the items seen by following every page, filtered across a relation", async () => {
    const { seen, totals } = await walk(
      async (after) =>
        (
          await h.data(
            `query ($after: String) { products(where: { categories: { some: { name: { equals: "Widgets" } } } }, first: 2, after: $after) { ${PAGE} } }`,
            { after },
          )
        ).products,
    );
    const expected = await h.db.prisma.product.count({
      where: { categories: { some: { name: "Widgets" } } },
    });
    expect(seen.length).toBe(expected);
    expect(expected).toBeGreaterThan(2);
    expect([...totals]).toEqual([seen.length]);
  });

  it("equals the items seen on every page of a relation, and of a customer's own rows", async () => {
    const category = await h.db.prisma.category.findFirstOrThrow({
      where: { products: { some: {} } },
      orderBy: { products: { _count: "desc" } },
    });
    const related = await walk(
      async (after) =>
        (
          await h.data(
            `query ($id: Int!, $after: String) { category(id: $id) { products(first: 3, after: $after) { ${PAGE} } } }`,
            { id: category.id, after },
          )
        ).category.products,
    );
    expect([...related.totals]).toEqual([related.seen.length]);
    expect(related.seen.length).toBeGreaterThan(3);

    const own = await walk(
      async (after) =>
        (
          await h.data(
            `query ($after: String) { orders(first: 1, after: $after) { ${PAGE} } }`,
            { after },
            customer(),
          )
        ).orders,
    );
    expect([...own.totals]).toEqual([own.seen.length]);
    expect(own.seen.length).toBe(await h.db.prisma.order.count({ where: { user: { username: "jdoe" } } }));
  });

  it("is counted in the page's own statement", async () => {
    h.queries.length = 0;
    const data = await h.data(`{ products(first: 2) { nodes { id } totalCount totalCountMethod } }`);
    expect(h.queries).toHaveLength(1);
    expect(data.products.totalCount).toBe(await h.db.prisma.product.count());
    expect(data.products.totalCountMethod).toBe("EXACT");
  });

  it("is PostgreSQL's planner estimate with count: ESTIMATED, marked ESTIMATED", async () => {
    h.queries.length = 0;
    const data = await h.data(
      `{ products(first: 2, count: ESTIMATED, where: { price: { gte: "200" } }) { nodes { id } totalCount totalCountMethod } }`,
    );
    expect(data.products.totalCountMethod).toBe("ESTIMATED");
    expect(Number.isInteger(data.products.totalCount)).toBe(true);
    expect(data.products.totalCount).toBeGreaterThanOrEqual(0);
    // The page, then one EXPLAIN of the filtered rows; no count(*).
    expect(h.queries).toHaveLength(2);
    expect(h.queries[1]).toMatch(/^EXPLAIN \(FORMAT JSON\) SELECT 1 FROM "products"/);
    expect(h.queries.join("\n")).not.toContain("count(*)");
  });

  it("answers the estimate, marked ESTIMATED, when the exact count passes COUNT_EXACT_LIMIT", async () => {
    const over = await capped.data(`{ products(first: 1) { totalCount totalCountMethod } }`);
    expect(over.products.totalCountMethod).toBe("ESTIMATED");
    const few = await capped.db.prisma.product.findMany({ orderBy: { id: "asc" }, take: 4 });
    const under = await capped.data(
      `query ($ids: [Int!]) { products(first: 1, where: { id: { in: $ids } }) { totalCount totalCountMethod } }`,
      { ids: few.map((product) => product.id) },
    );
    expect(under.products).toEqual({ totalCount: 4, totalCountMethod: "EXACT" });
    // Exactly at the limit is still exact.
    const five = await capped.db.prisma.product.findMany({ orderBy: { id: "asc" }, take: 5 });
    const at = await capped.data(
      `query ($ids: [Int!]) { products(where: { id: { in: $ids } }) { totalCount totalCountMethod } }`,
      { ids: five.map((product) => product.id) },
    );
    expect(at.products).toEqual({ totalCount: 5, totalCountMethod: "EXACT" });
  });

  it("refuses a count method it does not know, naming it", async () => {
    const result = await h.run(`query ($count: CountMethod) { products(count: $count) { totalCount } }`, {
      count: "BOGUS",
    });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toContain("$count");
  });
});
