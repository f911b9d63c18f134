export { OperationCatalog } from "./catalog.ts";
export type { BuiltOperation, OperationShape } from "./documents.ts";
export type { FilterOperator, ResourceFacts } from "./schema-facts.ts";
export { alwaysSelected, EMBED_LIMIT, optionalFields, selectionVariables } from "./selection.ts";
