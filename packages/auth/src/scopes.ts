import type { Registry, Resource } from "@tusk/registry";

/**
 * The scope that allows everything on every row.
 *
 * @example
 * userCaller("root", [ADMIN_SCOPE]);
 */
export const ADMIN_SCOPE = "admin";

/**
 * What a scope allows on a collection: reading it, or creating, changing and deleting in it.
 *
 * @example
 * const access: ScopeAccess = "write";
 */
export type ScopeAccess = "read" | "write";

const ACCESS_DESCRIPTION: Readonly<Record<ScopeAccess, string>> = {
  read: "Read",
  write: "Create, change and delete",
};

/**
 * The scope for one kind of access to a resource: `<collection>:read` or `<collection>:write`,
 * named after the REST collection.
 *
 * @example
 * scopeFor(registry.byPath("line_items")!, "write"); // "line_items:write"
 */
export function scopeFor(resource: Pick<Resource, "path">, access: ScopeAccess): string {
  return `${resource.path}:${access}`;
}

/**
 * Every scope a token may carry, with a description, derived from the registry: read and write
 * for each collection, then `admin`.
 *
 * @example
 * scopeCatalog(registry)[0]; // { name: "users:read", description: "Read users (only your own rows)." }
 */
export function scopeCatalog(registry: Registry): { name: string; description: string }[] {
  const scopes = registry.resources.flatMap((resource) =>
    (["read", "write"] as const).map((access) => ({
      name: scopeFor(resource, access),
      description: `${ACCESS_DESCRIPTION[access]} ${resource.path}${resource.access.owner ? " (only your own rows)" : ""}.`,
    })),
  );
  scopes.push({ name: ADMIN_SCOPE, description: "Everything, on every row." });
  return scopes;
}

/**
 * The scope a caller needs for one kind of access to a resource: none to read a resource the
 * registry marks public (anyone may; without a token too when `AUTH_ANONYMOUS=read`), else
 * `<collection>:<access>`. The OpenAPI document, definitions and GraphQL descriptions state it.
 *
 * @example
 * requiredScope(registry.byPath("products")!, "read"); // undefined
 * requiredScope(registry.byPath("orders")!, "read"); // "orders:read"
 */
export function requiredScope(
  resource: Pick<Resource, "path" | "access">,
  access: ScopeAccess,
): string | undefined {
  return access === "read" && resource.access.public ? undefined : scopeFor(resource, access);
}

/**
 * The scopes of an ordinary customer: read everything, and write the resources whose rows belong
 * to their owner (the schema layer keeps those writes to the customer's own rows).
 *
 * @example
 * customerScopes(registry); // ["users:read", "users:write", "categories:read", ..., "orders:write", ...]
 */
export function customerScopes(registry: Registry): string[] {
  return registry.resources.flatMap((resource) => [
    scopeFor(resource, "read"),
    ...(resource.access.owner ? [scopeFor(resource, "write")] : []),
  ]);
}
