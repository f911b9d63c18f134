import type { Resource, ResourceRelation } from "@tusk/registry";
import type { GraphQLFieldResolver, GraphQLObjectType } from "graphql";
import type { TuskContext } from "./context.ts";
import type { QueryLimits } from "./limits.ts";
import { pageQuery, toConnection } from "./pagination.ts";
import { planEnv, planField, type Select } from "./plan.ts";
import { findUniqueRow } from "./sql/index.ts";

type Row = Record<string, unknown>;

/**
 * The parent row holding this relation field's data: the parent itself when the root field's
 * plan fetched it, otherwise one statement for this field alone (a second alias of a relation
 * with different arguments).
 */
async function sourceOf(
  resource: Resource,
  parent: Row,
  context: TuskContext,
  info: Parameters<GraphQLFieldResolver<Row, TuskContext>>[3],
  limits: QueryLimits,
): Promise<Row> {
  if (context.planned.has(info.fieldNodes[0]!)) return parent;
  const select: Select = {};
  const env = planEnv(info, context, limits);
  planField(env, info.parentType as GraphQLObjectType, select, info.fieldNodes, false);
  const idField = resource.identifier.field.name;
  const row = await findUniqueRow(context.prisma, resource.model, {
    where: { [idField]: parent[idField] },
    select,
  });
  return row ?? {};
}

/**
 * Resolves a to-one relation from the planned parent row.
 *
 * @example
 * { type: productType, resolve: toOneResolver(lineItems, lineItems.relation("product")!, limits) }
 */
export function toOneResolver(
  resource: Resource,
  relation: ResourceRelation,
  limits: QueryLimits,
): GraphQLFieldResolver<Row, TuskContext> {
  return async (parent, _args, context, info) =>
    (await sourceOf(resource, parent, context, info, limits))[relation.name] ?? null;
}

/**
 * Resolves a nested-only child looked up by identifier on its parent (`order { lineItem(id:) }`).
 *
 * @example
 * { type: lineItemType, resolve: nestedItemResolver(orders, orders.relation("lineItems")!, limits) }
 */
export function nestedItemResolver(
  resource: Resource,
  relation: ResourceRelation,
  limits: QueryLimits,
): GraphQLFieldResolver<Row, TuskContext> {
  return async (parent, _args, context, info) => {
    const rows = (await sourceOf(resource, parent, context, info, limits))[relation.name] as
      | Row[]
      | undefined;
    return rows?.[0] ?? null;
  };
}

/**
 * Resolves a to-many relation as a connection over the planned rows and `_count`.
 *
 * @example
 * { type: productConnection, resolve: connectionResolver(categories, categories.relation("products")!, limits) }
 */
export function connectionResolver(
  resource: Resource,
  relation: ResourceRelation,
  limits: QueryLimits,
): GraphQLFieldResolver<Row, TuskContext> {
  return async (parent, args, context, info) => {
    const source = await sourceOf(resource, parent, context, info, limits);
    const rows = (source[relation.name] as Row[] | undefined) ?? [];
    const counts = source._count as Record<string, number> | undefined;
    const page = pageQuery(relation.target, args, limits);
    return toConnection(relation.target, rows, page, counts?.[relation.name] ?? null);
  };
}
