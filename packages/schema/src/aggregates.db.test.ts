import { Prisma } from "@tusk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("aggregates", () => {
  it("computes count, sum, avg, min and max at the root over a filter, in one query", async () => {
    const expected = await h.db.prisma.product.aggregate({
      where: { price: { gte: "200" } },
      _count: { _all: true },
      _sum: { price: true, stock: true },
      _avg: { price: true, stock: true },
      _min: { price: true, createdAt: true },
      _max: { price: true, stock: true },
    });
    h.queries.length = 0;
    const data = await h.data(`{ productsAggregate(where: { price: { gte: "200" } }) {
      count sum { price stock } avg { price stock } min { price createdAt } max { price stock }
    } }`);
    expect(h.queries).toHaveLength(1);
    expect(data.productsAggregate).toEqual({
      count: expected._count._all,
      sum: { price: expected._sum.price!.toFixed(2), stock: expected._sum.stock },
      avg: { price: expected._avg.price!.toString(), stock: expected._avg.stock },
      min: { price: expected._min.price!.toFixed(2), createdAt: expected._min.createdAt!.toISOString() },
      max: { price: expected._max.price!.toFixed(2), stock: expected._max.stock },
    });
  });

  it("answers count 0 and null values over an empty set", async () => {
    const data = await h.data(
      `{ booksAggregate(where: { price: { lt: 0 } }) { count sum { price } avg { publishedYear } max { createdAt } } }`,
    );
    expect(data.booksAggregate).toEqual({
      count: 0,
      sum: { price: null },
      avg: { publishedYear: null },
      max: { createdAt: null },
    });
  });

  it("offers min and max of dates for resources without measures", async () => {
    const data = await h.data(`{ usersAggregate { count min { createdAt } } }`);
    expect(data.usersAggregate.count).toBe(await h.db.prisma.user.count());
    expect(h.schema.getType("UserAggregate")).toBeDefined();
    expect(h.schema.getType("UserAggregateSum")).toBeUndefined();
  });

  it("aggregates a one-to-many relation beside it", async () => {
    const data = await h.data(`{ order(id: 9) {
      lineItemsAggregate { count sum { quantity unitPrice } avg { quantity } min { unitPrice } max { unitPrice } }
      big: lineItemsAggregate(where: { quantity: { gte: 2 } }) { count }
    } }`);
    expect(data.order.lineItemsAggregate).toEqual({
      count: 2,
      sum: { quantity: 3, unitPrice: "254.49" },
      avg: { quantity: 1.5 },
      min: { unitPrice: "34.50" },
      max: { unitPrice: "219.99" },
    });
    expect(data.order.big).toEqual({ count: 1 });
  });

  it("aggregates a many-to-many relation beside it", async () => {
    const products = await h.db.prisma.product.findMany({
      where: { categories: { some: { id: 36 } } },
      select: { price: true },
    });
    const sum = products.reduce((acc, p) => acc.plus(p.price), new Prisma.Decimal(0));
    const data = await h.data(
      `{ category(id: 36) { productsAggregate { count sum { price } avg { price } max { price } } } }`,
    );
    // The average is the database's, with the digits a root aggregate over the same rows has.
    const root = await h.db.prisma.product.aggregate({
      where: { categories: { some: { id: 36 } } },
      _avg: { price: true },
    });
    expect(data.category.productsAggregate).toMatchObject({
      count: products.length,
      sum: { price: sum.toFixed(2) },
      avg: { price: root._avg.price!.toString() },
    });
  });

  it("computes relation aggregates inside a list in the list's own statement", async () => {
    const count = async (first: number) => {
      h.queries.length = 0;
      const data =
        await h.data(`{ orders(first: ${first}) { nodes { id lineItemsAggregate { count sum { quantity } } } }
        categories(first: ${first}) { nodes { productsAggregate(where: { price: { gte: 10 } }) { count } } } }`);
      const statements = h.queries.length;
      expect(data.orders.nodes).toHaveLength(first);
      const expected = await h.db.prisma.lineItem.count({ where: { orderId: data.orders.nodes[0].id } });
      expect(data.orders.nodes[0].lineItemsAggregate.count).toBe(expected);
      return statements;
    };
    // One statement per root field.
    expect(await count(2)).toBe(2);
    expect(await count(15)).toBe(2);
  });

  it("loads relation aggregates of a write's answer, which Prisma selects, as a read computes them", async () => {
    const aggregate = `productsAggregate(where: { price: { gte: 10 } }) { count sum { price } avg { price } min { createdAt } }`;
    const read = await h.data(`{ category(id: 36) { ${aggregate} } }`);
    const written = await h.data(
      `mutation { updateCategory(id: 36, input: { description: "Still widgets." }) { ${aggregate} } }`,
    );
    expect(written.updateCategory).toEqual(read.category);
  });
});
