import { ERROR_CODES } from "@tusk/errors";
import { isReservedWord } from "@tusk/identifiers";
import { registry } from "@tusk/registry";
import { describe, expect, test } from "vitest";
import { createUriBuilder } from "./builder.ts";
import { PROBLEMS } from "./paths.ts";
import type { Route } from "./route.ts";

const uris = createUriBuilder({ registry, baseUrl: "https://api.example.com" });

/** A route with resources and relations replaced by their names, so tables stay readable. */
function summary(route: Route): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(route, (key, value) => {
      if (key === "resource") return value.model;
      if (key === "relation") return value.name;
      return value;
    }),
  );
}

function parsed(path: string): Record<string, unknown> {
  const result = uris.parse(path);
  if (!result.ok) throw new Error(`${path}: ${result.reason.message}`);
  return summary(result.route);
}

describe("every route kind", () => {
  test.each<[string, Record<string, unknown>]>([
    ["/v1", { kind: "root", canonical: true, canonicalPath: "/v1" }],
    ["/v1/openapi.json", { kind: "openapi", canonical: true, canonicalPath: "/v1/openapi.json" }],
    [
      "/v1/problems/uri_too_long",
      { kind: "problem", code: "URI_TOO_LONG", canonical: true, canonicalPath: "/v1/problems/uri_too_long" },
    ],
    [
      "/v1/products",
      { kind: "collection", resource: "Product", canonical: true, canonicalPath: "/v1/products" },
    ],
    [
      "/v1/products/73924",
      { kind: "item", resource: "Product", id: 73924, canonical: true, canonicalPath: "/v1/products/73924" },
    ],
    [
      "/v1/categories/36/products",
      {
        kind: "relation",
        resource: "Category",
        id: 36,
        relation: "products",
        canonical: true,
        canonicalPath: "/v1/categories/36/products",
      },
    ],
    [
      "/v1/categories/36/products/73924",
      {
        kind: "relation-item",
        resource: "Category",
        id: 36,
        relation: "products",
        targetId: 73924,
        canonical: true,
        canonicalPath: "/v1/categories/36/products/73924",
        canonicalResourceUri: "/v1/products/73924",
      },
    ],
    [
      "/v1/orders/9/line_items",
      {
        kind: "relation",
        resource: "Order",
        id: 9,
        relation: "lineItems",
        canonical: true,
        canonicalPath: "/v1/orders/9/line_items",
      },
    ],
    [
      "/v1/orders/9/line_items/12345",
      {
        kind: "item",
        resource: "LineItem",
        id: 12345,
        parent: { resource: "Order", id: 9 },
        canonical: true,
        canonicalPath: "/v1/orders/9/line_items/12345",
      },
    ],
    [
      "/v1/orders/9/line_items/12345/product",
      {
        kind: "relation",
        resource: "LineItem",
        id: 12345,
        parent: { resource: "Order", id: 9 },
        relation: "product",
        canonical: true,
        canonicalPath: "/v1/orders/9/line_items/12345/product",
      },
    ],
    [
      "/v1/vehicles/1M8GDM9AXKP042788/owner",
      {
        kind: "relation",
        resource: "Vehicle",
        id: "1M8GDM9AXKP042788",
        relation: "owner",
        canonical: true,
        canonicalPath: "/v1/vehicles/1M8GDM9AXKP042788/owner",
      },
    ],
    [
      "/v1/products/definition",
      { kind: "definition", resource: "Product", canonical: true, canonicalPath: "/v1/products/definition" },
    ],
    [
      "/v1/line_items/definition",
      {
        kind: "definition",
        resource: "LineItem",
        canonical: true,
        canonicalPath: "/v1/line_items/definition",
      },
    ],
    [
      "/v1/products/74921/definition",
      {
        kind: "definition",
        resource: "Product",
        item: { id: 74921 },
        canonical: true,
        canonicalPath: "/v1/products/74921/definition",
        canonicalResourceUri: "/v1/products/definition",
      },
    ],
    [
      "/v1/products/views/summary",
      {
        kind: "view",
        resource: "Product",
        name: "summary",
        canonical: true,
        canonicalPath: "/v1/products/views/summary",
        collectionPath: "/v1/products",
      },
    ],
    [
      "/v1/categories/36/products/views/summary",
      {
        kind: "relation-view",
        resource: "Category",
        id: 36,
        relation: "products",
        name: "summary",
        canonical: true,
        canonicalPath: "/v1/categories/36/products/views/summary",
        collectionPath: "/v1/categories/36/products",
      },
    ],
    [
      "/v1/orders/9/line_items/views/summary",
      {
        kind: "relation-view",
        resource: "Order",
        id: 9,
        relation: "lineItems",
        name: "summary",
        canonical: true,
        canonicalPath: "/v1/orders/9/line_items/views/summary",
        collectionPath: "/v1/orders/9/line_items",
      },
    ],
  ])("%s", (path, expected) => {
    expect(parsed(path)).toEqual(expected);
  });
});

describe("problem types", () => {
  test("every error code has one, under a segment no resource can take", () => {
    expect(isReservedWord(PROBLEMS)).toBe(true);
    for (const code of ERROR_CODES) {
      const result = uris.parse(uris.problem(code));
      expect(result.ok && result.route.kind === "problem" && result.route.code, code).toBe(code);
    }
  });
});

describe("non-canonical identifiers parse, with the canonical path", () => {
  test.each([
    ["/v1/products/073924", "/v1/products/73924"],
    ["/v1/users/JDoe", "/v1/users/jdoe"],
    ["/v1/users/J%44oe", "/v1/users/jdoe"],
    ["/v1/users/jdo%65", "/v1/users/jdoe"],
    ["/v1/books/0-306-40615-2", "/v1/books/9780306406157"],
    ["/v1/books/0306406152", "/v1/books/9780306406157"],
    ["/v1/books/978-0-306-40615-7", "/v1/books/9780306406157"],
    ["/v1/books/978%200%20306%2040615%207", "/v1/books/9780306406157"],
    ["/v1/vehicles/1m8gdm9axkp042788", "/v1/vehicles/1M8GDM9AXKP042788"],
    ["/v1/orders/009/line_items/012345", "/v1/orders/9/line_items/12345"],
    ["/v1/categories/036/products/073924", "/v1/categories/36/products/73924"],
    ["/v1/products/074921/definition", "/v1/products/74921/definition"],
    ["/v1/products/views/%73ummary", "/v1/products/views/summary"],
    ["/v1/categories/36/products/views/%73ummary", "/v1/categories/36/products/views/summary"],
    ["/v1/categories/036/products/views/summary", "/v1/categories/36/products/views/summary"],
  ])("%s -> %s", (path, canonicalPath) => {
    expect(parsed(path)).toMatchObject({ canonical: false, canonicalPath });
  });
});

describe("former path names", () => {
  test.each([
    ["/v1/items", "collection", "items", "/v1/products"],
    ["/v1/items/73924", "item", "items", "/v1/products/73924"],
    ["/v1/items/073924", "item", "items", "/v1/products/73924"],
    ["/v1/items/definition", "definition", "items", "/v1/products/definition"],
    ["/v1/sections/36", "item", "sections", "/v1/categories/36"],
    ["/v1/sections/36/products/73924", "relation-item", "sections", "/v1/categories/36/products/73924"],
    ["/v1/items/views/summary", "view", "items", "/v1/products/views/summary"],
    [
      "/v1/sections/36/products/views/summary",
      "relation-view",
      "sections",
      "/v1/categories/36/products/views/summary",
    ],
  ])("%s is a %s moved from %s to %s", (path, kind, movedFrom, canonicalPath) => {
    expect(parsed(path)).toMatchObject({ kind, movedFrom, canonical: false, canonicalPath });
  });
});

describe("the query string and fragment are not part of the route", () => {
  test.each([
    ["/v1/products?limit=5", "/v1/products", true],
    ["/v1/products/73924#top", "/v1/products/73924", true],
    ["/v1/products/073924?zoom=x", "/v1/products/73924", false],
  ])("%s", (path, canonicalPath, canonical) => {
    expect(parsed(path)).toMatchObject({ canonicalPath, canonical });
  });
});

describe("absolute URIs", () => {
  test.each([
    "https://api.example.com/v1/products/73924",
    "HTTPS://API.EXAMPLE.COM:443/v1/products/73924",
    "https://api.example.com/v1/products/73924?x=1",
  ])("%s under the base parses", (url) => {
    expect(parsed(url)).toMatchObject({ kind: "item", id: 73924, canonical: true });
  });

  test("a base URL with a path prefix", () => {
    const prefixed = createUriBuilder({ registry, baseUrl: "https://example.com/api/" });
    expect(prefixed.parse("https://example.com/api/v1/products/5")).toMatchObject({
      ok: true,
      route: { kind: "item", id: 5 },
    });
    expect(prefixed.parse("https://example.com/v1/products/5")).toMatchObject({
      ok: false,
      reason: { code: "foreign-base" },
    });
  });
});

describe("errors", () => {
  test.each([
    ["/v1/widgets", "not-found"],
    ["/v1/product/5", "not-found"],
    ["/v1/Products", "not-found"],
    ["/v1/line_items", "not-found"],
    ["/v1/line_items/5", "not-found"],
    ["/v1/products/", "not-found"],
    ["/v1/", "not-found"],
    ["/v1//products", "not-found"],
    ["/v1/products/73924/", "not-found"],
    ["/v1/products/73924/manufacturer", "not-found"],
    ["/v1/products/73924/categories/36/products", "not-found"],
    ["/v1/categories/36/products/73924/definition", "not-found"],
    ["/v1/orders/9/user/jdoe", "not-found"],
    ["/v1/products/views", "not-found"],
    ["/v1/categories/36/products/views", "not-found"],
    ["/v1/products/views/top-sellers", "not-found"],
    ["/v1/categories/36/products/views/top-sellers", "not-found"],
    ["/v1/categories/36/products/views/summary/x", "not-found"],
    ["/v1/products/73924/views/summary", "not-found"],
    ["/v1/orders/9/line_items/12345/views/summary", "not-found"],
    ["/v1/orders/9/user/views/summary", "not-found"],
    ["/v1/line_items/views/summary", "not-found"],
    ["/v1/products/views/a/b", "not-found"],
    ["/v1/products/views/%zz", "not-found"],
    ["/v1/products/views/%2E", "not-found"],
    ["/v1/products/views/..", "not-found"],
    ["/v1/products/definition/x", "not-found"],
    ["/v1/openapi.json/x", "not-found"],
    ["/v1/problems", "not-found"],
    ["/v1/problems/NOT_FOUND", "not-found"],
    ["/v1/problems/not-found", "not-found"],
    ["/v1/problems/not_found/x", "not-found"],
    ["/products", "not-found"],
    ["", "not-found"],
    ["products/5", "not-found"],
    ["//api.example.com/v1/products", "not-found"],
    ["/v2/products", "wrong-version"],
    ["/v0", "wrong-version"],
    ["https://api.example.com/v2/products", "wrong-version"],
    ["https://evil.example.com/v1/products", "foreign-base"],
    ["http://api.example.com/v1/products", "foreign-base"],
    ["https://api.example.com:8443/v1/products", "foreign-base"],
  ])("%j is %s", (path, code) => {
    const result = uris.parse(path);
    expect(result.ok ? "ok" : result.reason.code).toBe(code);
  });

  test.each([
    ["/v1/products/abc", "Product", 1, "abc", "bad-character"],
    ["/v1/products/0", "Product", 1, "0", "out-of-range"],
    ["/v1/products/new", "Product", 1, "new", "reserved"],
    ["/v1/products/%zz", "Product", 1, "%zz", "bad-format"],
    ["/v1/users/ab", "User", 1, "ab", "too-short"],
    ["/v1/users/Views", "User", 1, "Views", "reserved"],
    ["/v1/users/j%2Fdoe", "User", 1, "j%2Fdoe", "bad-character"],
    ["/v1/users/j%20doe", "User", 1, "j%20doe", "bad-character"],
    ["/v1/users/j%25doe", "User", 1, "j%25doe", "bad-character"],
    ["/v1/users/jdo%C3%A9", "User", 1, "jdo%C3%A9", "bad-character"],
    ["/v1/books/9780306406153", "Book", 1, "9780306406153", "check-digit"],
    ["/v1/vehicles/1M8GDM9AXKP04278O", "Vehicle", 1, "1M8GDM9AXKP04278O", "bad-character"],
    ["/v1/categories/36/products/x", "Product", 3, "x", "bad-character"],
    ["/v1/orders/9/line_items/-1", "LineItem", 3, "-1", "bad-character"],
    ["/v1/orders/x/line_items/1", "Order", 1, "x", "bad-character"],
  ])("%s: bad %s identifier at segment %i", (path, model, position, segment, code) => {
    const result = uris.parse(path);
    if (result.ok || result.reason.code !== "bad-identifier") throw new Error(`expected bad-identifier`);
    expect(result.reason.resource.model).toBe(model);
    expect(result.reason.position).toBe(position);
    expect(result.reason.segment).toBe(segment);
    expect(result.reason.error.code).toBe(code);
    expect(result.reason.message).toContain(segment);
  });
});
