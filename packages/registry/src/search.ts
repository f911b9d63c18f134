import type { ResourceEntry } from "./define.ts";
import type { ResourceField } from "./types.ts";

/**
 * The column holding a searchable resource's full-text document, `search` in every table, and
 * the Prisma field declaring it (`search Unsupported("tsvector")?`, which Prisma's client and
 * data model leave out).
 *
 * @example
 * SEARCH_COLUMN; // "search"
 */
export const SEARCH_COLUMN = "search";

/**
 * The text search configuration of every document and query: `english` stems words and drops
 * stop words, so `?q=widgets` finds "Widget" and `?q=the widget` matches as `widget` does.
 *
 * @example
 * `websearch_to_tsquery('${SEARCH_CONFIG}', $1)`; // websearch_to_tsquery('english', $1)
 */
export const SEARCH_CONFIG = "english";

/** PostgreSQL's four weights, given to the searchable fields in their order. */
export const SEARCH_WEIGHTS = ["A", "B", "C", "D"] as const;

/**
 * The searchable fields of an entry, checked: each an exposed `String` field that is not
 * private (matching on it would reveal it), named once, at most four.
 */
export function buildSearch(
  model: string,
  entry: ResourceEntry,
  fields: readonly ResourceField[],
  problems: string[],
): ResourceField[] {
  const names = entry.search ?? [];
  if (names.length > SEARCH_WEIGHTS.length)
    problems.push(
      `${model}.search lists ${names.length} fields; at most ${SEARCH_WEIGHTS.length} (one per weight) are allowed`,
    );
  const found: ResourceField[] = [];
  for (const [index, name] of names.entries()) {
    const field = fields.find((f) => f.name === name);
    if (names.indexOf(name) !== index) problems.push(`${model}.search names "${name}" twice`);
    else if (!field) {
      // A name that is not a scalar field at all is reported by checkFieldNames.
      if (entry.hidden?.includes(name)) problems.push(`${model}.search names "${name}", which is hidden`);
    } else if (field.type !== "String")
      problems.push(
        `${model}.search names "${name}", a ${field.type} field; only String fields are searchable`,
      );
    else if (field.private)
      problems.push(`${model}.search names "${name}", which is private; a match would reveal it`);
    else found.push(field);
  }
  return found;
}

/**
 * The SQL of a searchable table's generated document column, from its searchable columns in
 * order: each weighted by its place (A first) so a match in the first ranks highest. Migrations
 * add the column as `search tsvector GENERATED ALWAYS AS (...) STORED` with this expression
 * (`npm run db:diff` writes it), and a test compares every table's column with it.
 *
 * @example
 * searchDocumentSql(["name", "description"]);
 * // setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("description", '')), 'B')
 */
export function searchDocumentSql(columns: readonly string[]): string {
  return columns
    .map(
      (column, index) =>
        `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce("${column.replaceAll('"', '""')}", '')), '${SEARCH_WEIGHTS[Math.min(index, SEARCH_WEIGHTS.length - 1)]}')`,
    )
    .join(" || ");
}
