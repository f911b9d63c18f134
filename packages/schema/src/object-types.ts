import { seesPrivateFields } from "@tusk/auth";
import type { Registry, Resource } from "@tusk/registry";
import {
  GraphQLBoolean,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from "graphql";
import { withinReach } from "./access.ts";
import { aggregateType, type RawAggregate, relationAggregateLoader, shapeAggregate } from "./aggregates.ts";
import { columnLimits } from "./columns.ts";
import type { TuskContext } from "./context.ts";
import { withMeta } from "./field-meta.ts";
import { fieldScalar } from "./field-types.ts";
import { filterScope, resourceFilter, toPrismaWhere } from "./filters.ts";
import type { QueryLimits } from "./limits.ts";
import { graphqlNames } from "./names.ts";
import { orderByList } from "./ordering.ts";
import { connectionResolver, nestedItemResolver, toOneResolver } from "./relations.ts";
import { scalarForIdentifier } from "./scalars.ts";
import { fieldDescription, typeDescription } from "./scope-notes.ts";
import { searchArgument } from "./search.ts";
import { countMethodType } from "./totals.ts";
import type { TypeCache } from "./type-cache.ts";
import { formatDecimal } from "./values.ts";

type Row = Record<string, unknown>;

/** Builds the object types of a schema; one per registry. */
export interface TypeBuilder {
  readonly cache: TypeCache;
  readonly registry: Registry;
  readonly limits: QueryLimits;
}

/**
 * Arguments of every collection: `where`, `orderBy`, `first`, `after`, `last`, `before`, and
 * `search` for a resource with searchable fields.
 *
 * @example
 * collectionArguments(builder, products); // { where: { type: ProductFilter }, ... }
 */
export function collectionArguments(builder: TypeBuilder, resource: Resource): GraphQLFieldConfigArgumentMap {
  const { limits } = builder;
  return {
    where: { type: resourceFilter(builder.cache, resource) },
    orderBy: {
      type: orderByList(builder.cache, resource),
      description: `Sort order; the identifier \`${resource.identifier.field.name}\` always breaks ties.`,
    },
    first: {
      type: GraphQLInt,
      description: `Page size going forward (default ${limits.defaultPageSize}, at most ${limits.maxPageSize}).`,
    },
    after: { type: GraphQLString, description: "Start after this cursor." },
    last: { type: GraphQLInt, description: `Page size going backward (at most ${limits.maxPageSize}).` },
    before: { type: GraphQLString, description: "End before this cursor." },
    ...searchArgument(resource, limits),
  };
}

function pageInfo(cache: TypeCache): GraphQLObjectType {
  return cache.once(
    "PageInfo",
    (name) =>
      new GraphQLObjectType({
        name,
        fields: {
          hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
          hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
          startCursor: { type: GraphQLString },
          endCursor: { type: GraphQLString },
        },
      }),
  );
}

/**
 * `{Type}Connection` with `edges`, `nodes`, `pageInfo` and `totalCount`.
 *
 * @example
 * connectionType(builder, products).name; // "ProductConnection"
 */
export function connectionType(builder: TypeBuilder, resource: Resource): GraphQLObjectType {
  const names = graphqlNames(resource);
  return builder.cache.once(names.connectionType, (name) => {
    const node = new GraphQLNonNull(resourceType(builder, resource));
    const edge = builder.cache.once(
      names.edgeType,
      (edgeName) =>
        new GraphQLObjectType({
          name: edgeName,
          fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: node } },
        }),
    );
    return new GraphQLObjectType({
      name,
      description: `A page of ${resource.plural}.`,
      fields: {
        edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))) },
        nodes: { type: new GraphQLNonNull(new GraphQLList(node)) },
        pageInfo: { type: new GraphQLNonNull(pageInfo(builder.cache)) },
        totalCount: {
          type: new GraphQLNonNull(GraphQLInt),
          description:
            "Items matching the filter, on all pages: counted exactly, or PostgreSQL's estimate when `totalCountMethod` is `ESTIMATED`.",
        },
        totalCountMethod: {
          type: new GraphQLNonNull(countMethodType(builder.cache)),
          description:
            "How `totalCount` was counted: `ESTIMATED` when the collection's `count` argument asked for an estimate or the exact count passed COUNT_EXACT_LIMIT.",
        },
      },
    });
  });
}

function scalarFields(resource: Resource): GraphQLFieldConfigMap<Row, TuskContext> {
  const fields: GraphQLFieldConfigMap<Row, TuskContext> = {};
  for (const field of resource.fields) {
    const scalar = fieldScalar(resource, field);
    const { scale } = columnLimits(resource, field);
    const description = fieldDescription(field);
    const value =
      field.type === "Decimal"
        ? (row: Row) => formatDecimal(row[field.name], scale)
        : (row: Row) => row[field.name];
    fields[field.name] = {
      // A private field is null for callers other than the row's owner and admin, so it is nullable.
      type: field.required && !field.private ? new GraphQLNonNull(scalar) : scalar,
      ...(description ? { description } : {}),
      extensions: withMeta({ kind: "scalar", field }),
      ...(field.private
        ? {
            resolve: (row: Row, _args: unknown, context: TuskContext) =>
              seesPrivateFields(context.caller, resource, row) ? value(row) : null,
          }
        : field.type === "Decimal"
          ? { resolve: value }
          : {}),
    };
  }
  return fields;
}

function relationFields(builder: TypeBuilder, resource: Resource): GraphQLFieldConfigMap<Row, TuskContext> {
  const { limits } = builder;
  const fields: GraphQLFieldConfigMap<Row, TuskContext> = {};
  for (const relation of resource.relations) {
    const target = relation.target;
    if (relation.cardinality === "to-one") {
      const type = resourceType(builder, target);
      fields[relation.name] = {
        type: relation.required ? new GraphQLNonNull(type) : type,
        extensions: withMeta({ kind: "to-one", relation }),
        resolve: toOneResolver(resource, relation, limits),
      };
      continue;
    }
    fields[relation.name] = {
      type: new GraphQLNonNull(connectionType(builder, target)),
      args: collectionArguments(builder, target),
      extensions: withMeta({ kind: "connection", relation }),
      resolve: connectionResolver(resource, relation, limits),
    };
    fields[graphqlNames(resource).relationAggregateField(relation)] = {
      type: new GraphQLNonNull(aggregateType(builder.cache, target)),
      args: { where: { type: resourceFilter(builder.cache, target) } },
      extensions: withMeta({ kind: "relation-aggregate", relation }),
      resolve: async (row, args, context, info) => {
        // Planned into the read's statement when the parent row came from it; else batched.
        const planned = (row._aggregates as Record<string, RawAggregate> | undefined)?.[
          info.path.key as string
        ];
        if (planned && context.planned.has(info.fieldNodes[0]!)) return shapeAggregate(target, planned);
        const filter = toPrismaWhere(
          target,
          args.where as Row | undefined,
          filterScope(context.caller, limits),
        );
        const where = withinReach(filter, context.caller, target, "read");
        const loader = relationAggregateLoader(context, resource, relation, where);
        return shapeAggregate(target, await loader.load(row[resource.identifier.field.name]));
      },
    };
  }
  // Nested-only resources are looked up through their parent: order { lineItem(id:) }.
  for (const child of builder.registry.resources.filter((r) => r.parent?.resource === resource)) {
    const relation = child.parent!.collection;
    const idField = child.identifier.field.name;
    fields[graphqlNames(child).itemField] = {
      type: resourceType(builder, child),
      args: { [idField]: { type: new GraphQLNonNull(scalarForIdentifier(child.identifier.rule)) } },
      extensions: withMeta({ kind: "nested-item", relation, child }),
      resolve: nestedItemResolver(resource, relation, limits),
    };
  }
  return fields;
}

/**
 * The object type of a resource: its scalar fields, `uri`, its relations (to-one as objects,
 * to-many as connections with aggregates beside them) and lookups of nested-only children.
 *
 * @example
 * resourceType(builder, products).getFields().uri; // String!
 */
export function resourceType(builder: TypeBuilder, resource: Resource): GraphQLObjectType {
  return builder.cache.once(
    graphqlNames(resource).type,
    (name) =>
      new GraphQLObjectType<Row, TuskContext>({
        name,
        description: typeDescription(resource),
        fields: () => ({
          ...scalarFields(resource),
          uri: {
            type: new GraphQLNonNull(GraphQLString),
            description: "The canonical absolute URI of this resource in the REST API.",
            extensions: withMeta({ kind: "uri" }),
            resolve: (row, _args, context) => context.uris.item(resource, row),
          },
          ...relationFields(builder, resource),
        }),
      }),
  );
}
