/**
 * @tusk/registry: the one list of resources both APIs are derived from.
 *
 * @example
 * import { registry } from "@tusk/registry";
 * for (const resource of registry.rootResources) console.log(`/v1/${resource.path}`);
 */
import { buildRegistry } from "./build.ts";
import { readGeneratedDatamodel } from "./datamodel.ts";
import { definition } from "./resources.ts";

export { buildRegistry } from "./build.ts";
export type { Datamodel, DatamodelField, DatamodelModel } from "./datamodel.ts";
export { readGeneratedDatamodel } from "./datamodel.ts";
export type { OwnerEntry, RegistryDefinition, RelationEntry, ResourceEntry } from "./define.ts";
export { defineRegistry } from "./define.ts";
export { foreignKeyTarget } from "./foreign-key.ts";
export { lowerFirst, toCamelCase, toSnakeCase, toWords, upperFirst } from "./names.ts";
export { type NestedCreation, nestedCreation, nestedCreations } from "./nested-creation.ts";
export { RegistryError } from "./registry-error.ts";
export { definition } from "./resources.ts";
export { SEARCH_COLUMN, SEARCH_CONFIG, searchDocumentSql } from "./search.ts";
export type {
  Ownership,
  Registry,
  RelationCardinality,
  Resource,
  ResourceAccess,
  ResourceField,
  ResourceIdentifier,
  ResourceParent,
  ResourceRelation,
  ScalarType,
  Writability,
} from "./types.ts";
export { VIEW_NAMES, type ViewName } from "./views.ts";

/**
 * The registry built from prisma/schema.prisma and {@link definition}; fails
 * at import time if the two disagree.
 *
 * @example
 * registry.byPath("books")?.identifier.rule.kind; // "isbn"
 */
export const registry = buildRegistry(readGeneratedDatamodel(), definition);
