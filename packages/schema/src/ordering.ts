import type { Resource } from "@tusk/registry";
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull } from "graphql";
import { graphqlNames } from "./names.ts";
import type { TypeCache } from "./type-cache.ts";

/**
 * `SortDirection`: `ASC` or `DESC`.
 *
 * @example
 * sortDirection(cache).getValue("DESC")?.value; // "desc"
 */
export function sortDirection(cache: TypeCache): GraphQLEnumType {
  return cache.once(
    "SortDirection",
    (name) => new GraphQLEnumType({ name, values: { ASC: { value: "asc" }, DESC: { value: "desc" } } }),
  );
}

/**
 * `[{Type}OrderBy!]`: a list of `{ field, direction }`, applied in order.
 *
 * @example
 * orderByList(cache, products).toString(); // "[ProductOrderBy!]"
 */
export function orderByList(
  cache: TypeCache,
  resource: Resource,
): GraphQLList<GraphQLNonNull<GraphQLInputObjectType>> {
  const names = graphqlNames(resource);
  const fieldEnum = cache.once(
    names.sortFieldEnum,
    (name) =>
      new GraphQLEnumType({
        name,
        description: `Fields ${resource.plural} can be sorted by.`,
        values: Object.fromEntries(
          resource.fields.filter((f) => f.sortable).map((f) => [f.name, { value: f.name }]),
        ),
      }),
  );
  const input = cache.once(
    names.orderByInput,
    (name) =>
      new GraphQLInputObjectType({
        name,
        fields: {
          field: { type: new GraphQLNonNull(fieldEnum) },
          direction: { type: sortDirection(cache), defaultValue: "asc" },
        },
      }),
  );
  return new GraphQLList(new GraphQLNonNull(input));
}

/**
 * The Prisma `orderBy` for an `orderBy` argument, always ending with the identifier so that
 * every order is total and cursors stay stable.
 *
 * @example
 * toPrismaOrderBy(products, [{ field: "price", direction: "desc" }]);
 * // [{ price: "desc" }, { id: "asc" }]
 */
export function toPrismaOrderBy(
  resource: Resource,
  orderBy: readonly { field: string; direction?: "asc" | "desc" }[] | null | undefined,
): Record<string, "asc" | "desc">[] {
  const id = resource.identifier.field.name;
  const entries = (orderBy ?? []).map((o) => ({ [o.field]: o.direction ?? "asc" }));
  if (!(orderBy ?? []).some((o) => o.field === id)) entries.push({ [id]: "asc" });
  return entries;
}
