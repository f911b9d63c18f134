import type { Registry, Resource } from "@tusk/registry";
import { graphqlNames } from "@tusk/schema";
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * What the cache needs to know of one operation, read from its document once.
 *
 * @example
 * operationFacts(schema, registry, parse("{ product(id: 1) { name } }")).tags; // ["Product"]
 */
export interface OperationFacts {
  readonly kind: OperationTypeNode;
  /**
   * For a query, the resources whose rows its answer may contain or depend on (selected, counted
   * or filtered by): the tags its entry carries. For a mutation, the resources its writes may
   * change: the tags it invalidates. Sorted model names.
   */
  readonly tags: readonly string[];
  /**
   * Whether the answer depends on who asks beyond their scopes: a resource with row rules (a
   * customer's orders) or private fields (`users.email`) is in it.
   */
  readonly perCaller: boolean;
}

/** Each GraphQL type name derived from a resource (object, connection, edge, aggregate, filter), to its resource. */
function typesOfResources(registry: Registry): Map<string, Resource> {
  const byType = new Map<string, Resource>();
  for (const resource of registry.resources) {
    const names = graphqlNames(resource);
    for (const type of [
      names.type,
      names.connectionType,
      names.edgeType,
      names.aggregateType,
      names.filterInput,
    ])
      byType.set(type, resource);
  }
  return byType;
}

/** Resources whose filter input is reachable from an argument's type (a filter through a relation). */
function filteredResources(type: GraphQLInputType, byType: Map<string, Resource>, into: Set<Resource>): void {
  const seen = new Set<string>();
  const stack = [getNamedType(type)];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || !isInputObjectType(next) || seen.has(next.name)) continue;
    seen.add(next.name);
    const resource = byType.get(next.name);
    if (resource) into.add(resource);
    for (const field of Object.values(next.getFields())) stack.push(getNamedType(field.type));
  }
}

/**
 * What a write to `resource` may change: the resource, every resource it relates to or that
 * relates to it (memberships, counts and nested lists of the other side), and the resources
 * that live only under any of those (deleting an order deletes its line items).
 */
function writeReach(registry: Registry, resource: Resource): Set<Resource> {
  const reach = new Set<Resource>([resource, ...resource.relations.map((r) => r.target)]);
  for (const other of registry.resources)
    if (other.relations.some((r) => r.target === resource)) reach.add(other);
  let grew = true;
  while (grew) {
    grew = false;
    for (const other of registry.resources) {
      if (other.parent && reach.has(other.parent.resource) && !reach.has(other)) {
        reach.add(other);
        grew = true;
      }
    }
  }
  return reach;
}

const byRegistry = new WeakMap<Registry, Map<string, Resource>>();

/**
 * Reads an operation's facts from its document: every field the operation selects whose type
 * belongs to a resource tags the answer with it, and so does every filter an argument may hold.
 * A root field whose type belongs to no resource (none in this schema but introspection) is
 * taken to read or write them all, so a new kind of field is never cached wrongly.
 *
 * @example
 * operationFacts(schema, registry, parse("mutation { deleteOrder(id: 9) { id } }")).tags;
 * // ["LineItem", "Order", "Product", "User"]
 */
export function operationFacts(
  schema: GraphQLSchema,
  registry: Registry,
  document: DocumentNode,
  operationName?: string | null,
): OperationFacts {
  let byType = byRegistry.get(registry);
  if (!byType) {
    byType = typesOfResources(registry);
    byRegistry.set(registry, byType);
  }
  const types = byType;
  const kind = getOperationAST(document, operationName)?.operation ?? OperationTypeNode.QUERY;
  const found = new Set<Resource>();
  let everything = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const named = getNamedType(typeInfo.getType());
        const resource = named ? types.get(named.name) : undefined;
        const atRoot =
          typeInfo.getParentType() === schema.getMutationType() ||
          typeInfo.getParentType() === schema.getQueryType();
        if (resource) found.add(resource);
        else if (atRoot && !node.name.value.startsWith("__")) everything = true;
        for (const arg of typeInfo.getFieldDef()?.args ?? []) filteredResources(arg.type, types, found);
      },
    }),
  );
  const resources = everything ? new Set(registry.resources) : found;
  const tagged = new Set<Resource>();
  if (kind === OperationTypeNode.MUTATION) {
    for (const resource of resources)
      for (const reached of writeReach(registry, resource)) tagged.add(reached);
  } else {
    for (const resource of resources) tagged.add(resource);
  }
  return {
    kind,
    tags: [...tagged].map((r) => r.model).sort(),
    perCaller: [...tagged].some((r) => r.access.owner !== undefined || r.access.privateFields.length > 0),
  };
}
