export { decodeCursor, encodeCursor, type PageDirection } from "./cursor.ts";
export { type PageSize, pageSizeOf } from "./page-size.ts";
export {
  type ParsedQuery,
  parseQuery,
  type QueryCapabilities,
  type QueryOptions,
  refuseQueryParameters,
} from "./parse.ts";
