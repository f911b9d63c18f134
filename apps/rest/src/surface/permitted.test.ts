import { registry } from "@tusk/registry";
import { describe, expect, it } from "vitest";
import { allowedMethods, EVERYTHING, type Permission } from "./permitted.ts";

const products = registry.byPath("products")!;
const categories = registry.byPath("categories")!;
const orders = registry.byPath("orders")!;
const productCategories = products.relation("categories")!;

/** A caller with read scopes only. */
const readOnly: Permission = (_resource, access) => access === "read";
/** A caller who may read and write orders, and read what is public. */
const customer: Permission = (resource, access) =>
  resource === orders || (access === "read" && resource.access.public);

describe("Allow per caller", () => {
  it("without a permission, lists everything the route serves", () => {
    expect(allowedMethods({ kind: "item", resource: products })).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
      "PATCH",
      "DELETE",
    ]);
    expect(allowedMethods({ kind: "collection", resource: products }, EVERYTHING)).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
      "POST",
      "PATCH",
      "DELETE",
    ]);
  });

  it("leaves out the writes a read-only caller may not make", () => {
    expect(allowedMethods({ kind: "item", resource: products }, readOnly)).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
    ]);
    expect(allowedMethods({ kind: "collection", resource: orders }, customer)).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
      "POST",
      "PATCH",
      "DELETE",
    ]);
    expect(allowedMethods({ kind: "collection", resource: products }, customer)).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
    ]);
  });

  it("asks about the resource each operation changes: a membership is the route's resource's", () => {
    const membership = { kind: "relation-item", resource: products, relation: productCategories } as const;
    const categoryWriter: Permission = (resource, access) => access === "read" || resource === categories;
    expect(allowedMethods(membership, categoryWriter)).toEqual(["GET", "HEAD", "OPTIONS"]);
    const productWriter: Permission = (resource, access) => access === "read" || resource === products;
    expect(allowedMethods(membership, productWriter)).toEqual(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
  });

  it("leaves out GET and HEAD where the caller may not read, and keeps OPTIONS and the API's own documents", () => {
    const nobody: Permission = () => false;
    expect(allowedMethods({ kind: "item", resource: orders }, nobody)).toEqual(["OPTIONS"]);
    expect(allowedMethods({ kind: "view", resource: orders, name: "summary" }, nobody)).toEqual(["OPTIONS"]);
    expect(allowedMethods({ kind: "definition", resource: orders }, nobody)).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
    ]);
    expect(allowedMethods({ kind: "root" }, nobody)).toEqual(["GET", "HEAD", "OPTIONS"]);
  });
});
