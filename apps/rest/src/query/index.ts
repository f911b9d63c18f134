export { decodeCursor, encodeCursor, type PageDirection } from "./cursor.ts";
export { type PageSize, type ParsedQuery, parseQuery, type QueryCapabilities } from "./parse.ts";
