import { registry } from "@tusk/registry";
import { createSchema, queryLimitRules } from "@tusk/schema";
import { specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { OperationCatalog } from "./catalog.ts";

describe("OperationCatalog", () => {
  const schema = createSchema({ registry });
  const catalog = new OperationCatalog(schema, registry);

  it("builds a valid document for every route shape of every resource, within the query limits", () => {
    const rules = [...specifiedRules, ...queryLimitRules(schema)];
    const count = catalog.buildAll(rules);
    expect(count).toBeGreaterThan(registry.resources.length * 3);
    for (const resource of registry.resources) {
      for (const kind of resource.parent
        ? (["item"] as const)
        : (["item", "collection", "aggregate"] as const)) {
        const built = catalog.operation({ kind, resource });
        expect(validate(schema, built.operation.document, rules), built.operation.id).toEqual([]);
      }
      for (const relation of resource.relations) {
        const built = catalog.operation({ kind: "relation", resource, relation });
        expect(validate(schema, built.operation.document, rules), built.operation.id).toEqual([]);
      }
    }
  });

  it("refuses at build time a schema the documents do not fit, naming the shape", () => {
    const products = registry.byPath("products");
    if (!products) throw new Error("no products");
    // A schema whose page sizes allow one level only: every document with a nested page is too costly.
    const strict = createSchema({ registry, limits: { maxDepth: 2 } });
    const rules = [...specifiedRules, ...queryLimitRules(strict, { maxDepth: 2 })];
    expect(() => new OperationCatalog(strict, registry).buildAll(rules)).toThrow(
      /do not fit the GraphQL schema:[\s\S]*collection:Product: /,
    );
  });

  it("builds each document once and hands out the same one afterwards", () => {
    const products = registry.byPath("products");
    if (!products) throw new Error("no products");
    const first = catalog.operation({ kind: "collection", resource: products });
    expect(catalog.operation({ kind: "collection", resource: products })).toBe(first);
  });

  it("locates nested-only resources under their parent", () => {
    const lineItems = registry.byPath("line_items");
    if (!lineItems) throw new Error("no line items");
    const built = catalog.operation({ kind: "item", resource: lineItems });
    expect(built.sourcePath).toEqual(["parent", "node"]);
    expect(built.operation.source).toMatch(/parent: order\(id: \$parentId\) \{ node: lineItem\(id: \$id\)/);
  });

  it("reads filter operators, sort fields and aggregates from the schema", () => {
    const products = registry.byPath("products");
    if (!products) throw new Error("no products");
    const facts = catalog.factsOf(products);
    expect([...(facts.filters.get("name")?.keys() ?? [])]).toEqual(
      expect.arrayContaining(["contains", "startsWith"]),
    );
    expect(facts.filters.get("price")?.get("in")).toMatchObject({ shape: "list", scalar: "Decimal" });
    expect(facts.sortFields.has("price")).toBe(true);
    expect(facts.aggregates.get("sum")).toContain("price");
  });
});
