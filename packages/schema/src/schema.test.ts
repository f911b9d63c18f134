import { registry } from "@tusk/registry";
import { type GraphQLObjectType, lexicographicSortSchema, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { graphqlNames } from "./names.ts";
import { createSchema } from "./schema.ts";

const schema = createSchema();

describe("the schema derived from the registry", () => {
  // The published SDL (docs/graphql.md): clients generate their types from it, so it must be the
  // live schema, printed sorted. Update it with `npx vitest run -u` after an intended change.
  it("is the reviewed and published SDL, packages/schema/schema.graphql", async () => {
    await expect(printSchema(lexicographicSortSchema(schema))).toMatchFileSnapshot("../schema.graphql");
  });

  it("says on every root field and resource type which scope it needs, and on private fields who sees them", () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    const lastLine = (description: string | null | undefined) => description?.split("\n").at(-1);
    for (const resource of registry.resources) {
      const names = graphqlNames(resource);
      const own = resource.access.owner ? " (only your own rows)" : "";
      const read = resource.access.public
        ? "Scope: none (public)."
        : `Scope: \`${resource.path}:read\`${own}.`;
      if (!resource.parent)
        for (const field of [names.itemField, names.collectionField, names.aggregateField])
          expect(lastLine(query[field]?.description), field).toBe(read);
      if (resource.writable)
        for (const field of [names.createMutation, names.updateMutation, names.deleteMutation])
          expect(lastLine(mutation[field]?.description), field).toBe(
            `Scope: \`${resource.path}:write\`${own}.`,
          );
      const type = schema.getType(names.type) as GraphQLObjectType;
      expect(type.description, names.type).toContain(`Write: \`${resource.path}:write\`.`);
      expect(type.description, names.type).toContain(
        resource.access.public ? "Read: needs no scope (public)." : `Read: \`${resource.path}:read\`.`,
      );
      for (const field of resource.fields)
        expect(type.getFields()[field.name]?.description?.includes("Private:") ?? false, field.name).toBe(
          field.private,
        );
    }
    expect(
      Object.values(mutation).every((field) => /\nScope: `[a-z_]+:write`/.test(field.description ?? "")),
    ).toBe(true);
  });

  it("has every name graphqlNames gives, for every resource, and no resource types beyond them", () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    for (const resource of registry.resources) {
      const names = graphqlNames(resource);
      for (const type of [
        names.type,
        names.connectionType,
        names.filterInput,
        names.orderByInput,
        names.sortFieldEnum,
        names.aggregateType,
      ])
        expect(schema.getType(type), type).toBeDefined();
      if (resource.parent) {
        const parent = schema.getType(resource.parent.resource.model) as GraphQLObjectType;
        expect(parent.getFields()[names.itemField], names.itemField).toBeDefined();
        expect(parent.getFields()[names.collectionField], names.collectionField).toBeDefined();
        expect(query[names.itemField]).toBeUndefined();
      } else {
        for (const field of [names.itemField, names.collectionField, names.aggregateField])
          expect(query[field], field).toBeDefined();
      }
      if (resource.writable) {
        for (const field of [names.createMutation, names.updateMutation, names.deleteMutation])
          expect(mutation[field], field).toBeDefined();
      }
      for (const relation of resource.relations.filter((r) => r.membershipWritable)) {
        expect(mutation[names.addMembershipMutation(relation)]).toBeDefined();
        expect(mutation[names.removeMembershipMutation(relation)]).toBeDefined();
      }
    }
    const resourceTypes = Object.values(schema.getTypeMap()).filter(
      (t) => "getFields" in t && "uri" in (t as GraphQLObjectType).getFields(),
    );
    expect(resourceTypes.map((t) => t.name).sort()).toEqual(registry.resources.map((r) => r.model).sort());
  });

  it("derives names per the conventions", () => {
    const categories = registry.byModel("Category")!;
    const lineItems = registry.byModel("LineItem")!;
    const names = graphqlNames(categories);
    const products = categories.relation("products")!;
    expect(names.addMembershipMutation(products)).toBe("addToCategoryProducts");
    expect(names.removeMembershipMutation(products)).toBe("removeFromCategoryProducts");
    expect(names.membershipTargetArg(products)).toBe("productId");
    expect(names.relationAggregateField(products)).toBe("productsAggregate");
    expect(graphqlNames(lineItems)).toMatchObject({
      itemField: "lineItem",
      collectionField: "lineItems",
      createInput: "CreateLineItemInput",
    });
    expect(graphqlNames(registry.byModel("Book")!).aggregateField).toBe("booksAggregate");
  });

  it("uses the identifier scalars for identifiers and the foreign keys naming them", () => {
    const type = (name: string) => (schema.getType(name) as GraphQLObjectType).getFields();
    expect(String(type("Book").isbn!.type)).toBe("ISBN!");
    expect(String(type("Vehicle").vin!.type)).toBe("VIN!");
    expect(String(type("Vehicle").username!.type)).toBe("Username!");
    expect(String(type("Product").id!.type)).toBe("Int!");
    expect(String(type("Product").price!.type)).toBe("Decimal!");
    expect(String(type("Product").createdAt!.type)).toBe("DateTime!");
  });
});
