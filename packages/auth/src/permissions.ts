import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import { type Caller, hasScope, isAdmin } from "./caller.ts";
import { type ScopeAccess, scopeFor } from "./scopes.ts";

/**
 * A Prisma `where` over one resource's rows; `{}` matches every row.
 *
 * @example
 * const mine: RowFilter = { username: "jdoe" };
 */
export type RowFilter = Readonly<Record<string, unknown>>;

/**
 * Whether the caller may read or write a resource at all: `admin` may do everything, anyone may
 * read a public resource, and otherwise the caller needs `<collection>:read` or
 * `<collection>:write`. For owned resources this is about the caller's own rows only (see
 * {@link rowFilter}). Links, `Allow` and the schema layer all ask this one function.
 *
 * @example
 * permits(ANONYMOUS, registry.byPath("products")!, "read"); // true
 * permits(userCaller("jdoe", ["orders:read"]), registry.byPath("orders")!, "write"); // false
 */
export function permits(caller: Caller, resource: Resource, access: ScopeAccess): boolean {
  if (isAdmin(caller)) return true;
  if (access === "read" && resource.access.public) return true;
  return hasScope(caller, scopeFor(resource, access));
}

const VERB: Readonly<Record<ScopeAccess, string>> = { read: "Reading", write: "Changing" };

/**
 * Throws unless {@link permits} allows the access: 401 `UNAUTHENTICATED` for an anonymous
 * caller (a token would help), 403 `FORBIDDEN` with `insufficient_scope` naming the scope for a
 * user without it. Both carry the challenge each edge renders as `WWW-Authenticate`.
 *
 * @example
 * assertPermitted(userCaller("jdoe", ["orders:read"]), orders, "write");
 * // throws ApiError FORBIDDEN "Changing orders needs the scope orders:write."
 */
export function assertPermitted(caller: Caller, resource: Resource, access: ScopeAccess): void {
  if (permits(caller, resource, access)) return;
  const scope = scopeFor(resource, access);
  if (caller.kind === "anonymous")
    throw new ApiError("UNAUTHENTICATED", `${VERB[access]} ${resource.path} needs a bearer token.`, {
      challenge: { scope },
    });
  throw new ApiError("FORBIDDEN", `${VERB[access]} ${resource.path} needs the scope ${scope}.`, {
    challenge: { error: "insufficient_scope", scope },
  });
}

/**
 * The rows of a resource that belong to a user, as a Prisma `where`: the row itself for a
 * resource that is its own owner, else through its owner relation (a line item through its
 * order), using the foreign key when it holds the username directly.
 *
 * @example
 * ownedBy(registry.byPath("orders")!, "jdoe"); // { username: "jdoe" }
 * ownedBy(registry.byPath("line_items")!, "jdoe"); // { order: { is: { username: "jdoe" } } }
 */
export function ownedBy(resource: Resource, username: string): RowFilter {
  const owner = resource.access.owner;
  if (owner === undefined) throw new Error(`${resource.model} has no owner`);
  if (owner.kind === "self") return { [resource.identifier.field.name]: username };
  const { relation } = owner;
  const [foreignKey, ...more] = relation.foreignKeys;
  if (relation.target.access.owner?.kind === "self" && foreignKey !== undefined && more.length === 0)
    return { [foreignKey]: username };
  return { [relation.name]: { is: ownedBy(relation.target, username) } };
}

/**
 * The Prisma `where` of the rows the caller may read or write: every row for `admin` and for
 * resources nobody owns, the caller's own rows of an owned resource, and none at all when
 * {@link permits} says no. The schema layer puts it inside the one query each operation runs,
 * so rows outside it are simply absent (a 404 for an item, not a 403).
 *
 * @example
 * rowFilter(userCaller("jdoe", ["orders:read"]), orders, "read"); // { username: "jdoe" }
 * rowFilter(ANONYMOUS, orders, "read"); // { id: { in: [] } }: no rows
 */
export function rowFilter(caller: Caller, resource: Resource, access: ScopeAccess): RowFilter {
  if (isAdmin(caller)) return {};
  const none = { [resource.identifier.field.name]: { in: [] } };
  if (!permits(caller, resource, access)) return none;
  if (resource.access.owner === undefined) return {};
  // Owned resources are never public, so only a user gets here; anonymous callers own nothing.
  return caller.kind === "user" ? ownedBy(resource, caller.username) : none;
}

/**
 * Whether the caller may see a row's private fields (`users.email`): `admin`, or the row's owner.
 * Rows of resources owned through a relation reach a non-admin only when {@link rowFilter} let
 * them through, so they are the caller's own; a resource that is its own owner compares its
 * identifier with the caller's username.
 *
 * @example
 * seesPrivateFields(userCaller("jdoe", ["users:read"]), users, { username: "jdoe" }); // true
 */
export function seesPrivateFields(
  caller: Caller,
  resource: Resource,
  row: Readonly<Record<string, unknown>>,
): boolean {
  if (isAdmin(caller)) return true;
  if (caller.kind === "anonymous") return false;
  const owner = resource.access.owner;
  if (owner?.kind === "self") return row[resource.identifier.field.name] === caller.username;
  return owner !== undefined;
}
