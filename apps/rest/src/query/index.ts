export { decodeCursor, encodeCursor, type PageDirection } from "./cursor.ts";
export { type PageSize, pageSizeOf } from "./page-size.ts";
export {
  COUNT_METHODS,
  type CountMethod,
  countMethodOf,
  type ParsedQuery,
  parseQuery,
  type QueryCapabilities,
  type QueryOptions,
  refuseQueryParameters,
} from "./parse.ts";
export { type RelationFilterSyntax, relationFilterSyntax } from "./relation-filters.ts";
