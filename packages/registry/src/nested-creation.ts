import type { Resource, ResourceRelation } from "./types.ts";

/**
 * A to-many relation whose items may be created inside their parent's create: the child has a
 * required to-one relation back to the parent whose foreign keys the client sets on create, and
 * the child is writable. The child's foreign keys are then the new parent's, so the nested
 * input leaves them out.
 *
 * @example
 * const nested = nestedCreation(registry.byModel("Order")!.relation("lineItems")!);
 * nested?.backRelation.name; // "order"
 * nested?.foreignKeys; // ["orderId"]
 */
export interface NestedCreation {
  /** The to-many relation on the parent (`Order.lineItems`). */
  readonly relation: ResourceRelation;
  /** The child resource (`LineItem`). */
  readonly child: Resource;
  /** The child's required to-one relation to the parent (`LineItem.order`). */
  readonly backRelation: ResourceRelation;
  /** The child's fields holding the parent's identifier, set from the new parent. */
  readonly foreignKeys: readonly string[];
}

/**
 * Whether a relation's items may be created nested in their parent's create, and how (see
 * {@link NestedCreation}); undefined for any other relation.
 *
 * @example
 * nestedCreation(registry.byModel("Order")!.relation("user")!); // undefined: to-one
 */
export function nestedCreation(relation: ResourceRelation): NestedCreation | undefined {
  if (relation.cardinality !== "to-many" || !relation.inverse) return undefined;
  const child = relation.target;
  const backRelation = child.relation(relation.inverse);
  if (!child.writable || !backRelation?.required || backRelation.foreignKeys.length === 0) return undefined;
  const settable = backRelation.foreignKeys.every((key) => {
    const field = child.field(key);
    return field !== undefined && field.writable !== "never";
  });
  return settable ? { relation, child, backRelation, foreignKeys: backRelation.foreignKeys } : undefined;
}

/**
 * The relations of a resource whose items may be created nested in its create.
 *
 * @example
 * nestedCreations(registry.byModel("Order")!).map((n) => n.relation.name); // ["lineItems"]
 */
export function nestedCreations(resource: Resource): NestedCreation[] {
  return resource.relations.flatMap((relation) => {
    const nested = nestedCreation(relation);
    return nested ? [nested] : [];
  });
}
