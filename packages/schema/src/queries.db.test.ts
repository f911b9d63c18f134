import { registry } from "@tusk/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("lookups by identifier", () => {
  it("finds each root resource by its identifier, with its canonical URI", async () => {
    const data = await h.data(`{
      user(username: "jdoe") { username displayName email uri }
      category(id: 36) { id name uri }
      product(id: 73924) { id name price stock uri }
      order(id: 9) { id username status uri }
      book(isbn: "9780306406157") { isbn title author publishedYear price uri }
      vehicle(vin: "1M8GDM9AXKP042788") { vin make model year username uri }
    }`);
    expect(data.user).toEqual({
      username: "jdoe",
      displayName: "Jane Doe",
      email: "jdoe@example.com",
      uri: `${BASE_URL}/v1/users/jdoe`,
    });
    expect(data.category).toEqual({ id: 36, name: "Widgets", uri: `${BASE_URL}/v1/categories/36` });
    expect(data.product).toEqual({
      id: 73924,
      name: "The Amazing Widget",
      price: "219.99",
      stock: 42,
      uri: `${BASE_URL}/v1/products/73924`,
    });
    expect(data.order).toMatchObject({ id: 9, username: "jdoe", uri: `${BASE_URL}/v1/orders/9` });
    expect(data.book).toMatchObject({ isbn: "9780306406157", price: "45.00", publishedYear: 2019 });
    expect(data.vehicle).toMatchObject({ vin: "1M8GDM9AXKP042788", username: "jdoe" });
  });

  it("normalises identifiers: ISBN-10 with hyphens, mixed-case usernames, lower-case VINs", async () => {
    const data = await h.data(`{
      book(isbn: "0-306-40615-2") { isbn }
      user(username: "JDoe") { username }
      vehicle(vin: "1m8gdm9axkp042788") { vin }
    }`);
    expect(data).toEqual({
      book: { isbn: "9780306406157" },
      user: { username: "jdoe" },
      vehicle: { vin: "1M8GDM9AXKP042788" },
    });
  });

  it("normalises identifiers given as variables too", async () => {
    const data = await h.data(`query ($isbn: ISBN!) { book(isbn: $isbn) { isbn } }`, { isbn: "0306406152" });
    expect(data.book.isbn).toBe("9780306406157");
  });

  it("answers null for an identifier that names nothing", async () => {
    const data = await h.data(`{ product(id: 99999999) { id } book(isbn: "978-1-4028-9462-6") { isbn } }`);
    expect(data).toEqual({ product: null, book: null });
  });

  it("reaches nested-only line items through their order only", async () => {
    const data = await h.data(
      `{ order(id: 9) { lineItem(id: 12345) { id orderId productId quantity unitPrice uri } } }`,
    );
    expect(data.order.lineItem).toEqual({
      id: 12345,
      orderId: 9,
      productId: 73924,
      quantity: 2,
      unitPrice: "219.99",
      uri: `${BASE_URL}/v1/orders/9/line_items/12345`,
    });
    const other = await h.data(`{ order(id: 1) { lineItem(id: 12345) { id } } }`);
    expect(other.order?.lineItem ?? null).toBeNull();
    const queryType = h.schema.getQueryType()!.getFields();
    expect(queryType.lineItem).toBeUndefined();
    expect(queryType.lineItems).toBeUndefined();
  });
});

describe("relations", () => {
  it("follows every relation of every resource", async () => {
    const data = await h.data(`{
      user(username: "jdoe") { orders { nodes { id } } vehicles { nodes { vin } } }
      category(id: 36) { products(where: { id: { in: [73924, 73925] } }) { nodes { id } } books { nodes { isbn } } }
      product(id: 73924) { categories { nodes { id } } lineItems { nodes { id order { id } } } }
      order(id: 9) { user { username } lineItems { nodes { id product { id } } } }
      book(isbn: "9780306406157") { categories { nodes { name } } }
      vehicle(vin: "1M8GDM9AXKP042788") { owner { displayName } }
    }`);
    expect(data.user.orders.nodes).toContainEqual({ id: 9 });
    expect(data.user.vehicles.nodes).toContainEqual({ vin: "1M8GDM9AXKP042788" });
    expect(data.category.products.nodes).toEqual(expect.arrayContaining([{ id: 73924 }, { id: 73925 }]));
    expect(data.category.books.nodes).toContainEqual({ isbn: "9780306406157" });
    expect(data.product.categories.nodes).toContainEqual({ id: 36 });
    expect(data.product.lineItems.nodes).toContainEqual({ id: 12345, order: { id: 9 } });
    expect(data.order).toEqual({
      user: { username: "jdoe" },
      lineItems: {
        nodes: [
          { id: 12345, product: { id: 73924 } },
          { id: 12346, product: { id: 73925 } },
        ],
      },
    });
    expect(data.book.categories.nodes).toContainEqual({ name: "Widgets" });
    expect(data.vehicle.owner.displayName).toBe("Jane Doe");
  });

  it("gives every registry relation a field on its type", () => {
    for (const resource of registry.resources) {
      const fields = (
        h.schema.getType(resource.model) as { getFields(): Record<string, unknown> }
      ).getFields();
      for (const relation of resource.relations) expect(fields[relation.name], relation.name).toBeDefined();
    }
  });

  it("serves two aliases of one relation with different arguments", async () => {
    const data = await h.data(`{ category(id: 36) {
      cheap: products(where: { id: { gte: 73924 }, price: { lt: "100" } }) { nodes { id } }
      dear: products(where: { id: { gte: 73924 }, price: { gte: "100" } }) { nodes { id } }
    } }`);
    expect(data.category.cheap.nodes).toEqual([{ id: 73925 }]);
    expect(data.category.dear.nodes).toEqual([{ id: 73924 }]);
  });

  it("follows fragments, inline fragments and @include/@skip", async () => {
    const data = await h.data(
      `query ($withPrice: Boolean!) {
        product(id: 73924) { ...Names ... on Product { price @include(if: $withPrice) stock @skip(if: true) } }
      }
      fragment Names on Product { name categories { nodes { name } } }`,
      { withPrice: true },
    );
    expect(data.product).toEqual({
      name: "The Amazing Widget",
      categories: { nodes: [{ name: "Widgets" }] },
      price: "219.99",
    });
  });
});
