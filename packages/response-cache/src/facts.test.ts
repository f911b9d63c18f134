import { registry } from "@tusk/registry";
import { createSchema } from "@tusk/schema";
import { OperationTypeNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { operationFacts } from "./facts.ts";

const schema = createSchema();
const facts = (source: string, variables?: Record<string, unknown>) =>
  operationFacts(schema, registry, parse(source), undefined, variables);

describe("the facts of an operation", () => {
  it("tags a read with every resource it selects, nested or counted, and no other", () => {
    expect(facts("{ product(id: 1) { name } }")).toEqual({
      kind: OperationTypeNode.QUERY,
      tags: ["Product"],
      perCaller: false,
    });
    expect(
      facts("{ products(first: 2) { totalCount nodes { categories { nodes { name } } } } }").tags,
    ).toEqual(["Category", "Product"]);
    expect(facts("{ booksAggregate { count } }").tags).toEqual(["Book"]);
    expect(facts("query Q { ...F } fragment F on Query { category(id: 1) { name } }").tags).toEqual([
      "Category",
    ]);
  });

  it("tags a read with the resources its filters read across relations, by the filter given", async () => {
    const list = "query L($where: ProductFilter) { products(first: 5, where: $where) { nodes { id } } }";
    expect(facts(list)).toMatchObject({ tags: ["Product"], perCaller: false });
    expect(facts(list, { where: null })).toMatchObject({ tags: ["Product"], perCaller: false });
    expect(facts(list, { where: { name: { contains: "e" } } }).tags).toEqual(["Product"]);
    expect(facts(list, { where: { categories: { some: { name: { equals: "Widgets" } } } } }).tags).toEqual([
      "Category",
      "Product",
    ]);
    // Which products have line items depends on whose line items the caller may read.
    expect(facts(list, { where: { lineItems: { some: { quantity: { gt: 1 } } } } })).toMatchObject({
      tags: ["LineItem", "Product"],
      perCaller: true,
    });
    expect(
      facts(
        '{ products(first: 5, where: { categories: { some: { name: { equals: "x" } } } }) { nodes { id } } }',
      ).tags,
    ).toEqual(["Category", "Product"]);
  });

  it("makes a read per caller when it holds rows with an owner or private fields", () => {
    expect(facts("{ orders(first: 1) { nodes { id } } }").perCaller).toBe(true);
    expect(facts('{ user(username: "jdoe") { username } }').perCaller).toBe(true);
    expect(facts("{ categories(first: 1) { nodes { name } } }").perCaller).toBe(false);
  });

  it("invalidates from a write everything it may change: relations both ways and what lives under it", () => {
    const deleteOrder = facts("mutation { deleteOrder(id: 9) { id } }");
    expect(deleteOrder.kind).toBe(OperationTypeNode.MUTATION);
    expect(deleteOrder.tags).toEqual(expect.arrayContaining(["LineItem", "Order", "User"]));
    const membership = facts('mutation { updateProduct(id: 1, input: { name: "x" }) { id } }').tags;
    expect(membership).toEqual(expect.arrayContaining(["Category", "LineItem", "Product"]));
    expect(
      facts('mutation { createBook(input: { isbn: "9780306406158", title: "t" }) { isbn } }').tags,
    ).not.toContain("Order");
  });

  it("invalidates every resource from a write whose answer names none (a count of rows written by filter)", () => {
    const bulk = facts('mutation { deleteProducts(atMost: 5, where: { name: { equals: "x" } }) }');
    expect(bulk.tags).toEqual(registry.resources.map((r) => r.model).sort());
  });

  it("leaves introspection untagged", () => {
    expect(facts("{ __schema { queryType { name } } }").tags).toEqual([]);
  });
});
