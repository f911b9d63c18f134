import { type QueryLimits, resolveLimits } from "@tusk/schema";

/** Page sizes of REST lists: `limit` when it is not given, and the largest accepted. */
export interface PageSize {
  readonly default: number;
  readonly max: number;
}

/**
 * The page sizes of the schema the REST app runs against, so every `limit`
 * REST accepts is a `first` GraphQL accepts.
 */
export function pageSizeOf(limits: Partial<QueryLimits> = {}): PageSize {
  const { defaultPageSize, maxPageSize } = resolveLimits(limits);
  return { default: defaultPageSize, max: maxPageSize };
}
