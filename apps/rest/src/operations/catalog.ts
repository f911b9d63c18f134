import type { Registry, Resource } from "@tusk/registry";
import { type GraphQLSchema, specifiedRules, type ValidationRule, validate } from "graphql";
import { type OperationShape, registrySubjects, servedMethods } from "../surface/index.ts";
import { type BuiltOperation, DocumentBuilder, shapeKey } from "./documents.ts";
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

  /** The operation of every method every route of the registry accepts, as the route table says; each once. */
  shapes(): OperationShape[] {
    const shapes = new Map<string, OperationShape>();
    for (const subject of registrySubjects(this.registry))
      for (const { operation, bulk } of servedMethods(subject))
        for (const shape of [operation, bulk]) if (shape) shapes.set(shapeKey(shape), shape);
    return [...shapes.values()];
  }

  /**
   * Builds every document now and validates it against the schema with
   * `rules` (the executor's own), so a schema mismatch fails at startup
   * rather than on a request. Returns the number of documents.
   */
  buildAll(rules: readonly ValidationRule[] = specifiedRules): number {
    const problems: string[] = [];
    for (const shape of this.shapes()) {
      try {
        const { document } = this.operation(shape).operation;
        for (const error of validate(this.schema, document, rules))
          problems.push(`${shapeKey(shape)}: ${error.message}`);
      } catch (error) {
        problems.push(`${shapeKey(shape)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (problems.length > 0)
      throw new Error(`The REST operations do not fit the GraphQL schema:\n  ${problems.join("\n  ")}`);
    return this.built.size;
  }
}
