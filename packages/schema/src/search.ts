import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import { type GraphQLFieldConfigArgumentMap, GraphQLString } from "graphql";
import type { QueryLimits } from "./limits.ts";
import { type OrderByEntry, RELEVANCE_ORDER, SEARCH_WHERE } from "./sql/index.ts";

type Where = Record<string, unknown>;
type OrderBy = readonly OrderByEntry[];

/**
 * The `search` argument of a resource's collections, when the registry marks some of its
 * fields searchable; none otherwise (the argument is then unknown to the schema).
 *
 * @example
 * searchArgument(products, limits); // { search: { type: String, description: "..." } }
 * searchArgument(orders, limits); // {}
 */
export function searchArgument(resource: Resource, limits: QueryLimits): GraphQLFieldConfigArgumentMap {
  if (resource.search.length === 0) return {};
  const fields = resource.search.map((f) => `\`${f.name}\``).join(", ");
  return {
    search: {
      type: GraphQLString,
      description: `Full-text search over ${fields} (in that order of weight), as a web search engine reads it: words, "quoted phrases", \`or\`, \`-word\` to exclude. Items come best match first unless \`orderBy\` is given. At most ${limits.maxSearchLength} characters.`,
    },
  };
}

/** The search text of a collection's arguments, checked; undefined when not searching. */
function searchText(args: Readonly<Record<string, unknown>>, limits: QueryLimits): string | undefined {
  const text = args.search;
  if (text === undefined || text === null) return undefined;
  const value = String(text);
  let reason: string | undefined;
  if (value.trim() === "") reason = "must not be empty";
  else if (value.length > limits.maxSearchLength)
    reason = `must be at most ${limits.maxSearchLength} characters; got ${value.length}`;
  if (reason)
    throw new ApiError("BAD_USER_INPUT", `"search" ${reason}.`, {
      invalidParams: [{ name: "search", reason }],
    });
  return value;
}

/**
 * A collection's `where` and `orderBy` with its `search` argument applied: only matching rows,
 * best match first (then by identifier) unless the client gave its own order. Unchanged without
 * a search; a bad one is `BAD_USER_INPUT` naming `search`.
 *
 * @example
 * withSearch(products, { search: "widget" }, {}, [{ id: "asc" }], false, limits);
 * // { where: { _search: "widget" }, orderBy: [{ _relevance: { search: "widget", sort: "desc" } }, { id: "asc" }] }
 */
export function withSearch(
  resource: Resource,
  args: Readonly<Record<string, unknown>>,
  where: Where,
  orderBy: OrderBy,
  ordered: boolean,
  limits: QueryLimits,
): { where: Where; orderBy: OrderBy } {
  const text = searchText(args, limits);
  if (text === undefined || resource.search.length === 0) return { where, orderBy };
  const match = { [SEARCH_WHERE]: text };
  return {
    where: Object.keys(where).length === 0 ? match : { AND: [where, match] },
    orderBy: ordered ? orderBy : [{ [RELEVANCE_ORDER]: { search: text, sort: "desc" } }, ...orderBy],
  };
}
