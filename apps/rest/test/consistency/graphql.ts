import type { Resource, ResourceRelation } from "@tusk/registry";
import { graphqlNames } from "@tusk/schema";
import { type GraphQLSchema, graphql, isObjectType } from "graphql";
import { EMBED_LIMIT } from "../../src/operations/index.ts";

/**
 * The GraphQL side of the consistency suite: queries written here from the
 * registry and the naming conventions (docs/graphql-conventions.md), not
 * taken from the REST app's operation catalog, so the two sides are
 * independent and each can be wrong on its own.
 */

type Data = Record<string, unknown>;

/** What to read: which fields (undefined = all) and which relations to nest. */
export interface Selection {
  readonly fields?: readonly string[];
  readonly zoom?: readonly string[];
}

/** Where a list comes from: a root collection, or a to-many relation of one item. */
export type ListSource =
  | { readonly kind: "root"; readonly resource: Resource }
  | { readonly kind: "relation"; readonly item: ItemRef; readonly relation: ResourceRelation };

/** One item by its identifier and, for nested-only resources, its parent's. */
export interface ItemRef {
  readonly resource: Resource;
  readonly id: unknown;
  readonly parentId?: unknown;
}

export interface ListArgs {
  readonly where?: Data | null;
  readonly orderBy?: readonly { field: string; direction: "ASC" | "DESC" }[] | null;
  readonly first: number;
  readonly after?: string | null;
}

function scalars(resource: Resource, fields: readonly string[] | undefined): string {
  const always = [resource.identifier.field.name, ...(resource.parent?.relation.foreignKeys ?? [])];
  const chosen = resource.fields
    .map((field) => field.name)
    .filter((name) => fields === undefined || fields.includes(name) || always.includes(name));
  return chosen.join(" ");
}

/** The selection set of one node, with zoomed relations as the REST app embeds them. */
export function selectionSet(resource: Resource, selection: Selection = {}): string {
  const parts = [scalars(resource, selection.fields)];
  for (const relation of resource.relations) {
    if (!selection.zoom?.includes(relation.name)) continue;
    const inner = scalars(relation.target, undefined);
    parts.push(
      relation.cardinality === "to-one"
        ? `${relation.name} { ${inner} }`
        : `${relation.name}(first: ${EMBED_LIMIT}) { nodes { ${inner} } }`,
    );
  }
  return `{ ${parts.join(" ")} }`;
}

export class GraphqlSide {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly contextValue: () => unknown,
  ) {}

  /** Runs a query; any error fails the test with its messages (and `codes`, the errors' codes). */
  async run(source: string, variableValues: Data = {}): Promise<Data> {
    const result = await graphql({
      schema: this.schema,
      source,
      variableValues,
      contextValue: this.contextValue(),
    });
    if (result.errors?.length) {
      const codes = result.errors.map((e) => (e.originalError as { code?: string } | undefined)?.code);
      const error = new Error(`${result.errors.map((e) => e.message).join("; ")}\n${source}`);
      throw Object.assign(error, { codes });
    }
    return result.data as Data;
  }

  private argType(typeName: string, field: string, arg: string): string {
    const type = typeName === "Query" ? this.schema.getQueryType() : this.schema.getType(typeName);
    const found = isObjectType(type) ? type.getFields()[field]?.args.find((a) => a.name === arg) : undefined;
    if (!found) throw new Error(`no argument ${typeName}.${field}(${arg})`);
    return String(found.type);
  }

  /** `product(id: $id) INNER`, under the parent for nested-only resources; with its variables. */
  private locate(ref: ItemRef, inner: string): { text: string; vars: string[]; values: Data } {
    const { resource } = ref;
    const names = graphqlNames(resource);
    const idField = resource.identifier.field.name;
    const parent = resource.parent?.resource;
    if (!parent) {
      const type = this.argType("Query", names.itemField, idField);
      return {
        text: `${names.itemField}(${idField}: $id) ${inner}`,
        vars: [`$id: ${type}`],
        values: { id: ref.id },
      };
    }
    const parentNames = graphqlNames(parent);
    const parentId = parent.identifier.field.name;
    return {
      text: `${parentNames.itemField}(${parentId}: $parentId) { ${names.itemField}(${idField}: $id) ${inner} }`,
      vars: [
        `$parentId: ${this.argType("Query", parentNames.itemField, parentId)}`,
        `$id: ${this.argType(parent.model, names.itemField, idField)}`,
      ],
      values: { parentId: ref.parentId, id: ref.id },
    };
  }

  /** One item, or null when absent. */
  async item(ref: ItemRef, selection: Selection = {}): Promise<Data | null> {
    const located = this.locate(ref, selectionSet(ref.resource, selection));
    const data = await this.run(`query(${located.vars.join(", ")}) { ${located.text} }`, located.values);
    return GraphqlSide.nodeAt(data, ref.resource);
  }

  private static nodeAt(data: Data, resource: Resource): Data | null {
    const outer = Object.values(data)[0] as Data | null;
    if (!resource.parent || !outer) return outer;
    return (outer[graphqlNames(resource).itemField] as Data | null) ?? null;
  }

  /** A to-one relation of an item (null when unset). */
  async toOne(ref: ItemRef, relation: ResourceRelation, selection: Selection = {}): Promise<Data | null> {
    const located = this.locate(ref, `{ ${relation.name} ${selectionSet(relation.target, selection)} }`);
    const data = await this.run(`query(${located.vars.join(", ")}) { ${located.text} }`, located.values);
    const source = GraphqlSide.nodeAt(data, ref.resource);
    return (source?.[relation.name] as Data | null) ?? null;
  }

  /** One page of a list: its nodes and where the next page starts. */
  async page(
    source: ListSource,
    args: ListArgs,
    selection: Selection = {},
  ): Promise<{ nodes: Data[]; hasNextPage: boolean; endCursor: string | null }> {
    const target = source.kind === "root" ? source.resource : source.relation.target;
    const names = graphqlNames(target);
    const [typeName, field] =
      source.kind === "root"
        ? ["Query", names.collectionField]
        : [source.item.resource.model, source.relation.name];
    const argNames = ["where", "orderBy", "first", "after"];
    const vars = argNames.map((arg) => `$${arg}: ${this.argType(typeName, field, arg)}`);
    const call = `${field}(${argNames.map((arg) => `${arg}: $${arg}`).join(", ")}) { nodes ${selectionSet(target, selection)} pageInfo { hasNextPage endCursor } }`;
    const values = {
      where: args.where ?? null,
      orderBy: args.orderBy ?? null,
      first: args.first,
      after: args.after ?? null,
    };
    let connection: Data | undefined;
    if (source.kind === "root") {
      const data = await this.run(`query(${vars.join(", ")}) { ${call} }`, values);
      connection = data[field] as Data;
    } else {
      const located = this.locate(source.item, `{ ${call} }`);
      const data = await this.run(`query(${[...located.vars, ...vars].join(", ")}) { ${located.text} }`, {
        ...located.values,
        ...values,
      });
      connection = GraphqlSide.nodeAt(data, source.item.resource)?.[field] as Data | undefined;
    }
    if (!connection) throw new Error(`no ${field} in the GraphQL answer`);
    const pageInfo = connection.pageInfo as { hasNextPage: boolean; endCursor: string | null };
    return { nodes: connection.nodes as Data[], ...pageInfo };
  }

  /** Every node of a list, page by page. */
  async all(
    source: ListSource,
    args: Omit<ListArgs, "first" | "after"> = {},
    selection: Selection = {},
    first = 100,
  ) {
    const nodes: Data[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.page(source, { ...args, first, after }, selection);
      nodes.push(...page.nodes);
      if (!page.hasNextPage) return nodes;
      after = page.endCursor;
    }
  }
}
