import type { IdentifierRule } from "@tusk/identifiers";

/** Prisma scalar types the APIs know how to expose. */
export type ScalarType = "String" | "Int" | "BigInt" | "Float" | "Decimal" | "Boolean" | "DateTime" | "Json";

/**
 * When a client may set a field: on create and update, only when creating
 * (identifiers given once, a line item's order), or never (server-assigned).
 */
export type Writability = "always" | "create" | "never";

/** A scalar field of a resource, as both APIs expose it. */
export interface ResourceField {
  /** Prisma field name; also the GraphQL field name. */
  readonly name: string;
  /** snake_case member name in REST representations and query strings. */
  readonly restName: string;
  readonly type: ScalarType;
  /** Required on output (never null). */
  readonly required: boolean;
  /** A client must provide it on create (required, no default, writable). */
  readonly requiredOnCreate: boolean;
  readonly isIdentifier: boolean;
  readonly unique: boolean;
  readonly filterable: boolean;
  readonly sortable: boolean;
  readonly writable: Writability;
  readonly description?: string;
}

export type RelationCardinality = "to-one" | "to-many" | "many-to-many";

/** A relation field of a resource, navigable as a REST sub-path and a GraphQL field. */
export interface ResourceRelation {
  /** Prisma field name; also the GraphQL field name. */
  readonly name: string;
  /** Path segment under the resource item: `/v1/categories/36/products`. */
  readonly path: string;
  /** snake_case name used as the link rel suffix and zoom name. */
  readonly restName: string;
  readonly cardinality: RelationCardinality;
  /** The resource at the other end. */
  readonly target: Resource;
  /** For to-one relations: the scalar fields on this resource holding the target's identifier. */
  readonly foreignKeys: readonly string[];
  /** The relation field on the target that points back here, if any. */
  readonly inverse: string | undefined;
  /** A to-one relation that must always be set. */
  readonly required: boolean;
  /** Many-to-many memberships can be added and removed (`PUT/DELETE /v1/categories/36/products/73924`). */
  readonly membershipWritable: boolean;
}

/** A resource's identifier: the field and the rule that parses and formats it. */
export interface ResourceIdentifier {
  readonly field: ResourceField;
  readonly rule: IdentifierRule;
  /** The database assigns it (autoincrement); otherwise the client gives it once at creation. */
  readonly serverAssigned: boolean;
}

/** The parent of a resource that exists only under it (a line item under its order). */
export interface ResourceParent {
  /** The to-one relation from the child to the parent. */
  readonly relation: ResourceRelation;
  readonly resource: Resource;
  /** The to-many relation on the parent that lists the children. */
  readonly collection: ResourceRelation;
}

/** One resource: a Prisma model exposed by both APIs. */
export interface Resource {
  /** Prisma model name; also the GraphQL type name. */
  readonly model: string;
  /** Lowercase plural path segment: `products`, `line_items`. */
  readonly path: string;
  /** Singular lower-camel name: `product`, `lineItem` (GraphQL root lookup field). */
  readonly singular: string;
  /** Lower-camel plural: `products`, `lineItems` (GraphQL root collection field). */
  readonly plural: string;
  readonly description: string | undefined;
  readonly identifier: ResourceIdentifier;
  readonly fields: readonly ResourceField[];
  readonly relations: readonly ResourceRelation[];
  /** Set when the resource is reached only through its parent. */
  readonly parent: ResourceParent | undefined;
  /** Retired path names that redirect to `path`. */
  readonly formerPaths: readonly string[];
  /** Create, update and delete are offered. */
  readonly writable: boolean;
  field(name: string): ResourceField | undefined;
  relation(name: string): ResourceRelation | undefined;
}

/** The loaded registry: every resource and every way to look one up. */
export interface Registry {
  readonly resources: readonly Resource[];
  /** Resources with a root collection (not nested-only). */
  readonly rootResources: readonly Resource[];
  /** Prisma models deliberately kept out of both APIs. */
  readonly internalModels: readonly string[];
  byModel(model: string): Resource | undefined;
  byPath(path: string): Resource | undefined;
  /** The resource whose retired path name this is. */
  byFormerPath(path: string): Resource | undefined;
}
