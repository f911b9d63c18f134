import { type Resource, type ResourceRelation, upperFirst } from "@tusk/registry";

/**
 * Every GraphQL name derived from one resource (see docs/graphql-conventions.md).
 *
 * @example
 * const names: GraphqlNames = graphqlNames(registry.byModel("Book")!);
 * names.updateMutation; // "updateBook"
 */
export interface GraphqlNames {
  /** Object type: the Prisma model name (`Product`). */
  readonly type: string;
  /** Lookup by identifier: `product`; on the parent type for nested-only resources. */
  readonly itemField: string;
  /** Collection: `products` (root) or the parent's relation name (`lineItems`). */
  readonly collectionField: string;
  /** Aggregate over a filtered collection: `productsAggregate`. */
  readonly aggregateField: string;
  readonly connectionType: string;
  readonly edgeType: string;
  readonly filterInput: string;
  /** Filter on a to-many relation to this type: `ProductListRelationFilter`. */
  readonly listRelationFilterInput: string;
  /** Filter on a to-one relation to this type: `UserRelationFilter`. */
  readonly relationFilterInput: string;
  readonly orderByInput: string;
  readonly sortFieldEnum: string;
  readonly aggregateType: string;
  readonly createInput: string;
  readonly updateInput: string;
  readonly createMutation: string;
  readonly updateMutation: string;
  readonly deleteMutation: string;
  /** Creates several at once, all or none: `createProducts`. */
  readonly createManyMutation: string;
  /** Changes every row a filter matches, up to a stated number: `updateProducts`. */
  readonly updateManyMutation: string;
  /** Deletes every row a filter matches, up to a stated number: `deleteProducts`. */
  readonly deleteManyMutation: string;
  /** The argument of filtered updates and deletes: the most rows the caller expects to change. */
  readonly atMostArg: "atMost";
  /** `Create{Type}{Relation}Input`: one item of a to-many relation created inside the create. */
  nestedCreateInput(relation: ResourceRelation): string;
  /** The argument of create and update mutations holding the written fields: `input`. */
  readonly inputArg: "input";
  /** `{relation}Aggregate`, beside a to-many relation field. */
  relationAggregateField(relation: ResourceRelation): string;
  /** `addTo{Type}{Relation}` for a writable many-to-many membership. */
  addMembershipMutation(relation: ResourceRelation): string;
  /** `removeFrom{Type}{Relation}`. */
  removeMembershipMutation(relation: ResourceRelation): string;
  /** The membership target argument: `{targetSingular}{TargetIdField}` (`productId`). */
  membershipTargetArg(relation: ResourceRelation): string;
  /**
   * The optional argument of update and delete holding the version the caller last read:
   * `expected{VersionField}` (`expectedUpdatedAt`); undefined for a resource without a version.
   */
  readonly expectedVersionArg: string | undefined;
}

/**
 * The GraphQL names of a resource, all derived from the registry, so the REST app builds its
 * operations from the same rules and a name is never written twice.
 *
 * @example
 * const names = graphqlNames(registry.byPath("products")!);
 * names.collectionField; // "products"
 * const categories = registry.byPath("categories")!;
 * graphqlNames(categories).addMembershipMutation(categories.relation("products")!); // "addToCategoryProducts"
 */
export function graphqlNames(resource: Resource): GraphqlNames {
  const type = resource.model;
  const collectionField = resource.parent ? resource.parent.collection.name : resource.plural;
  return {
    type,
    itemField: resource.singular,
    collectionField,
    aggregateField: `${collectionField}Aggregate`,
    connectionType: `${type}Connection`,
    edgeType: `${type}Edge`,
    filterInput: `${type}Filter`,
    listRelationFilterInput: `${type}ListRelationFilter`,
    relationFilterInput: `${type}RelationFilter`,
    orderByInput: `${type}OrderBy`,
    sortFieldEnum: `${type}SortField`,
    aggregateType: `${type}Aggregate`,
    createInput: `Create${type}Input`,
    updateInput: `Update${type}Input`,
    createMutation: `create${type}`,
    updateMutation: `update${type}`,
    deleteMutation: `delete${type}`,
    createManyMutation: `create${upperFirst(resource.plural)}`,
    updateManyMutation: `update${upperFirst(resource.plural)}`,
    deleteManyMutation: `delete${upperFirst(resource.plural)}`,
    atMostArg: "atMost",
    nestedCreateInput: (relation) => `Create${type}${upperFirst(relation.name)}Input`,
    inputArg: "input",
    relationAggregateField: (relation) => `${relation.name}Aggregate`,
    addMembershipMutation: (relation) => `addTo${type}${upperFirst(relation.name)}`,
    removeMembershipMutation: (relation) => `removeFrom${type}${upperFirst(relation.name)}`,
    membershipTargetArg: (relation) =>
      `${relation.target.singular}${upperFirst(relation.target.identifier.field.name)}`,
    expectedVersionArg: resource.version ? `expected${upperFirst(resource.version.name)}` : undefined,
  };
}

/**
 * The argument naming a nested-only resource's parent in mutations: the child's foreign key
 * to the parent (`orderId` for a line item).
 *
 * @example
 * parentArgument(registry.byModel("LineItem")!); // "orderId"
 */
export function parentArgument(resource: Resource): string | undefined {
  return resource.parent?.relation.foreignKeys[0];
}
