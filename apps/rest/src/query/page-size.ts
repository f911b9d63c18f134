import { type QueryLimits, resolveLimits } from "@tusk/schema";

/**
 * Page sizes of REST lists: `limit` when it is not given, and the largest accepted; and the
 * longest search text `q` the schema takes.
 */
export interface PageSize {
  readonly default: number;
  readonly max: number;
  readonly maxSearchLength: number;
}

/**
 * The page sizes of the schema the REST app runs against, so every `limit`
 * REST accepts is a `first` GraphQL accepts (and its search length, for the OpenAPI document).
 */
export function pageSizeOf(limits: Partial<QueryLimits> = {}): PageSize {
  const { defaultPageSize, maxPageSize, maxSearchLength } = resolveLimits(limits);
  return { default: defaultPageSize, max: maxPageSize, maxSearchLength };
}
