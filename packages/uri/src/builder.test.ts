import { buildRegistry, definition, readGeneratedDatamodel, registry } from "@tusk/registry";
import { describe, expect, test } from "vitest";
import { createUriBuilder } from "./builder.ts";

const uris = createUriBuilder({ registry, baseUrl: "http://localhost:4000" });
const resource = (model: string) => {
  const found = registry.byModel(model);
  if (!found) throw new Error(`no resource ${model}`);
  return found;
};
const relation = (model: string, name: string) => {
  const found = resource(model).relation(name);
  if (!found) throw new Error(`no relation ${model}.${name}`);
  return found;
};
const [product, category, order, lineItem, book, user, vehicle] = [
  "Product",
  "Category",
  "Order",
  "LineItem",
  "Book",
  "User",
  "Vehicle",
].map(resource) as [
  ReturnType<typeof resource>,
  ReturnType<typeof resource>,
  ReturnType<typeof resource>,
  ReturnType<typeof resource>,
  ReturnType<typeof resource>,
  ReturnType<typeof resource>,
  ReturnType<typeof resource>,
];

/** The same registry with products offering no views. */
const withoutViews = buildRegistry(readGeneratedDatamodel(), {
  ...definition,
  resources: { ...definition.resources, Product: { ...definition.resources.Product, views: [] } },
});
const productWithoutViews = withoutViews.byModel("Product")!;

describe("createUriBuilder", () => {
  test("defaults to v1 and drops trailing slashes from the base", () => {
    const built = createUriBuilder({ registry, baseUrl: "https://api.example.com/" });
    expect(built.baseUrl).toBe("https://api.example.com");
    expect(built.version).toBe("v1");
    expect(built.root()).toBe("https://api.example.com/v1");
  });

  test("normalises the base URL as URL parsing does", () => {
    expect(createUriBuilder({ registry, baseUrl: "HTTPS://API.Example.COM:443/api/" }).baseUrl).toBe(
      "https://api.example.com/api",
    );
    expect(createUriBuilder({ registry, baseUrl: "http://localhost:4000" }).baseUrl).toBe(
      "http://localhost:4000",
    );
  });

  test("takes another version", () => {
    const v2 = createUriBuilder({ registry, baseUrl: "https://x.test", version: "v2" });
    expect(v2.collection(product)).toBe("https://x.test/v2/products");
    expect(v2.parse("/v2/products/5")).toMatchObject({ ok: true, route: { kind: "item", id: 5 } });
    expect(v2.parse("/v1/products/5")).toMatchObject({ ok: false, reason: { code: "wrong-version" } });
  });

  test.each([
    "localhost:4000",
    "/relative",
    "ftp://x.test",
    "https://x.test/?q=1",
    "https://x.test/?",
    "https://x.test/#f",
  ])("refuses the base URL %j", (baseUrl) => {
    expect(() => createUriBuilder({ registry, baseUrl })).toThrow(TypeError);
  });

  test("refuses a version that is not one path segment", () => {
    expect(() => createUriBuilder({ registry, baseUrl: "https://x.test", version: "v1/beta" })).toThrow(
      TypeError,
    );
  });
});

describe("builds", () => {
  test.each<[string, () => string, string]>([
    ["root", () => uris.root(), "http://localhost:4000/v1"],
    ["openapi", () => uris.openapi(), "http://localhost:4000/v1/openapi.json"],
    ["problem", () => uris.problem("NOT_FOUND"), "http://localhost:4000/v1/problems/not_found"],
    [
      "relation rel",
      () => uris.relationRel(product, relation("Product", "categories")),
      "http://localhost:4000/v1/categories/definition",
    ],
    ["relation rel to a parent", () => uris.relationRel(lineItem, relation("LineItem", "order")), "up"],
    ["collection", () => uris.collection(product), "http://localhost:4000/v1/products"],
    [
      "item",
      () => uris.item(product, { id: 73924, name: "Widget" }),
      "http://localhost:4000/v1/products/73924",
    ],
    ["item by username", () => uris.item(user, { username: "jdoe" }), "http://localhost:4000/v1/users/jdoe"],
    [
      "item by ISBN",
      () => uris.item(book, { isbn: "9780306406157" }),
      "http://localhost:4000/v1/books/9780306406157",
    ],
    [
      "item by VIN",
      () => uris.item(vehicle, { vin: "1M8GDM9AXKP042788" }),
      "http://localhost:4000/v1/vehicles/1M8GDM9AXKP042788",
    ],
    [
      "nested item",
      () => uris.item(lineItem, { id: 12345, orderId: 9 }),
      "http://localhost:4000/v1/orders/9/line_items/12345",
    ],
    ["itemById", () => uris.itemById(product, 73924), "http://localhost:4000/v1/products/73924"],
    [
      "itemById, non-canonical",
      () => uris.itemById(product, "073924"),
      "http://localhost:4000/v1/products/73924",
    ],
    [
      "itemById, ISBN-10",
      () => uris.itemById(book, "0-306-40615-2"),
      "http://localhost:4000/v1/books/9780306406157",
    ],
    ["itemById, username", () => uris.itemById(user, "JDoe"), "http://localhost:4000/v1/users/jdoe"],
    [
      "itemById, nested",
      () => uris.itemById(lineItem, 12345, "9"),
      "http://localhost:4000/v1/orders/9/line_items/12345",
    ],
    [
      "relation",
      () => uris.relation(category, { id: 36 }, relation("Category", "products")),
      "http://localhost:4000/v1/categories/36/products",
    ],
    [
      "relation to nested children",
      () => uris.relation(order, { id: 9 }, relation("Order", "lineItems")),
      "http://localhost:4000/v1/orders/9/line_items",
    ],
    [
      "to-one relation",
      () => uris.relation(order, { id: 9, username: "jdoe" }, relation("Order", "user")),
      "http://localhost:4000/v1/orders/9/user",
    ],
    [
      "relation of a nested item",
      () => uris.relation(lineItem, { id: 12345, orderId: 9 }, relation("LineItem", "product")),
      "http://localhost:4000/v1/orders/9/line_items/12345/product",
    ],
    [
      "relationItem",
      () => uris.relationItem(category, { id: 36 }, relation("Category", "products"), { id: 73924 }),
      "http://localhost:4000/v1/categories/36/products/73924",
    ],
    [
      "relationItem to a nested child is its canonical URI",
      () => uris.relationItem(order, { id: 9 }, relation("Order", "lineItems"), { id: 12345, orderId: 9 }),
      "http://localhost:4000/v1/orders/9/line_items/12345",
    ],
    [
      "relationItem to a nested resource not under this parent",
      () =>
        uris.relationItem(product, { id: 5 }, relation("Product", "lineItems"), { id: 12345, orderId: 9 }),
      "http://localhost:4000/v1/products/5/line_items/12345",
    ],
    ["definition", () => uris.definition(product), "http://localhost:4000/v1/products/definition"],
    [
      "definition of a nested resource",
      () => uris.definition(lineItem),
      "http://localhost:4000/v1/line_items/definition",
    ],
    ["view", () => uris.view(product, "summary"), "http://localhost:4000/v1/products/views/summary"],
    [
      "view over a relation",
      () => uris.relationView(category, { id: 36 }, relation("Category", "products"), "summary"),
      "http://localhost:4000/v1/categories/36/products/views/summary",
    ],
    [
      "view over a parent's nested-only children",
      () => uris.relationView(order, { id: 9 }, relation("Order", "lineItems"), "summary"),
      "http://localhost:4000/v1/orders/9/line_items/views/summary",
    ],
    ["url", () => uris.url("/v1/products/73924"), "http://localhost:4000/v1/products/73924"],
  ])("%s", (_, build, expected) => {
    expect(build()).toBe(expected);
  });
});

describe("refuses to build what cannot be served", () => {
  test.each<[string, () => string]>([
    ["a root collection for a nested-only resource", () => uris.collection(lineItem)],
    ["an item without its identifier", () => uris.item(product, { name: "Widget" })],
    ["a nested item without its parent's key", () => uris.item(lineItem, { id: 12345 })],
    ["an invalid identifier", () => uris.item(product, { id: 0 })],
    ["an identifier of the wrong type", () => uris.item(product, { id: true })],
    ["a reserved word", () => uris.itemById(user, "definition")],
    ["a slash in an identifier its rule refuses", () => uris.itemById(user, "j/doe")],
    ["a bad check digit", () => uris.itemById(book, "9780306406153")],
    ["a nested item by id without parent id", () => uris.itemById(lineItem, 12345)],
    ["a root item with a parent id", () => uris.itemById(product, 1, 2)],
    [
      "a relation of another resource",
      () => uris.relation(product, { id: 1 }, relation("Category", "products")),
    ],
    [
      "an item of a to-one relation",
      () => uris.relationItem(order, { id: 9 }, relation("Order", "user"), { username: "jdoe" }),
    ],
    [
      "a relational item without its id",
      () => uris.relationItem(category, { id: 36 }, relation("Category", "products"), {}),
    ],
    ["a view of a nested-only resource at the root", () => uris.view(lineItem, "summary")],
    [
      "a view over a to-one relation",
      () => uris.relationView(order, { id: 9 }, relation("Order", "user"), "summary"),
    ],
    ["a view the resource does not offer", () => uris.view(productWithoutViews, "summary")],
    ["a URL for a path outside the version", () => uris.url("/v2/products")],
  ])("%s", (_, build) => {
    expect(build).toThrow(TypeError);
  });
});

describe("views are the registry's", () => {
  test("a resource that offers no views has none to parse, at the root or under a relation", () => {
    const parser = createUriBuilder({ registry: withoutViews, baseUrl: "http://localhost:4000" });
    expect(parser.parse("/v1/products/views/summary")).toMatchObject({
      ok: false,
      reason: { code: "not-found" },
    });
    expect(parser.parse("/v1/categories/36/products/views/summary")).toMatchObject({ ok: false });
    expect(parser.parse("/v1/categories/views/summary")).toMatchObject({ ok: true, route: { kind: "view" } });
  });
});
