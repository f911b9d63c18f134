import type { Registry, Resource } from "@tusk/registry";
import type { GraphQLSchema } from "graphql";
import { type BuiltOperation, DocumentBuilder, type OperationShape, shapeKey } from "./documents.ts";
import { type ResourceFacts, readSchemaFacts } from "./schema-facts.ts";

/**
 * Everything the REST app derives from the schema, built once per schema:
 * the schema facts of each resource, and each route shape's document, built on
 * first use and kept (there is a fixed, small number of shapes).
 */
export class OperationCatalog {
  private readonly builder: DocumentBuilder;
  private readonly built = new Map<string, BuiltOperation>();
  private readonly facts: ReadonlyMap<Resource, ResourceFacts>;

  constructor(
    readonly schema: GraphQLSchema,
    readonly registry: Registry,
  ) {
    this.builder = new DocumentBuilder(schema);
    this.facts = readSchemaFacts(schema, registry);
  }

  factsOf(resource: Resource): ResourceFacts {
    const facts = this.facts.get(resource);
    if (!facts) throw new Error(`No schema facts for ${resource.model}`);
    return facts;
  }

  operation(shape: OperationShape): BuiltOperation {
    const key = shapeKey(shape);
    let built = this.built.get(key);
    if (!built) {
      built = this.builder.build(shape);
      this.built.set(key, built);
    }
    return built;
  }

  /** Every route shape of every resource, derived from the registry. */
  shapes(): OperationShape[] {
    const shapes: OperationShape[] = [];
    for (const resource of this.registry.resources) {
      const kinds = resource.parent ? (["item"] as const) : (["item", "collection", "aggregate"] as const);
      for (const kind of kinds) shapes.push({ kind, resource });
      if (resource.writable)
        for (const kind of ["create", "update", "delete"] as const) shapes.push({ kind, resource });
      for (const relation of resource.relations) {
        shapes.push({ kind: "relation", resource, relation });
        if (relation.cardinality === "to-one") continue;
        shapes.push({ kind: "relation-item", resource, relation });
        shapes.push({ kind: "relation-aggregate", resource, relation });
        if (relation.membershipWritable) {
          shapes.push({ kind: "add", resource, relation });
          shapes.push({ kind: "remove", resource, relation });
        }
      }
    }
    return shapes;
  }

  /** Builds every document now, so a schema mismatch fails at startup rather than on a request. */
  buildAll(): number {
    for (const shape of this.shapes()) this.operation(shape);
    return this.built.size;
  }
}
