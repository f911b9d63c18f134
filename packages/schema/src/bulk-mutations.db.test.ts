import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customer } from "../../../test-support/callers.ts";
import { createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function errorOf(source: string, variables?: Record<string, unknown>, caller = undefined) {
  const result = await h.run(source, variables, caller);
  expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
  return result.errors![0]!;
}

const counts = async () => ({
  orders: await h.db.prisma.order.count(),
  lineItems: await h.db.prisma.lineItem.count(),
  products: await h.db.prisma.product.count(),
});

const item = (productId: number, quantity: number) => ({ productId, quantity, unitPrice: "219.99" });

describe("nested create", () => {
  it("creates an order and its line items in one mutation, answering them", async () => {
    const data = await h.data(
      `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id username lineItems { totalCount nodes { productId quantity orderId } } } }`,
      { input: { username: "jdoe", lineItems: [item(73924, 2), item(73925, 1)] } },
    );
    const order = data.createOrder;
    expect(order.lineItems.totalCount).toBe(2);
    expect(order.lineItems.nodes).toEqual([
      { productId: 73924, quantity: 2, orderId: order.id },
      { productId: 73925, quantity: 1, orderId: order.id },
    ]);
    expect(await h.db.prisma.lineItem.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("refuses an invalid line item by its path, and creates nothing", async () => {
    const before = await counts();
    const error = await errorOf(
      `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }`,
      {
        input: { username: "jdoe", lineItems: [item(73924, 1), item(73924, 1), item(73924, -3)] },
      },
    );
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.invalidParams).toEqual([
      { name: "input.lineItems[2].quantity", reason: "must not be negative" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("rolls the order back when a line item is refused by the database", async () => {
    const before = await counts();
    const error = await errorOf(
      `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }`,
      {
        input: { username: "jdoe", lineItems: [item(73924, 1), item(999_999_999, 1)] },
      },
    );
    expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
    expect(await counts()).toEqual(before);
  });

  it("lets a customer create their own order with items, and not someone else's", async () => {
    const jdoe = customer("jdoe");
    const own = await h.run(
      `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { username lineItems { totalCount } } }`,
      { input: { username: "jdoe", lineItems: [item(73924, 1)] } },
      jdoe,
    );
    expect(own.errors).toBeUndefined();
    const before = await counts();
    const other = await h.run(
      `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }`,
      { input: { username: "admin", lineItems: [item(73924, 1)] } },
      jdoe,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });
});

const PRODUCTS = `mutation ($input: [CreateProductInput!]!) { createProducts(input: $input) { id name price } }`;

describe("bulk create", () => {
  it("creates every product, in order", async () => {
    const data = await h.data(PRODUCTS, {
      input: [
        { name: "bulk-a", price: "1.50" },
        { name: "bulk-b", price: "2.50", stock: 3 },
      ],
    });
    expect(data.createProducts.map((p: { name: string }) => p.name)).toEqual(["bulk-a", "bulk-b"]);
    expect(await h.db.prisma.product.count({ where: { name: { startsWith: "bulk-" } } })).toBe(2);
  });

  it("creates none when one item is refused, naming each one at fault", async () => {
    const before = await counts();
    const error = await errorOf(PRODUCTS, {
      input: [
        { name: "ok", price: "1" },
        { name: "bad", price: "-1" },
        { name: "x".repeat(201), price: "1" },
      ],
    });
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.invalidParams).toEqual([
      { name: "input[1].price", reason: "must not be negative" },
      { name: "input[2].name", reason: "must be at most 200 characters" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses more items than the bulk limit", async () => {
    const before = await counts();
    const input = Array.from({ length: 101 }, (_, i) => ({ name: `many-${i}`, price: "1" }));
    const error = await errorOf(PRODUCTS, { input });
    expect(error.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.extensions?.argumentName).toBe("input");
    expect(await counts()).toEqual(before);
  });
});

describe("filtered update and delete", () => {
  const cheap = { name: { startsWith: "cheap-" } };
  beforeAll(async () => {
    await h.data(PRODUCTS, {
      input: ["a", "b", "c"].map((suffix) => ({ name: `cheap-${suffix}`, price: "0.50" })),
    });
  });

  it("updates every matching row when they are at most atMost, answering how many", async () => {
    const data = await h.data(
      `mutation ($where: ProductFilter!) { updateProducts(where: $where, input: { stock: 7 }, atMost: 3) }`,
      { where: cheap },
    );
    expect(data.updateProducts).toBe(3);
    const rows = await h.db.prisma.product.findMany({ where: { name: { startsWith: "cheap-" } } });
    expect(rows.map((row) => row.stock)).toEqual([7, 7, 7]);
  });

  it("changes nothing when more rows match than atMost", async () => {
    const error = await errorOf(
      `mutation ($where: ProductFilter!) { updateProducts(where: $where, input: { stock: 1 }, atMost: 2) }`,
      { where: cheap },
    );
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.argumentName).toBe("atMost");
    const rows = await h.db.prisma.product.findMany({ where: { name: { startsWith: "cheap-" } } });
    expect(rows.map((row) => row.stock)).toEqual([7, 7, 7]);
  });

  it("refuses a bad patch or filter by its argument, changing nothing", async () => {
    const patch = await errorOf(
      `mutation ($where: ProductFilter!) { updateProducts(where: $where, input: { stock: -1 }, atMost: 5) }`,
      { where: cheap },
    );
    expect(patch.extensions?.invalidParams).toEqual([
      { name: "input.stock", reason: "must not be negative" },
    ]);
    const negative = await errorOf(`mutation { deleteProducts(where: {}, atMost: -1) }`);
    expect(negative.extensions?.argumentName).toBe("atMost");
    expect(await h.db.prisma.product.count({ where: { name: { startsWith: "cheap-" }, stock: 7 } })).toBe(3);
  });

  it("deletes every matching row within atMost", async () => {
    const tooMany = await errorOf(
      `mutation ($where: ProductFilter!) { deleteProducts(where: $where, atMost: 1) }`,
      { where: cheap },
    );
    expect(tooMany.extensions?.argumentName).toBe("atMost");
    expect(await h.db.prisma.product.count({ where: { name: { startsWith: "cheap-" } } })).toBe(3);
    const data = await h.data(
      `mutation ($where: ProductFilter!) { deleteProducts(where: $where, atMost: 3) }`,
      {
        where: cheap,
      },
    );
    expect(data.deleteProducts).toBe(3);
    expect(await h.db.prisma.product.count({ where: { name: { startsWith: "cheap-" } } })).toBe(0);
  });

  it("changes and counts only the rows the caller may write", async () => {
    const jdoe = customer("jdoe");
    const own = await h.db.prisma.order.count({ where: { username: "jdoe" } });
    const others = await h.db.prisma.order.count({ where: { NOT: { username: "jdoe" }, status: "held" } });
    const data = await h.data(
      `mutation { updateOrders(where: {}, input: { status: "held" }, atMost: ${own}) }`,
      undefined,
      jdoe,
    );
    expect(data.updateOrders).toBe(own);
    expect(await h.db.prisma.order.count({ where: { username: "jdoe", status: "held" } })).toBe(own);
    expect(await h.db.prisma.order.count({ where: { NOT: { username: "jdoe" }, status: "held" } })).toBe(
      others,
    );
    const none = await h.data(
      `mutation { deleteOrders(where: { username: { equals: "admin" } }, atMost: 0) }`,
      undefined,
      jdoe,
    );
    expect(none.deleteOrders).toBe(0);
  });

  it("takes relation filters in where, as reads do", async () => {
    const inWidgets = { categories: { some: { name: { equals: "Widgets" } } } };
    const expected = await h.db.prisma.product.count({
      where: { categories: { some: { name: "Widgets" } } },
    });
    expect(expected).toBeGreaterThan(0);
    const data = await h.data(
      `mutation ($where: ProductFilter) { updateProducts(where: $where, input: { description: "in widgets" }, atMost: ${expected}) }`,
      { where: inWidgets },
    );
    expect(data.updateProducts).toBe(expected);
    expect(await h.db.prisma.product.count({ where: { description: "in widgets" } })).toBe(expected);
  });

  it("needs the write scope", async () => {
    const error = await errorOf(
      `mutation { deleteProducts(where: {}, atMost: 0) }`,
      undefined,
      customer() as never,
    );
    expect(error.extensions?.code).toBe("FORBIDDEN");
  });
});
