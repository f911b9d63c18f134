import type { IdentifierKind } from "@tusk/identifiers";
import type { ViewName } from "./views.ts";

/**
 * Per-relation annotation; everything else is read from Prisma.
 *
 * @example
 * const relations: Record<string, RelationEntry> = { books: { path: "titles" }, auditLog: { hidden: true } };
 */
export interface RelationEntry {
  /** Path segment; defaults to the snake_case field name. */
  readonly path?: string;
  /** Keep this relation out of both APIs. */
  readonly hidden?: boolean;
  /** For many-to-many relations: allow adding/removing memberships (default true). */
  readonly membershipWritable?: boolean;
}

/**
 * What the registry adds to a Prisma model to make it a resource. Names of
 * fields and relations are checked against the Prisma data model at load time.
 *
 * @example
 * const entry: ResourceEntry = { path: "books", identifier: { field: "isbn", rule: "isbn" }, writable: ["title"] };
 */
export interface ResourceEntry {
  /** Lowercase plural path segment (`products`). */
  readonly path: string;
  /** The identifier field and the rule that parses it. */
  readonly identifier: { readonly field: string; readonly rule: IdentifierKind };
  /** Scalar fields usable in filters. */
  readonly filterable?: readonly string[];
  /** Scalar fields usable in sorting. */
  readonly sortable?: readonly string[];
  /** Scalar fields a client may set on create and change on update. */
  readonly writable?: readonly string[];
  /** Scalar fields a client sets once, on create (a username, a line item's product). */
  readonly createOnly?: readonly string[];
  /**
   * Text fields full-text search covers, most important first (at most four: the first weighs
   * most in the rank). The model needs the generated `search` column they make up; see
   * docs/registry.md.
   */
  readonly search?: readonly string[];
  /** Scalar fields kept out of both APIs. */
  readonly hidden?: readonly string[];
  /** Annotations for relation fields, by Prisma field name. */
  readonly relations?: Readonly<Record<string, RelationEntry>>;
  /** The to-one relation to the parent, for resources reached only through it. */
  readonly parent?: string;
  /** Retired path names that answer with a redirect to `path`. */
  readonly formerPaths?: readonly string[];
  /** Offer no create, update or delete (default false). */
  readonly readOnly?: boolean;
  /** Anyone may read it, without a token too when anonymous reading is on (default false). */
  readonly public?: boolean;
  /**
   * Which rows are a caller's own: `self` (the identifier is the caller's username) or a
   * required to-one relation to an owned resource (an order's `user`, a line item's `order`).
   * Callers without `admin` see and change only their own rows.
   */
  readonly owner?: OwnerEntry;
  /** Scalar fields only the row's owner (and `admin`) may see. */
  readonly private?: readonly string[];
  /** The views offered over its collections (default: every one of `VIEW_NAMES`). */
  readonly views?: readonly ViewName[];
}

/**
 * How a resource's rows belong to a caller.
 *
 * @example
 * const byUser: OwnerEntry = { relation: "user" };
 * const itself: OwnerEntry = "self";
 */
export type OwnerEntry = "self" | { readonly relation: string };

/**
 * The annotation for every Prisma model: a resource entry, or listed as internal.
 *
 * @example
 * const definition: RegistryDefinition = { resources: { Book: entry }, internal: ["AuditLog"] };
 */
export interface RegistryDefinition {
  readonly resources: Readonly<Record<string, ResourceEntry>>;
  /** Models deliberately kept out of the APIs (join tables, bookkeeping). */
  readonly internal?: readonly string[];
}

/**
 * Declares the registry annotation with type checking; returns it unchanged.
 *
 * @example
 * export const definition = defineRegistry({
 *   resources: { Product: { path: "products", identifier: { field: "id", rule: "positive-integer" } } },
 * });
 */
export function defineRegistry<const T extends RegistryDefinition>(definition: T): T {
  return definition;
}
