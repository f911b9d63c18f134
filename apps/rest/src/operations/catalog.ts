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

  /** Builds every document now, so a schema mismatch fails at startup rather than on a request. */
  buildAll(): number {
    for (const resource of this.registry.resources) {
      const kinds = resource.parent ? (["item"] as const) : (["item", "collection", "aggregate"] as const);
      for (const kind of kinds) this.operation({ kind, resource });
      if (resource.writable)
        for (const kind of ["create", "update", "delete"] as const) this.operation({ kind, resource });
      for (const relation of resource.relations) {
        this.operation({ kind: "relation", resource, relation });
        if (relation.cardinality === "to-one") continue;
        this.operation({ kind: "relation-item", resource, relation });
        this.operation({ kind: "relation-aggregate", resource, relation });
        if (relation.membershipWritable) {
          this.operation({ kind: "add", resource, relation });
          this.operation({ kind: "remove", resource, relation });
        }
      }
    }
    return this.built.size;
  }
}
