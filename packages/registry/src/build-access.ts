import type { ResourceEntry } from "./define.ts";
import type { Ownership, Resource, ResourceAccess } from "./types.ts";

/** The access declaration before owners are linked (relations are not known yet). */
export function initialAccess(entry: ResourceEntry, resourceFields: Resource["fields"]): ResourceAccess {
  return {
    public: entry.public ?? false,
    owner: undefined,
    privateFields: resourceFields.filter((f) => f.private),
  };
}

function ownershipOf(resource: Resource, entry: ResourceEntry, problems: string[]): Ownership | undefined {
  const owner = entry.owner;
  if (owner === undefined) return undefined;
  if (owner === "self") {
    // The row is the caller when its identifier is the caller's username.
    if (resource.identifier.rule.kind !== "username")
      problems.push(`${resource.model}.owner "self" needs a username identifier`);
    return { kind: "self" };
  }
  const relation = resource.relation(owner.relation);
  if (relation?.cardinality !== "to-one" || !relation.required) {
    problems.push(
      `${resource.model}.owner must name a required to-one relation; "${owner.relation}" is not one`,
    );
    return undefined;
  }
  return { kind: "relation", relation };
}

/**
 * Links each resource's owner and checks the declarations: an owner relation leads, one owned
 * resource after another, to a resource that is its own owner; a public resource has no owner;
 * private fields need an owner to be visible to.
 */
export function linkAccess(
  built: readonly { entry: ResourceEntry; resource: Resource & { access: ResourceAccess } }[],
  problems: string[],
): void {
  for (const { entry, resource } of built) {
    const owner = ownershipOf(resource, entry, problems);
    (resource as { access: ResourceAccess }).access = { ...resource.access, owner };
    if (owner && resource.access.public)
      problems.push(`${resource.model} is public and owned; rows cannot be both`);
    if (resource.access.privateFields.length > 0 && !owner)
      problems.push(`${resource.model} has private fields but no owner to show them to`);
  }
  for (const { resource } of built) {
    const seen = new Set<string>();
    let current: Resource = resource;
    while (current.access.owner?.kind === "relation") {
      if (seen.has(current.model)) {
        problems.push(`${resource.model}.owner: the owner relations form a cycle`);
        break;
      }
      seen.add(current.model);
      const target = current.access.owner.relation.target;
      if (!target.access.owner) {
        problems.push(`${current.model}.owner: ${target.model} has no owner, so its rows belong to nobody`);
        break;
      }
      current = target;
    }
  }
}
