import type { Resource } from "@tusk/registry";
import { type GraphQLSchema, isObjectType, parse } from "graphql";
import type { PreparedOperation } from "../executor/types.ts";
import type { OperationShape } from "../surface/index.ts";
import { bindFilterSlots, type FilterSlots, filterSlots } from "./filter-slots.ts";
import { graphqlNames as namesOf, parentArgument } from "./names.ts";
import { ALIAS } from "./results.ts";
import { nodeSelection, PAGE_INFO, TOTAL } from "./selection.ts";

/** A prepared operation and where its located source sits in `data`. */
export interface BuiltOperation {
  readonly operation: PreparedOperation;
  /** `[ALIAS.node]` for root resources, `[ALIAS.parent, ALIAS.node]` for nested-only ones. */
  readonly sourcePath: readonly string[];
}

/** A unique, stable key per shape: the operation's cache key and name. */
export function shapeKey(shape: OperationShape): string {
  return `${shape.kind}:${shape.resource.model}${"relation" in shape ? `.${shape.relation.name}` : ""}`;
}

const SEARCH_ARG = "search";
const PAGE_ARGS = ["orderBy", "first", "after", "last", "before", SEARCH_ARG] as const;

/** The resource whose filter a shape's `where` takes, if it takes one. */
function filtered(shape: OperationShape): Resource | undefined {
  if (shape.kind === "collection" || shape.kind === "aggregate") return shape.resource;
  if (shape.kind === "update-many" || shape.kind === "delete-many") return shape.resource;
  if (shape.kind === "relation-item" || shape.kind === "relation-aggregate") return shape.relation.target;
  if (shape.kind === "relation" && shape.relation.cardinality !== "to-one") return shape.relation.target;
  return undefined;
}

/**
 * Builds the document for one shape; variable types are read from the schema's own arguments.
 * A shape that filters takes its `where` through per-field variables ({@link filterSlots}), so
 * graphql-jit compiles it; a filter that does not fit them runs on a fallback document with one
 * `$where` of the recursive filter type, built on first need.
 */
export class DocumentBuilder {
  private readonly slots = new Map<Resource, FilterSlots>();

  constructor(private readonly schema: GraphQLSchema) {}

  private slotsOf(resource: Resource): FilterSlots {
    let slots = this.slots.get(resource);
    if (!slots) {
      slots = filterSlots(this.schema, resource);
      this.slots.set(resource, slots);
    }
    return slots;
  }

  /** `where: $where`, or `where: { price: $where_price, ... }` when `slots` is given. */
  private whereArg(typeName: string, fieldName: string, slots: FilterSlots | undefined) {
    const type = this.argType(typeName, fieldName, "where");
    if (slots && type !== slots.filterType)
      throw new Error(`${typeName}.${fieldName}(where) takes ${type}, not ${slots.filterType}`);
    return slots
      ? { arg: `where: ${slots.literal}`, variables: [...slots.variables] }
      : { arg: "where: $where", variables: [`$where: ${type}`] };
  }

  private argOf(typeName: string, fieldName: string, argName: string) {
    const type = this.schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    return field?.args.find((candidate) => candidate.name === argName);
  }

  private argType(typeName: string, fieldName: string, argName: string): string {
    const arg = this.argOf(typeName, fieldName, argName);
    if (!arg) throw new Error(`The GraphQL schema has no argument ${typeName}.${fieldName}(${argName})`);
    return String(arg.type);
  }

  private rootType(kind: "query" | "mutation"): string {
    const type = kind === "query" ? this.schema.getQueryType() : this.schema.getMutationType();
    if (!type) throw new Error(`The GraphQL schema has no ${kind} type`);
    return type.name;
  }

  /** `node: product(id: $id) INNER`, or the same under the parent for nested-only resources. */
  private locate(resource: Resource, inner: string) {
    const query = this.rootType("query");
    const idField = resource.identifier.field.name;
    const lookup = namesOf(resource).itemField;
    const parent = resource.parent?.resource;
    if (!parent) {
      return {
        text: `${ALIAS.node}: ${lookup}(${idField}: $id) ${inner}`,
        variables: [`$id: ${this.argType(query, lookup, idField)}`],
        sourcePath: [ALIAS.node],
      };
    }
    const parentLookup = namesOf(parent).itemField;
    const parentId = parent.identifier.field.name;
    return {
      text: `${ALIAS.parent}: ${parentLookup}(${parentId}: $parentId) { ${ALIAS.node}: ${lookup}(${idField}: $id) ${inner} }`,
      variables: [
        `$parentId: ${this.argType(query, parentLookup, parentId)}`,
        `$id: ${this.argType(parent.model, lookup, idField)}`,
      ],
      sourcePath: [ALIAS.parent, ALIAS.node],
    };
  }

  private collectionArgText(typeName: string, fieldName: string, slots: FilterSlots | undefined) {
    const where = this.whereArg(typeName, fieldName, slots);
    // `search` only where the resource has searchable fields (the query string's `q`).
    const args = PAGE_ARGS.filter((arg) => arg !== SEARCH_ARG || this.argOf(typeName, fieldName, arg));
    return {
      args: [where.arg, ...args.map((arg) => `${arg}: $${arg}`)].join(", "),
      variables: [
        ...where.variables,
        ...args.map((arg) => `$${arg}: ${this.argType(typeName, fieldName, arg)}`),
      ],
    };
  }

  private aggregateSelection(resource: Resource, typeName: string): string {
    const aggregateType = this.schema.getType(namesOf(resource).aggregateType);
    if (!isObjectType(aggregateType)) throw new Error(`The GraphQL schema has no type ${typeName}`);
    const parts = Object.values(aggregateType.getFields()).map((field) => {
      const named = field.type.toString().replace(/[[\]!]/g, "");
      const object = this.schema.getType(named);
      return isObjectType(object)
        ? `${field.name} { ${Object.keys(object.getFields()).join(" ")} }`
        : field.name;
    });
    return `{ ${parts.join(" ")} }`;
  }

  private finish(
    id: string,
    kind: "query" | "mutation",
    variables: string[],
    body: string,
    sourcePath: readonly string[],
  ): BuiltOperation {
    const name = id.replace(/[^A-Za-z0-9_]/g, "_");
    const declared = variables.length > 0 ? `(${variables.join(", ")})` : "";
    const source = `${kind} ${name}${declared} { ${body} }`;
    return { operation: { id, source, document: parse(source) }, sourcePath };
  }

  build(shape: OperationShape): BuiltOperation {
    const target = filtered(shape);
    if (!target) return this.buildWith(shape, shapeKey(shape), undefined);
    const slots = this.slotsOf(target);
    const built = this.buildWith(shape, shapeKey(shape), slots);
    const fallback = () => this.buildWith(shape, `${shapeKey(shape)}#where`, undefined).operation;
    return { ...built, operation: bindFilterSlots(built.operation, slots, fallback) };
  }

  private buildWith(shape: OperationShape, id: string, slots: FilterSlots | undefined): BuiltOperation {
    const { resource } = shape;
    const names = namesOf(resource);
    const node = nodeSelection(resource);
    const query = this.rootType("query");
    switch (shape.kind) {
      case "item": {
        const located = this.locate(resource, node.text);
        return this.finish(
          id,
          "query",
          [...located.variables, ...node.variables],
          located.text,
          located.sourcePath,
        );
      }
      case "collection": {
        const { args, variables } = this.collectionArgText(query, names.collectionField, slots);
        const count = `$count: ${this.argType(query, names.collectionField, "count")}`;
        const body = `${ALIAS.connection}: ${names.collectionField}(${args}, count: $count) { nodes ${node.text} ${PAGE_INFO} ${TOTAL.text} }`;
        const all = [...variables, count, TOTAL.variable, ...node.variables];
        return this.finish(id, "query", all, body, []);
      }
      case "aggregate": {
        const where = this.whereArg(query, names.aggregateField, slots);
        const body = `${ALIAS.aggregate}: ${names.aggregateField}(${where.arg}) ${this.aggregateSelection(resource, names.aggregateType)}`;
        return this.finish(id, "query", where.variables, body, []);
      }
      case "relation":
      case "relation-item": {
        const { relation } = shape;
        const target = nodeSelection(relation.target);
        if (relation.cardinality === "to-one") {
          const located = this.locate(resource, `{ ${ALIAS.related}: ${relation.name} ${target.text} }`);
          return this.finish(
            id,
            "query",
            [...located.variables, ...target.variables],
            located.text,
            located.sourcePath,
          );
        }
        const { args, variables } = this.collectionArgText(resource.model, relation.name, slots);
        const located = this.locate(
          resource,
          `{ ${ALIAS.related}: ${relation.name}(${args}) { nodes ${target.text} ${PAGE_INFO} ${TOTAL.text} } }`,
        );
        const all = [...located.variables, ...variables, TOTAL.variable, ...target.variables];
        return this.finish(id, "query", all, located.text, located.sourcePath);
      }
      case "relation-aggregate": {
        const { relation } = shape;
        const field = names.relationAggregateField(relation);
        const where = this.whereArg(resource.model, field, slots);
        const selection = this.aggregateSelection(relation.target, namesOf(relation.target).aggregateType);
        const located = this.locate(resource, `{ ${ALIAS.aggregate}: ${field}(${where.arg}) ${selection} }`);
        const all = [...located.variables, ...where.variables];
        return this.finish(id, "query", all, located.text, located.sourcePath);
      }
      case "create":
      case "update":
      case "delete":
      case "add":
      case "remove":
        return this.buildMutation(shape, id, node);
      case "create-many":
      case "update-many":
      case "delete-many":
        return this.buildBulkMutation(shape, id, node, slots);
    }
    const unknown: never = shape;
    throw new Error(`No document for ${JSON.stringify(unknown)}`);
  }

  /**
   * `node: createProducts(input: $input) {...}`, or `count: updateProducts(where: $where,
   * input: $input, atMost: $atMost)` and `count: deleteProducts(where: $where, atMost: $atMost)`.
   */
  private buildBulkMutation(
    shape: Extract<OperationShape, { kind: "create-many" | "update-many" | "delete-many" }>,
    id: string,
    node: { text: string; variables: string[] },
    slots: FilterSlots | undefined,
  ): BuiltOperation {
    const names = namesOf(shape.resource);
    const mutation = this.rootType("mutation");
    const argument = (field: string, arg: string) => ({
      arg: `${arg}: $${arg}`,
      variable: `$${arg}: ${this.argType(mutation, field, arg)}`,
    });
    if (shape.kind === "create-many") {
      const field = names.createManyMutation;
      const input = argument(field, names.inputArg);
      const body = `${ALIAS.node}: ${field}(${input.arg}) ${node.text}`;
      return this.finish(id, "mutation", [input.variable, ...node.variables], body, [ALIAS.node]);
    }
    const field = shape.kind === "update-many" ? names.updateManyMutation : names.deleteManyMutation;
    const where = this.whereArg(mutation, field, slots);
    const rest = (shape.kind === "update-many" ? [names.inputArg, names.atMostArg] : [names.atMostArg]).map(
      (arg) => argument(field, arg),
    );
    const args = [where.arg, ...rest.map((r) => r.arg)].join(", ");
    const variables = [...where.variables, ...rest.map((r) => r.variable)];
    return this.finish(id, "mutation", variables, `${ALIAS.count}: ${field}(${args})`, []);
  }

  private buildMutation(
    shape: Extract<OperationShape, { kind: "create" | "update" | "delete" | "add" | "remove" }>,
    id: string,
    node: { text: string; variables: string[] },
  ): BuiltOperation {
    const { resource } = shape;
    const names = namesOf(resource);
    const mutation = this.rootType("mutation");
    const idField = resource.identifier.field.name;
    const parentArg = parentArgument(resource);
    const target = (field: string) => {
      const variables = [`$id: ${this.argType(mutation, field, idField)}`];
      const args = [`${idField}: $id`];
      if (parentArg) {
        variables.unshift(`$parentId: ${this.argType(mutation, field, parentArg)}`);
        args.unshift(`${parentArg}: $parentId`);
      }
      return { variables, args };
    };
    // Update and delete also take the version the If-Match check saw (`$expected`, optional).
    const expecting = (field: string) => {
      const located = target(field);
      const arg = names.expectedVersionArg;
      if (!arg) return located;
      return {
        variables: [...located.variables, `$expected: ${this.argType(mutation, field, arg)}`],
        args: [...located.args, `${arg}: $expected`],
      };
    };
    switch (shape.kind) {
      case "create": {
        const input = `$input: ${this.argType(mutation, names.createMutation, names.inputArg)}`;
        const body = `${ALIAS.node}: ${names.createMutation}(${names.inputArg}: $input) ${node.text}`;
        return this.finish(id, "mutation", [input, ...node.variables], body, [ALIAS.node]);
      }
      case "update": {
        const located = expecting(names.updateMutation);
        const input = `$input: ${this.argType(mutation, names.updateMutation, names.inputArg)}`;
        const body = `${ALIAS.node}: ${names.updateMutation}(${[...located.args, `${names.inputArg}: $input`].join(", ")}) ${node.text}`;
        return this.finish(id, "mutation", [...located.variables, input, ...node.variables], body, [
          ALIAS.node,
        ]);
      }
      case "delete": {
        const located = expecting(names.deleteMutation);
        const body = `${ALIAS.node}: ${names.deleteMutation}(${located.args.join(", ")}) { ${idField} }`;
        return this.finish(id, "mutation", located.variables, body, [ALIAS.node]);
      }
      case "add":
      case "remove": {
        const field =
          shape.kind === "add"
            ? names.addMembershipMutation(shape.relation)
            : names.removeMembershipMutation(shape.relation);
        const located = target(field);
        const targetArg = names.membershipTargetArg(shape.relation);
        const variables = [...located.variables, `$targetId: ${this.argType(mutation, field, targetArg)}`];
        const body = `${ALIAS.node}: ${field}(${[...located.args, `${targetArg}: $targetId`].join(", ")}) { ${idField} }`;
        return this.finish(id, "mutation", variables, body, [ALIAS.node]);
      }
    }
    const unknown: never = shape;
    throw new Error(`No mutation for ${JSON.stringify(unknown)}`);
  }
}
