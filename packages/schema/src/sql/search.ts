import { SEARCH_COLUMN, SEARCH_CONFIG } from "@tusk/registry";
import { sql } from "kysely";
import type { Sql } from "./sources.ts";

/**
 * The `where` member matching rows by full-text search, `{ _search: "red widget" }`: the row's
 * generated `search` document against the text read as a web search (`websearch_to_tsquery`:
 * words, `"quoted phrases"`, `or`, `-excluded`; never a syntax error).
 */
export const SEARCH_WHERE = "_search";

/**
 * The `orderBy` member sorting by search rank, Prisma's shape for it:
 * `{ _relevance: { search: "red widget", sort: "desc" } }`.
 */
export const RELEVANCE_ORDER = "_relevance";

/** What {@link RELEVANCE_ORDER} holds. */
export interface Relevance {
  readonly search: string;
  readonly sort: "asc" | "desc";
}

const query = (text: string) => sql`websearch_to_tsquery(${sql.lit(SEARCH_CONFIG)}, ${text})`;

/**
 * Rows of the row aliased `alias` whose search document matches `text`; the GIN index on the
 * document answers it.
 *
 * @example
 * searchSql("t0", "widget"); // "t0"."search" @@ websearch_to_tsquery('english', $1)
 */
export function searchSql(alias: string, text: string): Sql {
  return sql`${sql.id(alias, SEARCH_COLUMN)} @@ ${query(text)}`;
}

/**
 * How well the row aliased `alias` matches `text` (`ts_rank`, weighing each searchable field by
 * its place in the registry's list). Never null: every document is a tsvector, empty at worst.
 *
 * @example
 * rankSql("t0", "widget"); // ts_rank("t0"."search", websearch_to_tsquery('english', $1))
 */
export function rankSql(alias: string, text: string): Sql {
  return sql`ts_rank(${sql.id(alias, SEARCH_COLUMN)}, ${query(text)})`;
}
