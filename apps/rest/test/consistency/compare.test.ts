import { type Resource, registry } from "@tusk/registry";
import { describe, expect, it } from "vitest";
import { compareItems } from "./compare.ts";

const products = registry.byPath("products") as Resource;
const restProduct = (id: number, price: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `P${id}`,
  price,
  created_at: "2026-01-15T09:30:00.000Z",
  _links: [],
  ...extra,
});
const graphqlProduct = (id: number, price: string) => ({
  id,
  name: `P${id}`,
  price,
  createdAt: "2026-01-15T09:30:00.000Z",
});

describe("compareItems, the consistency suite's comparator", () => {
  it("finds nothing when snake_case REST members equal camelCase GraphQL fields", () => {
    const rest = [restProduct(1, "2.50"), restProduct(2, "3.00")];
    expect(compareItems(products, rest, [graphqlProduct(1, "2.50"), graphqlProduct(2, "3.00")])).toEqual([]);
  });

  it("reports a missing item, and items in another order", () => {
    const graphql = [graphqlProduct(1, "2.50"), graphqlProduct(2, "3.00")];
    expect(compareItems(products, [restProduct(1, "2.50")], graphql)).toEqual([
      "products: ids differ: REST [1], GraphQL [1,2]",
    ]);
    const reversed = [restProduct(2, "3.00"), restProduct(1, "2.50")];
    expect(compareItems(products, reversed, graphql)[0]).toMatch(/ids differ/);
  });

  it("reports a changed value, compared in its GraphQL string form", () => {
    const mismatches = compareItems(products, [restProduct(1, "2.5")], [graphqlProduct(1, "2.50")]);
    expect(mismatches).toEqual(['products[1].price: REST "2.5", GraphQL "2.50"']);
  });

  it("reports a member present on one side only, and members the registry does not know", () => {
    const { price: _dropped, ...withoutPrice } = restProduct(1, "2.50");
    expect(compareItems(products, [withoutPrice], [graphqlProduct(1, "2.50")])).toEqual([
      "products[1].price: present in GraphQL only",
    ]);
    const extra = restProduct(1, "2.50", { secret: true });
    expect(compareItems(products, [extra], [graphqlProduct(1, "2.50")])).toEqual([
      "products[1]: unexpected member secret",
    ]);
  });

  it("compares zoomed relations, and reports embeds nobody asked for", () => {
    const category = { id: 36, name: "Widgets" };
    const rest = restProduct(1, "2.50", { _embeds: [{ categories: [{ ...category, _links: [] }] }] });
    const graphql = { ...graphqlProduct(1, "2.50"), categories: { nodes: [category] } };
    expect(compareItems(products, [rest], [graphql], ["categories"])).toEqual([]);
    const renamed = { ...graphql, categories: { nodes: [{ ...category, name: "Gadgets" }] } };
    expect(compareItems(products, [rest], [renamed], ["categories"])).toEqual([
      'products[1]._embeds.categories[36].name: REST "Widgets", GraphQL "Gadgets"',
    ]);
    expect(compareItems(products, [rest], [graphqlProduct(1, "2.50")])).toEqual([
      "products[1]: _embeds without zoom",
    ]);
  });
});
