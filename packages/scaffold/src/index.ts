/**
 * @tusk/scaffold: `npm run add-resource`, which adds a resource's Prisma model, registry entry
 * and migration (docs/adding-a-resource.md).
 *
 * @example
 * import { addResource, parseSpec } from "@tusk/scaffold";
 * await addResource(process.cwd(), parseSpec(["Manufacturer", "--field", "name:String"]));
 */
export { type AddResourceResult, addResource, projectFiles } from "./add-resource.ts";
export { addModel, modelSkeleton } from "./model.ts";
export { addRegistryEntry, registryEntry } from "./registry-entry.ts";
export {
  FIELD_TYPES,
  type FieldSpec,
  type FieldType,
  parseSpec,
  type ResourceSpec,
  UsageError,
} from "./spec.ts";
