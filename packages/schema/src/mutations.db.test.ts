import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function errorOf(source: string, variables?: Record<string, unknown>) {
  const result = await h.run(source, variables);
  expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
  return result.errors![0]!;
}

describe("create, update, delete", () => {
  it("creates, updates and deletes a user, whose username is given once and normalised", async () => {
    const created = await h.data(
      `mutation { createUser(input: { username: "NewUser", displayName: "New User", email: "new@example.com" }) { username displayName uri } }`,
    );
    expect(created.createUser).toEqual({
      username: "newuser",
      displayName: "New User",
      uri: `${BASE_URL}/v1/users/newuser`,
    });
    const updated = await h.data(
      `mutation { updateUser(username: "NEWUSER", input: { displayName: "Renamed" }) { username displayName email } }`,
    );
    expect(updated.updateUser).toEqual({
      username: "newuser",
      displayName: "Renamed",
      email: "new@example.com",
    });
    const deleted = await h.data(`mutation { deleteUser(username: "newuser") { username } }`);
    expect(deleted.deleteUser).toEqual({ username: "newuser" });
    expect(await h.db.prisma.user.findUnique({ where: { username: "newuser" } })).toBeNull();
  });

  it("creates a product with a server-assigned id and returns its relations", async () => {
    const data = await h.data(
      `mutation { createProduct(input: { name: "Gizmo", price: 12.5 }) { id name price stock categories { totalCount } } }`,
    );
    expect(data.createProduct).toMatchObject({
      name: "Gizmo",
      price: "12.50",
      stock: 0,
      categories: { totalCount: 0 },
    });
    expect(data.createProduct.id).toBeGreaterThan(0);
  });

  it("creates a book from an ISBN-10 and a vehicle for a user", async () => {
    const data = await h.data(`mutation {
      createBook(input: { isbn: "0-19-852663-6", title: "A Book", author: "An Author", price: "9.99" }) { isbn uri }
      createVehicle(input: { vin: "1hgcm82633a004352", make: "Honda", model: "Accord", year: 2003, username: "JDoe" }) { vin owner { username } }
    }`);
    expect(data.createBook).toEqual({ isbn: "9780198526636", uri: `${BASE_URL}/v1/books/9780198526636` });
    expect(data.createVehicle).toEqual({ vin: "1HGCM82633A004352", owner: { username: "jdoe" } });
  });

  it("creates a line item under its order, updates it through its order, deletes it", async () => {
    const created = await h.data(
      `mutation { createLineItem(input: { orderId: 9, productId: 73925, quantity: 3, unitPrice: "34.50" }) { id orderId uri order { id } } }`,
    );
    const id = created.createLineItem.id;
    expect(created.createLineItem).toMatchObject({
      orderId: 9,
      uri: `${BASE_URL}/v1/orders/9/line_items/${id}`,
      order: { id: 9 },
    });
    const updated = await h.data(
      `mutation ($id: Int!) { updateLineItem(orderId: 9, id: $id, input: { quantity: 4 }) { quantity } }`,
      { id },
    );
    expect(updated.updateLineItem.quantity).toBe(4);
    const wrongOrder = await errorOf(
      `mutation ($id: Int!) { updateLineItem(orderId: 1, id: $id, input: { quantity: 5 }) { id } }`,
      { id },
    );
    expect(wrongOrder.extensions?.code).toBe("NOT_FOUND");
    const deleted = await h.data(
      `mutation ($id: Int!) { deleteLineItem(orderId: 9, id: $id) { id quantity } }`,
      { id },
    );
    expect(deleted.deleteLineItem).toEqual({ id, quantity: 4 });
  });

  it("needs an existing order for a line item", async () => {
    const missing = await errorOf(
      `mutation { createLineItem(input: { orderId: 999999, productId: 73925, quantity: 1, unitPrice: "1" }) { id } }`,
    );
    expect(missing.extensions).toMatchObject({
      code: "UNPROCESSABLE",
      argumentName: "input",
      field: "orderId",
    });
    const absent = await h.run(
      `mutation { createLineItem(input: { productId: 73925, quantity: 1, unitPrice: "1" }) { id } }`,
    );
    expect(absent.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("never lets an identifier change: update inputs have no identifier fields", () => {
    const fields = (name: string) =>
      Object.keys((h.schema.getType(name) as { getFields(): object }).getFields());
    expect(fields("UpdateUserInput")).not.toContain("username");
    expect(fields("UpdateBookInput")).not.toContain("isbn");
    expect(fields("UpdateVehicleInput")).toEqual(["make", "model", "year"]);
    expect(fields("UpdateLineItemInput")).toEqual(["quantity", "unitPrice"]);
    expect(fields("CreateProductInput")).not.toContain("id");
  });

  it("refuses an identifier in an update input", async () => {
    const error = await errorOf(
      `mutation { updateBook(isbn: "9780306406157", input: { isbn: "9780198526636" }) { isbn } }`,
    );
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("memberships", () => {
  it("adds and removes a product in a category, idempotently", async () => {
    const add = `mutation { addToCategoryProducts(id: 37, productId: 73924) { products { totalCount nodes { id } } } }`;
    expect((await h.data(add)).addToCategoryProducts.products).toEqual({
      totalCount: 1,
      nodes: [{ id: 73924 }],
    });
    expect((await h.data(add)).addToCategoryProducts.products.totalCount).toBe(1);
    const remove = `mutation { removeFromCategoryProducts(id: 37, productId: 73924) { products { totalCount } } }`;
    expect((await h.data(remove)).removeFromCategoryProducts.products.totalCount).toBe(0);
    expect((await h.data(remove)).removeFromCategoryProducts.products.totalCount).toBe(0);
  });

  it("offers memberships from both sides of every many-to-many relation", () => {
    const mutations = Object.keys(h.schema.getMutationType()!.getFields());
    expect(mutations).toEqual(
      expect.arrayContaining([
        "addToCategoryProducts",
        "removeFromCategoryProducts",
        "addToProductCategories",
        "addToBookCategories",
        "removeFromCategoryBooks",
      ]),
    );
  });

  it("answers NOT_FOUND for a missing member or a missing source", async () => {
    const member = await errorOf(
      `mutation { addToBookCategories(isbn: "9780306406157", categoryId: 999999) { isbn } }`,
    );
    expect(member.extensions?.code).toBe("NOT_FOUND");
    const source = await errorOf(
      `mutation { addToBookCategories(isbn: "978-1-4028-9462-6", categoryId: 36) { isbn } }`,
    );
    expect(source.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("input validation and write errors", () => {
  it.each([
    [
      "a negative quantity",
      `createLineItem(input: { orderId: 9, productId: 73924, quantity: -1, unitPrice: "1" }) { id }`,
      "quantity",
      "must not be negative",
    ],
    [
      "a negative price",
      `createProduct(input: { name: "x", price: "-0.01" }) { id }`,
      "price",
      "must not be negative",
    ],
    [
      "too many decimal places",
      `createProduct(input: { name: "x", price: "1.005" }) { id }`,
      "price",
      "has more than 2 decimal places",
    ],
    [
      "a string over the column length",
      `createCategory(input: { name: "${"x".repeat(201)}" }) { id }`,
      "name",
      "must be at most 200 characters",
    ],
    [
      "a NUL byte in a text field (PostgreSQL cannot store it; it was a 500)",
      `createCategory(input: { name: "a\\u0000b" }) { id }`,
      "name",
      "must not contain the NUL character (U+0000)",
    ],
    [
      "a JSON number a double cannot carry exactly (0.1 + 0.2)",
      `createProduct(input: { name: "x", price: 0.30000000000000004 }) { id }`,
      "price",
      expect.stringMatching(/15 significant digits/),
    ],
    [
      "a tiny JSON number, once silently stored as 0.00",
      `createProduct(input: { name: "x", price: 1e-7 }) { id }`,
      "price",
      "has more than 2 decimal places",
    ],
    [
      "a huge JSON number, once an internal error",
      `createProduct(input: { name: "x", price: 1e21 }) { id }`,
      "price",
      "must be less than 10^10",
    ],
    [
      "a decimal with spaces, once trimmed and stored",
      `createProduct(input: { name: "x", price: " 2 " }) { id }`,
      "price",
      expect.stringMatching(/not a decimal number/),
    ],
    [
      "null for a required field",
      `updateProduct(id: 73924, input: { name: null }) { id }`,
      "name",
      "cannot be null",
    ],
  ])("refuses %s with BAD_USER_INPUT naming the field", async (_name, mutation, field, reason) => {
    const error = await errorOf(`mutation { ${mutation} }`);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input", field, reason });
  });

  it("answers CONFLICT for a second user with the same username or email", async () => {
    const taken = await errorOf(
      `mutation { createUser(input: { username: "jdoe", displayName: "Imposter", email: "other@example.com" }) { username } }`,
    );
    expect(taken.extensions?.code).toBe("CONFLICT");
    const email = await errorOf(
      `mutation { createUser(input: { username: "other", displayName: "Other", email: "jdoe@example.com" }) { username } }`,
    );
    expect(email.extensions).toMatchObject({ code: "CONFLICT", argumentName: "input", field: "email" });
    expect(email.message).toContain("email");
  });

  it("answers NOT_FOUND when updating or deleting what does not exist", async () => {
    expect(
      (await errorOf(`mutation { updateProduct(id: 99999999, input: { stock: 1 }) { id } }`)).extensions
        ?.code,
    ).toBe("NOT_FOUND");
    expect(
      (await errorOf(`mutation { deleteBook(isbn: "978-1-4028-9462-6") { isbn } }`)).extensions?.code,
    ).toBe("NOT_FOUND");
  });

  it("answers CONFLICT when deleting what others still refer to", async () => {
    const error = await errorOf(`mutation { deleteProduct(id: 73924) { id } }`);
    expect(error.extensions?.code).toBe("CONFLICT");
    expect(await h.db.prisma.product.findUnique({ where: { id: 73924 } })).not.toBeNull();
  });

  it("rolls back a failed write", async () => {
    const before = await h.db.prisma.category.count();
    await errorOf(`mutation { createCategory(input: { name: "Widgets" }) { id } }`);
    expect(await h.db.prisma.category.count()).toBe(before);
  });
});
