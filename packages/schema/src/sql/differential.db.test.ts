import type { Caller } from "@tusk/auth";
import type { Database } from "@tusk/db";
import { createTestDatabase, FIXTURE } from "@tusk/db/testing";
import { type Resource, registry } from "@tusk/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, customer } from "../../../../test-support/callers.ts";
import { uniqueWithinReach, withinReach } from "../access.ts";
import { aggregateArgs, type RawAggregate, shapeAggregate } from "../aggregates.ts";
import { columnLimits } from "../columns.ts";
import { delegate } from "../delegate.ts";
import { filterScope, toPrismaWhere } from "../filters.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import { toPrismaOrderBy } from "../ordering.ts";
import { encodeCursor, pageQuery } from "../pagination.ts";
import { formatDecimal } from "../values.ts";
import { findManyRows, findUniqueRow, type ListArgs } from "./index.ts";

type Row = Record<string, unknown>;

const resource = (path: string) => registry.byPath(path)!;
const products = resource("products");
const categories = resource("categories");
const orders = resource("orders");
const books = resource("books");
const users = resource("users");
const lineItems = resource("line_items");

/** Prisma's values as the compiled reads print them: instants as ISO text, decimals at their column's scale. */
function normalise(target: Resource, row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const relation = target.relation(key);
    const field = target.field(key);
    if (relation && Array.isArray(value)) out[key] = value.map((r) => normalise(relation.target, r as Row));
    else if (relation && value) out[key] = normalise(relation.target, value as Row);
    else if (value instanceof Date) out[key] = value.toISOString();
    else if (field?.type === "Decimal") out[key] = formatDecimal(value, columnLimits(target, field).scale);
    else out[key] = value;
  }
  return out;
}

/** The planner's arguments for one page: filter, order, page and row rules, as `collectionArgs` makes them. */
function page(
  target: Resource,
  args: {
    where?: Row;
    orderBy?: { field: string; direction?: "asc" | "desc" }[];
    first?: number;
    after?: string;
    last?: number;
    before?: string;
  },
  select: Row,
  caller: Caller = ADMIN,
): ListArgs {
  const query = pageQuery(target, args, DEFAULT_LIMITS);
  const filter = toPrismaWhere(target, args.where, filterScope(caller, DEFAULT_LIMITS));
  const where = withinReach(filter, caller, target, "read");
  return {
    where,
    orderBy: toPrismaOrderBy(target, args.orderBy),
    take: query.take,
    ...(query.cursor ? { cursor: query.cursor, skip: query.skip } : {}),
    select,
  };
}

const PRODUCT = {
  id: true,
  name: true,
  description: true,
  price: true,
  stock: true,
  createdAt: true,
  updatedAt: true,
};
const CATEGORY = { id: true, name: true, description: true };
const BOOK = { isbn: true, title: true, publishedYear: true, price: true };

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db?.close());

async function sameList(target: Resource, args: ListArgs, countWhere?: Row) {
  const model = delegate(db.prisma, target);
  const expected = (await model.findMany(args as unknown as Row)).map((r) => normalise(target, r));
  const compiled = await findManyRows(db.prisma, target.model, args, countWhere);
  expect(compiled.rows).toEqual(expected);
  if (countWhere) expect(compiled.count).toBe(await model.count({ where: countWhere }));
  return compiled.rows;
}

describe("compiled reads return what Prisma returns", () => {
  it.each<[string, Row]>([
    ["no filter", {}],
    ["equals and not", { name: { equals: "Widget Polish" } }],
    ["not", { name: { not: "Widget Polish" } }],
    ["in and notIn", { id: { in: [73924, 73925, 1, 2] }, stock: { notIn: [42] } }],
    ["empty in", { id: { in: [] } }],
    ["empty notIn", { id: { notIn: [] } }],
    ["comparisons on a decimal", { price: { gte: "34.50", lt: "219.99" } }],
    ["comparisons on an int", { stock: { gt: 10, lte: 300 } }],
    ["instants", { createdAt: { gte: new Date("2026-01-15T09:30:00.000Z") } }],
    ["contains", { name: { contains: "Widget" } }],
    ["startsWith and endsWith", { name: { startsWith: "The", endsWith: "t" } }],
    ["null description", { description: { equals: null } }],
    ["not null description", { description: { not: null } }],
    ["OR", { OR: [{ id: { equals: 73924 } }, { stock: { lt: 5 } }] }],
    ["empty OR", { OR: [] }],
    ["NOT", { NOT: [{ name: { contains: "a" } }, { stock: { gt: 100 } }] }],
    [
      "AND nested",
      { AND: [{ OR: [{ stock: { lt: 50 } }, { price: { gt: "100" } }] }, { NOT: [{ id: { equals: 1 } }] }] },
    ],
  ])("products where %s", async (_name, where) => {
    const args = page(products, { first: 30 }, PRODUCT);
    await sameList(products, { ...args, where }, where);
  });

  it("reads %, _ and \\ in contains, startsWith and endsWith as themselves, where Prisma's LIKE reads wildcards", async () => {
    const odd = await db.prisma.product.create({
      data: { name: "50% off_kit \\ now", price: "1.00", description: null },
    });
    const args = page(products, { first: 50 }, { id: true });
    for (const filter of [
      { contains: "%" },
      { contains: "_" },
      { contains: "\\" },
      { startsWith: "50%" },
      { endsWith: "\\ now" },
    ]) {
      const { rows } = await findManyRows(db.prisma, "Product", { ...args, where: { name: filter } });
      expect(rows, JSON.stringify(filter)).toEqual([{ id: odd.id }]);
    }
    await db.prisma.product.delete({ where: { id: odd.id } });
  });

  it("sorts, then pages forward and backward by cursor, on a nullable key too", async () => {
    for (const orderBy of [
      [{ field: "price", direction: "desc" as const }],
      [{ field: "stock" }, { field: "name", direction: "desc" as const }],
    ]) {
      const first = await sameList(products, page(products, { orderBy, first: 7 }, PRODUCT));
      const cursor = encodeCursor(products, first[5]!);
      const next = await sameList(products, page(products, { orderBy, first: 7, after: cursor }, PRODUCT));
      expect(next[0]).toEqual(first[6]);
      await sameList(products, page(products, { orderBy, last: 3, before: cursor }, PRODUCT));
      await sameList(products, page(products, { orderBy, last: 4 }, PRODUCT));
    }
    // Some books without a year, so cursors cross from values to nulls in both directions.
    const cleared = await db.prisma.book.updateMany({
      where: { publishedYear: { lt: 1975 } },
      data: { publishedYear: null },
    });
    expect(cleared.count).toBeGreaterThan(2);
    const byYear = [{ field: "publishedYear", direction: "desc" as const }];
    const all = await sameList(books, page(books, { orderBy: byYear, first: 100 }, BOOK));
    // Descending puts nulls first: the boundary is the first book with a year.
    const edge = all.findIndex((b) => b.publishedYear !== null);
    expect(edge).toBeGreaterThan(1);
    for (const at of [0, 1, edge - 1, edge, edge + 1, Math.floor(all.length / 2), all.length - 2]) {
      const row = all[at];
      if (!row) continue;
      const cursor = encodeCursor(books, row);
      await sameList(books, page(books, { orderBy: byYear, first: 5, after: cursor }, BOOK));
      await sameList(books, page(books, { orderBy: byYear, last: 5, before: cursor }, BOOK));
      await sameList(
        books,
        page(books, { orderBy: [{ field: "publishedYear" }], first: 5, after: cursor }, BOOK),
      );
    }
  });

  it("pages from a cursor whose row no longer matches the filter, or no longer exists", async () => {
    const where = { stock: { gt: 1000 } };
    await sameList(
      products,
      page(products, { where, first: 5, after: encodeCursor(products, { id: FIXTURE.productId }) }, PRODUCT),
    );
    await sameList(
      products,
      page(products, { first: 5, after: encodeCursor(products, { id: 99_999_999 }) }, PRODUCT),
    );
  });

  it("nests connections with their own filter, order, page and counts, many-to-many included", async () => {
    const nested = page(
      categories,
      { where: { name: { contains: "e" } }, orderBy: [{ field: "name", direction: "desc" }], first: 3 },
      CATEGORY,
    );
    const select = {
      ...PRODUCT,
      categories: nested,
      lineItems: {
        ...page(
          lineItems,
          { first: 2 },
          {
            id: true,
            quantity: true,
            unitPrice: true,
            order: { select: { id: true, status: true, user: { select: { username: true, email: true } } } },
          },
        ),
      },
      _count: { select: { categories: { where: nested.where }, lineItems: { where: {} } } },
    };
    await sameList(products, page(products, { first: 25 }, select), {});
    const books3 = page(
      books,
      { orderBy: [{ field: "publishedYear" }], last: 2 },
      { ...BOOK, categories: page(categories, { first: 2 }, CATEGORY) },
    );
    await sameList(
      categories,
      page(
        categories,
        { first: 10 },
        { ...CATEGORY, books: books3, products: page(products, { first: 3 }, PRODUCT) },
      ),
    );
  });

  it("follows to-one chains and looks one nested item up, depth four", async () => {
    const item = {
      id: true,
      orderId: true,
      quantity: true,
      product: {
        select: {
          id: true,
          name: true,
          categories: page(
            categories,
            { first: 2 },
            { id: true, products: page(products, { first: 2 }, { id: true, price: true }) },
          ),
        },
      },
    };
    const select = {
      id: true,
      placedAt: true,
      user: {
        select: {
          username: true,
          displayName: true,
          vehicles: page(resource("vehicles"), { first: 3 }, { vin: true, year: true }),
        },
      },
      lineItems: { where: { AND: [{ id: FIXTURE.lineItemIds[0] }] }, take: 1, select: item },
    };
    await sameList(orders, page(orders, { first: 20 }, select));
    const where = uniqueWithinReach({ id: FIXTURE.orderId }, ADMIN, orders, "read");
    const expected = await delegate(db.prisma, orders).findUnique({ where, select });
    expect(await findUniqueRow(db.prisma, "Order", { where, select })).toEqual(normalise(orders, expected!));
  });

  it("keeps a customer to their own rows through owner chains, at the root and in relations", async () => {
    const jdoe = customer("jdoe");
    const items = page(lineItems, { first: 10 }, { id: true, unitPrice: true }, jdoe);
    const mine = await sameList(
      orders,
      page(orders, { first: 50 }, { id: true, username: true, lineItems: items }, jdoe),
      withinReach({}, jdoe, orders, "read"),
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => o.username === "jdoe")).toBe(true);
    await sameList(
      lineItems,
      page(lineItems, { first: 50 }, { id: true, orderId: true }, jdoe),
      withinReach({}, jdoe, lineItems, "read"),
    );
    const someoneElse = customer("nobody-here");
    expect(await sameList(orders, page(orders, { first: 5 }, { id: true }, someoneElse))).toEqual([]);
    const select = { username: true, email: true, orders: page(orders, { first: 5 }, { id: true }, jdoe) };
    for (const caller of [jdoe, someoneElse]) {
      const where = uniqueWithinReach({ username: "jdoe" }, caller, users, "read");
      const expected = await delegate(db.prisma, users).findUnique({ where, select });
      const row = await findUniqueRow(db.prisma, "User", { where, select });
      expect(row).toEqual(expected && normalise(users, expected));
    }
  });

  it("filters through relations with some, none, every and is", async () => {
    for (const where of [
      { categories: { some: { name: { equals: "Widgets" } } } },
      { categories: { none: { id: { equals: FIXTURE.categoryId } } } },
      { categories: { every: { name: { startsWith: "W" } } } },
      { categories: { every: { description: { contains: "e" } } } },
      { categories: { some: { name: { contains: "i" } }, none: { name: { equals: "Widgets" } } } },
      { lineItems: { some: { order: { is: { username: "jdoe" } } } } },
      { lineItems: { every: { quantity: { gte: 2 } }, some: {} } },
      { lineItems: { some: { order: { isNot: { status: "shipped" } } } } },
    ])
      await sameList(products, { ...page(products, { first: 40 }, { id: true }), where }, where);
  });

  it("translates GraphQL relation filters into a where Prisma reads the same, row rules inside", async () => {
    const jdoe = customer("jdoe");
    const filters: [Resource, Row][] = [
      [products, { categories: { some: { name: { equals: "Widgets" } } } }],
      [categories, { products: { some: { price: { gte: "200" } } } }],
      [orders, { lineItems: { every: { quantity: { gte: 2 } } } }],
      [orders, { user: { is: { displayName: { contains: "Doe" } } } }],
      [users, { orders: { some: { status: { equals: "pending" } } } }],
      [users, { orders: { none: { status: { equals: "pending" } } } }],
      [users, { orders: { every: { status: { equals: "pending" } } } }],
      [products, { lineItems: { some: { quantity: { gte: 1 } } } }],
      [products, { lineItems: { none: { quantity: { gte: 1 } } } }],
      [products, { lineItems: { every: { quantity: { gte: 100 } } } }],
      [
        products,
        { lineItems: { some: { order: { is: { user: { is: { username: { equals: "jdoe" } } } } } } } },
      ],
    ];
    for (const caller of [ADMIN, jdoe])
      for (const [target, where] of filters)
        await sameList(
          target,
          page(target, { where, first: 100 }, { [target.identifier.field.name]: true }, caller),
        );
  });

  it("aggregates a relation's rows in the parent's statement as Prisma's aggregate does", async () => {
    const cases: [Resource, string, string, Row][] = [
      [categories, "products", "categories", {}],
      [categories, "products", "categories", { price: { gte: "100" } }],
      [categories, "books", "categories", { publishedYear: { lt: 2000 } }],
      [orders, "lineItems", "order", {}],
      [users, "orders", "user", { status: { equals: "nothing has this status" } }],
    ];
    for (const [parent, name, back, where] of cases) {
      const target = parent.relation(name)!.target;
      const idField = parent.identifier.field.name;
      const select = {
        [idField]: true,
        _aggregates: { total: { relation: name, where, ...aggregateArgs(target) } },
      };
      const { rows } = await findManyRows(db.prisma, parent.model, { ...page(parent, { first: 8 }, select) });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const link =
          parent.relation(name)!.cardinality === "many-to-many"
            ? { some: { [idField]: row[idField] } }
            : { is: { [idField]: row[idField] } };
        const expected = await delegate(db.prisma, target).aggregate({
          where: { AND: [where, { [back]: link }] },
          ...aggregateArgs(target),
        });
        const planned = (row._aggregates as Record<string, RawAggregate>).total!;
        expect(shapeAggregate(target, planned), `${parent.model} ${String(row[idField])} ${name}`).toEqual(
          normaliseAggregate(shapeAggregate(target, expected as RawAggregate)),
        );
      }
    }
  });
});

describe("wide objects", () => {
  it("builds objects of more than the 50 members one json_build_object call takes", async () => {
    const aggregates = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `a${i}`,
        { relation: "products", where: { stock: { gte: i } }, _count: { _all: true } },
      ]),
    );
    const row = await findUniqueRow(db.prisma, "Category", {
      where: { id: FIXTURE.categoryId },
      select: { id: true, _aggregates: aggregates },
    });
    const counts = row!._aggregates as Record<string, RawAggregate>;
    expect(Object.keys(counts)).toHaveLength(60);
    for (const i of [0, 42, 59]) {
      const expected = await db.prisma.product.count({
        where: { stock: { gte: i }, categories: { some: { id: FIXTURE.categoryId } } },
      });
      expect(counts[`a${i}`]!._count!._all).toBe(expected);
    }
  });
});

/** A Prisma aggregate shaped for GraphQL, with instants as the ISO text the DateTime scalar prints. */
function normaliseAggregate(shaped: Row): Row {
  return JSON.parse(JSON.stringify(shaped));
}
