import type { Resource } from "@tusk/registry";
import { GraphQLEnumType, type GraphQLFieldConfigArgumentMap } from "graphql";
import type { QueryLimits } from "./limits.ts";
import { estimateCount, findManyRows, type ListArgs, type RawQueries } from "./sql/index.ts";
import type { TypeCache } from "./type-cache.ts";

type Row = Record<string, unknown>;

/** How a list's `totalCount` is counted: every matching row, or PostgreSQL's planner estimate. */
export type CountMethod = "exact" | "estimated";

/**
 * `CountMethod`: `EXACT` or `ESTIMATED`, the values REST's `?count=` and `Prefer: count=` take.
 *
 * @example
 * countMethodType(cache).getValue("ESTIMATED")?.value; // "estimated"
 */
export function countMethodType(cache: TypeCache): GraphQLEnumType {
  return cache.once(
    "CountMethod",
    (name) =>
      new GraphQLEnumType({
        name,
        description: "How `totalCount` is counted.",
        values: {
          EXACT: { value: "exact", description: "Every matching item, counted in the read's own statement." },
          ESTIMATED: {
            value: "estimated",
            description: "PostgreSQL's planner estimate of the matching items: cheap, and approximate.",
          },
        },
      }),
  );
}

/**
 * The `count` argument of a root collection.
 *
 * @example
 * { args: { ...collectionArguments(builder, products), ...countArgument(builder.cache, limits) } }
 */
export function countArgument(cache: TypeCache, limits: QueryLimits): GraphQLFieldConfigArgumentMap {
  const cap =
    limits.countExactLimit > 0
      ? ` An exact count above ${limits.countExactLimit} (COUNT_EXACT_LIMIT) answers the estimate instead; \`totalCountMethod\` says which answered.`
      : "";
  return {
    count: {
      type: countMethodType(cache),
      defaultValue: "exact",
      description: `How \`totalCount\` is counted.${cap}`,
    },
  };
}

/** A page of rows and, when asked for, the total and how it was counted. */
export interface CountedPage {
  readonly rows: Row[];
  readonly count: number | null;
  readonly method: CountMethod;
}

/**
 * Reads one page and, when `countWhere` is given, the total: an exact count in the page's own
 * statement, bounded by `limit` (0: no bound); when the exact count passes the bound, or an
 * estimate is asked for, the planner's estimate from one `EXPLAIN` after it.
 *
 * @example
 * await countedPage(prisma, products, find, { where, method: "exact", limit: 100_000 });
 * // { rows: [...], count: 3_042, method: "exact" }
 */
export async function countedPage(
  prisma: RawQueries,
  resource: Resource,
  args: ListArgs,
  total: { where: Row; method: CountMethod; limit: number } | undefined,
): Promise<CountedPage> {
  const exact = total?.method === "exact";
  const bound = exact && total.limit > 0 ? total.limit : undefined;
  const { rows, count } = await findManyRows(
    prisma,
    resource.model,
    args,
    exact ? total.where : undefined,
    bound,
  );
  if (!total) return { rows, count: null, method: "exact" };
  if (exact && (bound === undefined || (count ?? 0) <= bound)) return { rows, count, method: "exact" };
  return { rows, count: await estimateCount(prisma, resource.model, total.where), method: "estimated" };
}
