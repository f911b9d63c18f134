export { addressVariables, describeAddress } from "./address.ts";
export { OperationCatalog } from "./catalog.ts";
export type { BuiltOperation } from "./documents.ts";
export { execute, located } from "./execute.ts";
export { type Connection, results } from "./results.ts";
export type { FilterOperator, RelationFilterFacts, ResourceFacts } from "./schema-facts.ts";
export { alwaysSelected, EMBED_LIMIT, optionalFields, selectionVariables } from "./selection.ts";
