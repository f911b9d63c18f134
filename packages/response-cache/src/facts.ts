import type { Registry, Resource } from "@tusk/registry";
import { graphqlNames } from "@tusk/schema";
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  Kind,
  OperationTypeNode,
  TypeInfo,
  type ValueNode,
  valueFromAST,
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

/**
 * Resources whose filter an argument's value uses (a filter across a relation reads the related
 * rows, and only those the caller may read): by the value, not by every filter its type could
 * hold, so a plain list of products is not tagged with every resource a filter can reach.
 */
function filteredResources(
  type: GraphQLInputType,
  value: unknown,
  byType: Map<string, Resource>,
  into: Set<Resource>,
): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) filteredResources(type, item, byType, into);
    return;
  }
  const named = getNamedType(type);
  if (!isInputObjectType(named) || typeof value !== "object") return;
  const resource = byType.get(named.name);
  if (resource) into.add(resource);
  const fields = named.getFields();
  for (const [name, member] of Object.entries(value)) {
    const field = fields[name];
    if (field) filteredResources(field.type, member, byType, into);
  }
}

/** Every resource whose filter an argument's type could hold: for a value that cannot be read. */
function reachableFilters(type: GraphQLInputType, byType: Map<string, Resource>, into: Set<Resource>): void {
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

/** An argument given in the document: its type and its value there (a literal or variables). */
interface GivenArgument {
  readonly type: GraphQLInputType;
  readonly value: ValueNode;
}

/** What a document says by itself: read once per document and operation name. */
interface DocumentFacts {
  readonly kind: OperationTypeNode;
  /** Resources of the selected fields (all of them for a root field of no resource). */
  readonly selected: ReadonlySet<Resource>;
  readonly args: readonly GivenArgument[];
  /** Variables the document gives a default value. */
  readonly defaults: ReadonlySet<string>;
}

function documentFacts(
  schema: GraphQLSchema,
  registry: Registry,
  byType: Map<string, Resource>,
  document: DocumentNode,
  operationName: string | null | undefined,
): DocumentFacts {
  const kind = getOperationAST(document, operationName)?.operation ?? OperationTypeNode.QUERY;
  const selected = new Set<Resource>();
  const args: GivenArgument[] = [];
  let everything = false;
  const roots = new Set<unknown>([schema.getQueryType(), schema.getMutationType()]);
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const named = getNamedType(typeInfo.getType());
        const resource = named ? byType.get(named.name) : undefined;
        if (resource) selected.add(resource);
        else if (roots.has(typeInfo.getParentType()) && !node.name.value.startsWith("__")) everything = true;
        const definitions = typeInfo.getFieldDef()?.args ?? [];
        for (const given of node.arguments ?? []) {
          const definition = definitions.find((arg) => arg.name === given.name.value);
          if (definition) args.push({ type: definition.type, value: given.value });
        }
      },
    }),
  );
  const defaults = new Set<string>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION)
      for (const variable of definition.variableDefinitions ?? [])
        if (variable.defaultValue) defaults.add(variable.variable.name.value);
  return { kind, selected: everything ? new Set(registry.resources) : selected, args, defaults };
}

const byDocument = new WeakMap<DocumentNode, Map<string, DocumentFacts>>();

/**
 * Reads an operation's facts from its document and variables: every field the operation
 * selects whose type belongs to a resource tags the answer with it, and so does every resource
 * whose filter an argument's value uses. A root field whose type belongs to no resource (none
 * in this schema but introspection) is taken to read or write them all, so a new kind of field
 * is never cached wrongly. What the document says alone is read once per document.
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
  variables?: Readonly<Record<string, unknown>>,
): OperationFacts {
  let byType = byRegistry.get(registry);
  if (!byType) {
    byType = typesOfResources(registry);
    byRegistry.set(registry, byType);
  }
  let byName = byDocument.get(document);
  if (!byName) {
    byName = new Map();
    byDocument.set(document, byName);
  }
  let facts = byName.get(operationName ?? "");
  if (!facts) {
    facts = documentFacts(schema, registry, byType, document, operationName);
    byName.set(operationName ?? "", facts);
  }
  const { kind } = facts;
  const resources = new Set(facts.selected);
  for (const arg of facts.args) {
    // An unset variable without a default is an argument not given: no filter.
    if (arg.value.kind === Kind.VARIABLE) {
      const name = arg.value.name.value;
      if (!(variables && name in variables) && !facts.defaults.has(name)) continue;
    }
    const value = valueFromAST(arg.value, arg.type, variables as Record<string, unknown> | undefined);
    if (value === undefined) reachableFilters(arg.type, byType, resources);
    else filteredResources(arg.type, value, byType, resources);
  }
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
