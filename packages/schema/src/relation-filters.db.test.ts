import { ANONYMOUS } from "@tusk/auth";
import { FIXTURE } from "@tusk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customer } from "../../../test-support/callers.ts";
import { createHarness, type Harness } from "../test/harness.ts";
import { DEFAULT_LIMITS } from "./limits.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Row = Record<string, unknown>;

/** The ids of a root collection's first 100 items matching `where`, with its totalCount. */
async function ids(collection: string, id: string, where: string) {
  const data = await h.data(
    `{ ${collection}(where: ${where}, first: 100, orderBy: [{ field: ${id}, direction: ASC }]) { totalCount nodes { ${id} } } }`,
  );
  const list = data[collection] as { totalCount: number; nodes: Row[] };
  return { ids: list.nodes.map((n) => n[id]), total: list.totalCount };
}

async function prismaIds(model: "product" | "category" | "order" | "user", where: Row, id = "id") {
  const delegate = h.db.prisma[model] as unknown as { findMany(args: Row): Promise<Row[]> };
  const rows = await delegate.findMany({
    where,
    orderBy: { [id]: "asc" },
    take: 100,
    select: { [id]: true },
  });
  return rows.map((r) => r[id]);
}

describe("filters across relations: at least one related row matches, once per parent", () => {
  it.each<[string, string, "product" | "category" | "order", string, Row]>([
    [
      "products in a category named Widgets",
      "products",
      "product",
      `{ categories: { some: { name: { equals: "Widgets" } } } }`,
      { categories: { some: { name: { equals: "Widgets" } } } },
    ],
    [
      "categories with a product of 200 or more",
      "categories",
      "category",
      `{ products: { some: { price: { gte: "200" } } } }`,
      { products: { some: { price: { gte: "200" } } } },
    ],
    [
      "orders with a line of four or more",
      "orders",
      "order",
      `{ lineItems: { some: { quantity: { gte: 4 } } } }`,
      { lineItems: { some: { quantity: { gte: 4 } } } },
    ],
    [
      "orders of a user whose name contains Doe (to-one)",
      "orders",
      "order",
      `{ user: { is: { displayName: { contains: "Doe" } } } }`,
      { user: { is: { displayName: { contains: "Doe" } } } },
    ],
    [
      "products in no category named Widgets",
      "products",
      "product",
      `{ categories: { none: { name: { equals: "Widgets" } } } }`,
      { categories: { none: { name: { equals: "Widgets" } } } },
    ],
    [
      "orders whose every line has two or more",
      "orders",
      "order",
      `{ lineItems: { every: { quantity: { gte: 2 } } } }`,
      { lineItems: { every: { quantity: { gte: 2 } } } },
    ],
    [
      "orders of a user not named Doe (to-one isNot)",
      "orders",
      "order",
      `{ user: { isNot: { displayName: { contains: "Doe" } } } }`,
      { user: { isNot: { displayName: { contains: "Doe" } } } },
    ],
  ])("%s, as Prisma reads the same filter", async (_name, collection, model, where, prismaWhere) => {
    const expected = await prismaIds(model, prismaWhere);
    expect(expected.length).toBeGreaterThan(0);
    const { ids: got, total } = await ids(collection, "id", where);
    expect(got).toEqual(expected);
    expect(total).toBe(
      await (h.db.prisma[model] as never as { count(a: Row): Promise<number> }).count({ where: prismaWhere }),
    );
  });

  it("lists a product once however many of its categories match", async () => {
    const matching = { name: { contains: "e" } };
    const rows = await h.db.prisma.product.findMany({
      where: { categories: { some: matching } },
      select: { id: true, _count: { select: { categories: { where: matching } } } },
      orderBy: { id: "asc" },
      take: 100,
    });
    expect(rows.some((r) => r._count.categories > 1)).toBe(true);
    const { ids: got, total } = await ids(
      "products",
      "id",
      `{ categories: { some: { name: { contains: "e" } } } }`,
    );
    expect(got).toEqual(rows.map((r) => r.id));
    expect(total).toBe(await h.db.prisma.product.count({ where: { categories: { some: matching } } }));
  });

  it("filters by how many related rows there are", async () => {
    const rows = await h.db.prisma.product.findMany({
      select: { id: true, _count: { select: { categories: true } } },
      orderBy: { id: "asc" },
    });
    for (const [filter, test] of [
      [`{ gte: 2 }`, (n: number) => n >= 2],
      [`{ equals: 0 }`, (n: number) => n === 0],
      [`{ lt: 2, gt: 0 }`, (n: number) => n === 1],
      [`{ in: [1, 3] }`, (n: number) => n === 1 || n === 3],
    ] as const) {
      const expected = rows.filter((r) => test(r._count.categories)).map((r) => r.id);
      const data = await h.data(
        `{ productsAggregate(where: { categories: { count: ${filter} } }) { count }
           products(where: { categories: { count: ${filter} } }, first: 100) { totalCount nodes { id } } }`,
      );
      expect(data.products.totalCount, filter).toBe(expected.length);
      expect(data.productsAggregate.count, filter).toBe(expected.length);
      expect(data.products.nodes.map((n: Row) => n.id)).toEqual(expected.slice(0, 100));
    }
  });

  it("combines with other conditions, sort and pagination: every page once, in order", async () => {
    const where = `{ categories: { some: { name: { contains: "a" } } }, price: { gte: "450" } }`;
    const orderBy = `[{ field: price, direction: DESC }]`;
    const whole = await h.data(
      `{ products(where: ${where}, orderBy: ${orderBy}, first: 100) { totalCount nodes { id } } }`,
    );
    const seen: unknown[] = [];
    let after: string | null = null;
    do {
      const page: {
        products: { nodes: Row[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      } = await h.data(
        `query ($after: String) { products(where: ${where}, orderBy: ${orderBy}, first: 7, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      seen.push(...page.products.nodes.map((n) => n.id));
      after = page.products.pageInfo.hasNextPage ? page.products.pageInfo.endCursor : null;
    } while (after);
    expect(whole.products.totalCount).toBeGreaterThan(7);
    expect(whole.products.totalCount).toBeLessThanOrEqual(100);
    expect(seen).toEqual(whole.products.nodes.map((n: Row) => n.id));
  });

  it("filters relation connections and aggregates the same way, in one statement", async () => {
    h.queries.length = 0;
    const data = await h.data(`{
      category(id: ${FIXTURE.categoryId}) {
        products(where: { lineItems: { some: { order: { is: { username: { equals: "jdoe" } } } } } }) { nodes { id } }
        productsAggregate(where: { categories: { count: { gte: 1 } } }) { count }
      }
    }`);
    expect(h.queries).toHaveLength(1);
    const expected = await prismaIds("product", {
      categories: { some: { id: FIXTURE.categoryId } },
      lineItems: { some: { order: { is: { username: { equals: "jdoe" } } } } },
    });
    expect(expected).toEqual(expect.arrayContaining([73924, 73925]));
    expect(data.category.products.nodes.map((n: Row) => n.id)).toEqual(expected.slice(0, 20));
    expect(data.category.productsAggregate.count).toBe(
      await h.db.prisma.product.count({ where: { categories: { some: { id: FIXTURE.categoryId } } } }),
    );
  });
});

describe("filtered writes across relations", () => {
  it("updates and deletes by a filter that counts related rows, bounded by atMost", async () => {
    const category = await h.db.prisma.category.create({ data: { name: "relation-filter-writes" } });
    const other = await h.db.prisma.category.create({ data: { name: "relation-filter-writes-2" } });
    const made = await Promise.all(
      [1, 2, 3].map((i) =>
        h.db.prisma.product.create({
          data: {
            name: `rfw-${i}`,
            price: "1.00",
            categories: {
              connect: i === 1 ? [{ id: category.id }] : [{ id: category.id }, { id: other.id }],
            },
          },
        }),
      ),
    );
    const where = `{ name: { startsWith: "rfw-" }, categories: { count: { gte: 2 } } }`;
    const refused = await h.run(
      `mutation { updateProducts(where: ${where}, input: { stock: 7 }, atMost: 1) }`,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: "atMost", reason: "2 products match, more than 1; nothing was changed" }],
    });
    const stocks = async () =>
      (
        await h.db.prisma.product.findMany({
          where: { name: { startsWith: "rfw-" } },
          orderBy: { name: "asc" },
        })
      ).map((p) => p.stock);
    expect(await stocks()).toEqual([0, 0, 0]);
    const updated = await h.data(
      `mutation { updateProducts(where: ${where}, input: { stock: 7 }, atMost: 2) }`,
    );
    expect(updated.updateProducts).toBe(2);
    expect(await stocks()).toEqual([0, 7, 7]);
    const deleted = await h.data(
      `mutation { deleteProducts(where: { name: { startsWith: "rfw-" }, categories: { count: { equals: 1 } } }, atMost: 5) }`,
    );
    expect(deleted.deleteProducts).toBe(1);
    expect(await h.db.prisma.product.count({ where: { id: made[0]!.id } })).toBe(0);
    await h.db.prisma.product.deleteMany({ where: { name: { startsWith: "rfw-" } } });
    await h.db.prisma.category.deleteMany({ where: { id: { in: [category.id, other.id] } } });
  });
});

describe("row rules hold inside relation filters", () => {
  const jdoe = customer("jdoe");

  it("a customer's product filter by line items matches only through their own orders", async () => {
    const expected = await prismaIds("product", { lineItems: { some: { order: { username: "jdoe" } } } });
    const all = await prismaIds("product", { lineItems: { some: {} } });
    expect(all.length).toBeGreaterThan(expected.length);
    const mine = await h.data(
      `{ products(where: { lineItems: { some: {} } }, first: 100) { nodes { id } } }`,
      {},
      jdoe,
    );
    expect(mine.products.nodes.map((n: Row) => n.id)).toEqual(expected);
    const counted = await h.data(
      `{ products(where: { lineItems: { count: { gte: 1 } } }, first: 100) { nodes { id } } }`,
      {},
      jdoe,
    );
    expect(counted.products.nodes.map((n: Row) => n.id)).toEqual(expected);
    // every and none see only the caller's rows too: another's lines neither break nor satisfy them.
    const none = await h.data(
      `{ products(where: { lineItems: { none: {} }, id: { in: [${all.slice(0, 20).join(",")}] } }, first: 100) { nodes { id } } }`,
      {},
      jdoe,
    );
    expect(none.products.nodes.map((n: Row) => n.id)).toEqual(
      all.slice(0, 20).filter((id) => !expected.includes(id)),
    );
  });

  it("a customer cannot probe another user's orders through users", async () => {
    const other = await h.db.prisma.order.findFirst({
      where: { username: { not: "jdoe" } },
      select: { username: true, status: true },
    });
    expect(other).not.toBeNull();
    const probe = `{ users(where: { orders: { some: { username: { equals: "${other!.username}" } } } }) { nodes { username } } }`;
    expect((await h.data(probe, {}, customer(other!.username))).users.nodes).toEqual([
      { username: other!.username },
    ]);
    expect((await h.data(probe, {}, jdoe)).users.nodes).toEqual([]);
    const shipped = `{ orders(where: { user: { is: { username: { equals: "${other!.username}" } } } }) { nodes { id } } }`;
    expect((await h.data(shipped, {}, jdoe)).orders.nodes).toEqual([]);
  });

  it("an anonymous caller's relation filters see no owned rows", async () => {
    const all = await h.data(`{ products(first: 100) { totalCount } }`, {}, ANONYMOUS);
    const some = await h.data(
      `{ products(where: { lineItems: { some: {} } }) { totalCount } }`,
      {},
      ANONYMOUS,
    );
    const none = await h.data(
      `{ products(where: { lineItems: { none: {} } }) { totalCount } }`,
      {},
      ANONYMOUS,
    );
    expect(some.products.totalCount).toBe(0);
    expect(none.products.totalCount).toBe(all.products.totalCount);
  });
});

describe("bad relation filters", () => {
  it.each([
    ["an unknown relation", `{ products(where: { cats: { some: {} } }) { totalCount } }`, /cats/],
    ["an unknown quantifier", `{ products(where: { categories: { any: {} } }) { totalCount } }`, /any/],
    [
      "an unknown field",
      `{ products(where: { categories: { some: { nme: { equals: "x" } } } }) { totalCount } }`,
      /nme/,
    ],
    ["a quantifier on a to-one relation", `{ orders(where: { user: { some: {} } }) { totalCount } }`, /some/],
    [
      "count on a to-one relation",
      `{ orders(where: { user: { count: { gte: 1 } } }) { totalCount } }`,
      /count/,
    ],
  ])("refuses %s, naming it", async (_name, source, named) => {
    const result = await h.run(source);
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(named);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a filter crossing more relations than allowed, naming its path", async () => {
    // products -> categories -> products -> ..., `hops` relations deep.
    const nested = (hops: number) => {
      const names = Array.from({ length: hops }, (_, i) => (i % 2 === 0 ? "categories" : "products"));
      const where = names.reduceRight((inner, name) => `{ ${name}: { some: ${inner} } }`, "{}");
      return { where, path: `where.${names.join(".some.")}` };
    };
    const depth = DEFAULT_LIMITS.maxRelationFilterDepth;
    const deep = nested(depth + 1);
    const result = await h.run(`{ products(where: ${deep.where}) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain(`${deep.path}: crosses more than ${depth} relations`);
    const fine = await h.run(`{ products(where: ${nested(depth).where}) { totalCount } }`);
    expect(fine.errors).toBeUndefined();
  });

  it("refuses an operand the related field's codec refuses, naming its path", async () => {
    const literal = await h.run(
      `{ products(where: { categories: { some: { name: { equals: "\\u0000" } } } }) { totalCount } }`,
    );
    expect(literal.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: "where.categories.some.name.equals" }],
    });
    const variable = await h.run(`query ($w: OrderFilter) { orders(where: $w) { totalCount } }`, {
      w: { lineItems: { every: { quantity: { gte: 2 } } }, user: { is: { email: { in: ["a\u0000"] } } } },
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: "where.user.is.email.in" }],
    });
  });
});
