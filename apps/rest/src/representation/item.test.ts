import { registry } from "@tusk/registry";
import { createUriBuilder } from "@tusk/uri";
import { describe, expect, it } from "vitest";
import { EVERYTHING, type Permission } from "../surface/index.ts";
import { itemLinks, toItem } from "./item.ts";

const uris = createUriBuilder({ registry, baseUrl: "http://rest.test" });
const products = registry.byPath("products")!;
const lineItems = registry.byPath("line_items")!;
const product = { id: 73924, name: "The Amazing Widget" };
const methods = (links: readonly { rel: string; method: string }[]) =>
  links.filter((link) => link.rel === "edit").map((link) => link.method);

describe("links per caller", () => {
  it("offers every write the item accepts to a caller who may make it", () => {
    expect(methods(itemLinks(uris, products, product, EVERYTHING))).toEqual(["PATCH", "DELETE"]);
  });

  it("never offers a read-only caller a write, nor a relation it may not read", () => {
    const anonymous: Permission = (resource, access) => access === "read" && resource.access.public;
    const links = itemLinks(uris, products, product, anonymous);
    expect(methods(links)).toEqual([]);
    expect(links.map((link) => link.name).filter(Boolean)).toEqual(["categories"]);
    expect(links.every((link) => link.method === "GET")).toBe(true);
  });

  it("links the parent only for a caller who may read it, and passes the caller to embedded items", () => {
    const lineItem = { id: 12345, orderId: 9, productId: 73924, product };
    const noOrders: Permission = (resource) => resource.path !== "orders";
    const links = itemLinks(uris, lineItems, lineItem, noOrders);
    expect(links.find((link) => link.rel === "up")).toBeUndefined();
    expect(methods(links)).toEqual(["PATCH", "DELETE"]);
    const readOnly: Permission = (_resource, access) => access === "read";
    const zoomed = toItem(uris, lineItems, lineItem, readOnly, new Set(["product"]));
    expect(zoomed.embeds[0]?.items[0]?.links.filter((link) => link.rel === "edit")).toEqual([]);
    expect(itemLinks(uris, lineItems, lineItem, readOnly).find((link) => link.rel === "up")?.href).toBe(
      "http://rest.test/v1/orders/9",
    );
  });
});
