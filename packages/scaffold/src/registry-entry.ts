import type { ResourceSpec } from "./spec.ts";

/**
 * The registry entry of a new resource, as it is written in resources.ts: every field filterable
 * and sortable, the given fields writable. Review it: narrow the lists, add `owner` or `private`.
 *
 * @example
 * registryEntry(parseSpec(["Manufacturer", "--public"])); // '    Manufacturer: {\n      path: "manufacturers", ...'
 */
export function registryEntry(spec: ResourceSpec): string {
  const own = spec.fields.map((field) => field.name);
  const all = JSON.stringify(["id", ...own, "createdAt", "updatedAt"]).replaceAll(",", ", ");
  return [
    `    ${spec.model}: {`,
    `      path: "${spec.path}",`,
    `      identifier: { field: "id", rule: "positive-integer" },`,
    `      filterable: ${all},`,
    `      sortable: ${all},`,
    `      writable: ${JSON.stringify(own).replaceAll(",", ", ")},`,
    ...(spec.public ? ["      public: true,"] : []),
    "    },",
  ].join("\n");
}

/** The end of the `resources: { ... }` object in resources.ts: its closing brace before `internal`. */
const RESOURCES_END = /\n {2}\},\n {2}internal:/;

/**
 * resources.ts with the entry added as the last resource.
 *
 * @example
 * addRegistryEntry(readFileSync("packages/registry/src/resources.ts", "utf8"), spec);
 */
export function addRegistryEntry(source: string, spec: ResourceSpec): string {
  if (new RegExp(`^ {4}${spec.model}: \\{`, "m").test(source))
    throw new Error(`resources.ts already has an entry for ${spec.model}`);
  const end = RESOURCES_END.exec(source);
  if (!end) throw new Error("resources.ts: cannot find the end of `resources: { ... }` before `internal:`");
  return `${source.slice(0, end.index)}\n${registryEntry(spec)}${source.slice(end.index)}`;
}
