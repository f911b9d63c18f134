import type { IdentifierRule } from "@tusk/identifiers";
import type { ViewName } from "./views.ts";

/**
 * Prisma scalar types the APIs know how to expose.
 *
 * @example
 * registry.byModel("Product")?.field("price")?.type; // "Decimal"
 */
export type ScalarType = "String" | "Int" | "BigInt" | "Float" | "Decimal" | "Boolean" | "DateTime" | "Json";

/**
 * When a client may set a field: on create and update, only when creating
 * (identifiers given once, a line item's order), or never (server-assigned).
 *
 * @example
 * registry.byModel("Order")?.field("username")?.writable; // "create"
 */
export type Writability = "always" | "create" | "never";

/**
 * A scalar field of a resource, as both APIs expose it.
 *
 * @example
 * const price = registry.byModel("Product")?.field("price");
 * price?.restName; // "price"
 * price?.filterable; // true
 */
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
  /** Only the row's owner (and `admin`) may see it. */
  readonly private: boolean;
  readonly description?: string;
}

/**
 * How many targets a relation has, seen from both ends.
 *
 * @example
 * registry.byModel("Category")?.relation("products")?.cardinality; // "many-to-many"
 */
export type RelationCardinality = "to-one" | "to-many" | "many-to-many";

/**
 * A relation field of a resource, navigable as a REST sub-path and a GraphQL field.
 *
 * @example
 * const owner = registry.byModel("Vehicle")?.relation("owner");
 * owner?.target.model; // "User"
 * owner?.foreignKeys; // ["username"]
 */
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

/**
 * A resource's identifier: the field and the rule that parses and formats it.
 *
 * @example
 * const { rule } = registry.byModel("Book")!.identifier;
 * rule.parse("0-306-40615-2"); // { ok: true, value: "9780306406157", ... }
 */
export interface ResourceIdentifier {
  readonly field: ResourceField;
  readonly rule: IdentifierRule;
  /** The database assigns it (autoincrement); otherwise the client gives it once at creation. */
  readonly serverAssigned: boolean;
}

/**
 * The parent of a resource that exists only under it (a line item under its order).
 *
 * @example
 * const parent = registry.byModel("LineItem")?.parent;
 * parent?.resource.path; // "orders"
 * parent?.collection.path; // "line_items"
 */
export interface ResourceParent {
  /** The to-one relation from the child to the parent. */
  readonly relation: ResourceRelation;
  readonly resource: Resource;
  /** The to-many relation on the parent that lists the children. */
  readonly collection: ResourceRelation;
}

/**
 * How a row belongs to a caller: it is the caller (its identifier is the username), or it
 * belongs to whoever owns the row a required to-one relation points to.
 *
 * @example
 * registry.byModel("LineItem")?.access.owner; // { kind: "relation", relation: <LineItem.order> }
 */
export type Ownership =
  | { readonly kind: "self" }
  | { readonly kind: "relation"; readonly relation: ResourceRelation };

/**
 * Who may read a resource's rows and fields; enforced by the schema layer for both APIs.
 *
 * @example
 * registry.byPath("products")?.access.public; // true
 * registry.byPath("orders")?.access.owner?.kind; // "relation"
 */
export interface ResourceAccess {
  /** Readable by anyone, anonymous callers too when anonymous reading is on. */
  readonly public: boolean;
  /** Set for resources whose rows belong to a user: others see none of them. */
  readonly owner: Ownership | undefined;
  readonly privateFields: readonly ResourceField[];
}

/**
 * One resource: a Prisma model exposed by both APIs.
 *
 * @example
 * const product = registry.byPath("products");
 * product?.model; // "Product"
 * product?.relations.map((r) => r.path); // ["categories", "line_items"]
 */
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
  /** Who may read its rows and fields. */
  readonly access: ResourceAccess;
  /**
   * The text fields full-text search covers, most important first (weights A, B, C, D in
   * that order); empty when the resource offers no search.
   */
  readonly search: readonly ResourceField[];
  /** Views over each collection of this resource: `/v1/products/views/summary`, `/v1/categories/36/products/views/summary`. */
  readonly views: readonly ViewName[];
  /**
   * The field that changes on every update and never repeats (the model's `@updatedAt`, moved
   * forward by the database): the version optimistic concurrency compares in the write itself.
   */
  readonly version: ResourceField | undefined;
  field(name: string): ResourceField | undefined;
  relation(name: string): ResourceRelation | undefined;
}

/**
 * The loaded registry: every resource and every way to look one up.
 *
 * @example
 * registry.byFormerPath("items")?.path; // "products"
 */
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
