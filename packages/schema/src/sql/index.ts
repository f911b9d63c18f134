/**
 * Reads compiled into one SQL statement in which PostgreSQL builds the JSON: the Prisma-shaped
 * arguments the planner makes (`where`, `orderBy`, `take`, `cursor`/`skip`, nested `select`,
 * `_count`) become `json_build_object`/`json_agg` over correlated subqueries, run through
 * Prisma's raw queries on PGlite and PostgreSQL alike.
 *
 * @example
 * import { findManyRows } from "./sql/index.ts";
 */
export { compileAggregate, compileCountEstimate, compileFindMany, compileFindUnique } from "./compile.ts";
export type { OrderByEntry } from "./order.ts";
export { aggregateRows, estimateCount, findManyRows, findUniqueRow, type RawQueries } from "./read.ts";
export { RELEVANCE_ORDER, type Relevance, SEARCH_WHERE } from "./search.ts";
export type { ListArgs } from "./select.ts";
