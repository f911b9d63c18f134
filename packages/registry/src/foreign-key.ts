import type { Resource, ResourceField } from "./types.ts";

/**
 * The resource a field refers to, when the field is the single foreign key of a to-one relation
 * (`Order.username` → `User`); such a field carries the target's identifier kind.
 *
 * @example
 * foreignKeyTarget(orders, orders.field("username")!)?.model; // "User"
 */
export function foreignKeyTarget(resource: Resource, field: ResourceField): Resource | undefined {
  return resource.relations.find(
    (r) => r.cardinality === "to-one" && r.foreignKeys.length === 1 && r.foreignKeys[0] === field.name,
  )?.target;
}
