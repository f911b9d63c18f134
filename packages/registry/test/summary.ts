/** A plain-text summary of a registry, for the snapshot and the throwaway-resource test. */
import type { Ownership, Registry } from "../src/index.ts";

function ownerNote(owner: Ownership): string {
  return owner.kind === "self" ? "by itself" : `through ${owner.relation.name}`;
}

/** One line per resource, then one indented line per relation, all sorted. */
export function summarise(target: Registry): string {
  const lines: string[] = [];
  for (const resource of [...target.resources].sort((a, b) => a.model.localeCompare(b.model))) {
    const { field, rule, serverAssigned } = resource.identifier;
    const place = resource.parent
      ? `/v1/${resource.parent.resource.path}/{id}/${resource.parent.collection.path}/{${field.name}}`
      : `/v1/${resource.path}/{${field.name}}`;
    const notes = [
      `identifier ${field.name}: ${rule.kind}${serverAssigned ? ", server-assigned" : ", client-given"}`,
      ...(resource.formerPaths.length ? [`formerly ${resource.formerPaths.join(", ")}`] : []),
      ...(resource.writable ? [] : ["read-only"]),
      ...(resource.access.public ? ["public"] : []),
      ...(resource.access.owner ? [`owned ${ownerNote(resource.access.owner)}`] : []),
      ...resource.access.privateFields.map((f) => `private ${f.name}`),
      ...(resource.search.length ? [`search ${resource.search.map((f) => f.name).join(", ")}`] : []),
    ];
    lines.push(`${resource.model} ${place} (${notes.join("; ")})`);
    for (const relation of [...resource.relations].sort((a, b) => a.name.localeCompare(b.name))) {
      const details = [
        relation.cardinality,
        ...(relation.foreignKeys.length ? [`via ${relation.foreignKeys.join(", ")}`] : []),
        ...(relation.required ? ["required"] : []),
        ...(relation.membershipWritable ? ["memberships writable"] : []),
      ];
      lines.push(`  ${relation.name} /${relation.path} -> ${relation.target.model} (${details.join(", ")})`);
    }
  }
  return `${lines.join("\n")}\n`;
}
