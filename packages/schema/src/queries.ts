import { assertPermitted } from "@tusk/auth";
import type { Resource } from "@tusk/registry";
import { type GraphQLFieldConfigMap, GraphQLNonNull } from "graphql";
import { uniqueWithinReach, withinReach } from "./access.ts";
import { aggregateArgs, aggregateType, type RawAggregate, shapeAggregate } from "./aggregates.ts";
import type { TuskContext } from "./context.ts";
import { filterScope, resourceFilter, toPrismaWhere } from "./filters.ts";
import { graphqlNames } from "./names.ts";
import { collectionArguments, connectionType, resourceType, type TypeBuilder } from "./object-types.ts";
import { toConnection } from "./pagination.ts";
import {
  collectionArgs,
  connectionSelection,
  identifierArgument,
  planEnv,
  planSelect,
  subSelections,
} from "./plan.ts";
import { scalarForIdentifier } from "./scalars.ts";
import { withScope } from "./scope-notes.ts";
import { aggregateRows, findUniqueRow } from "./sql/index.ts";
import { type CountMethod, countArgument, countedPage } from "./totals.ts";

type Row = Record<string, unknown>;

/**
 * The root query fields of one root resource: lookup by identifier, collection and aggregate.
 * Each resolves with one SQL statement compiled from its plan (relations, pages and
 * `totalCount` included, the JSON built by the database). A
 * caller who may not read the resource is refused (401 or 403); one who may sees only the rows
 * within reach (their own, of an owned resource): another's item is null, as if absent.
 *
 * @example
 * new GraphQLObjectType({ name: "Query", fields: { ...queryFields(builder, products) } });
 */
export function queryFields(
  builder: TypeBuilder,
  resource: Resource,
): GraphQLFieldConfigMap<unknown, TuskContext> {
  const names = graphqlNames(resource);
  const { limits } = builder;
  const idField = resource.identifier.field.name;
  return {
    [names.itemField]: {
      type: resourceType(builder, resource),
      description: withScope(`One ${resource.singular} by ${idField}, or null.`, resource, "read"),
      args: { [idField]: { type: new GraphQLNonNull(scalarForIdentifier(resource.identifier.rule)) } },
      resolve: async (_root, args, context, info) => {
        const id = identifierArgument(resource, idField, args[idField]);
        assertPermitted(context.caller, resource, "read");
        const select = planSelect(planEnv(info, context, limits), resource, subSelections(info.fieldNodes));
        const where = uniqueWithinReach({ [idField]: id }, context.caller, resource, "read");
        return findUniqueRow(context.prisma, resource.model, { where, select });
      },
    },
    [names.collectionField]: {
      type: new GraphQLNonNull(connectionType(builder, resource)),
      description: withScope(`A page of ${resource.plural}.`, resource, "read"),
      args: { ...collectionArguments(builder, resource), ...countArgument(builder.cache, limits) },
      resolve: async (_root, args, context, info) => {
        assertPermitted(context.caller, resource, "read");
        const env = planEnv(info, context, limits);
        const { page, where, find } = collectionArgs(resource, args, limits, context.caller);
        const { items, wantsCount } = connectionSelection(env, subSelections(info.fieldNodes));
        const select = planSelect(env, resource, items);
        const method = (args.count as CountMethod | null | undefined) ?? "exact";
        const total = wantsCount ? { where, method, limit: limits.countExactLimit } : undefined;
        const counted = await countedPage(context.prisma, resource, { ...find, select }, total);
        return toConnection(resource, counted.rows, page, counted.count, counted.method);
      },
    },
    [names.aggregateField]: {
      type: new GraphQLNonNull(aggregateType(builder.cache, resource)),
      description: withScope(
        `Aggregates over the ${resource.plural} matching \`where\`, without fetching them.`,
        resource,
        "read",
      ),
      args: { where: { type: resourceFilter(builder.cache, resource) } },
      resolve: async (_root, args, context) => {
        assertPermitted(context.caller, resource, "read");
        const filter = toPrismaWhere(
          resource,
          args.where as Row | undefined,
          filterScope(context.caller, limits),
        );
        const where = withinReach(filter, context.caller, resource, "read");
        const raw = await aggregateRows(context.prisma, resource.model, {
          where,
          ...aggregateArgs(resource),
        });
        return shapeAggregate(resource, raw as RawAggregate);
      },
    },
  };
}
