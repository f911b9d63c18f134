import { requiredScope, type ScopeAccess } from "@tusk/auth";
import type { Resource } from "@tusk/registry";

// Scopes are stated as a line of each description, not as a directive: graphql-js prints no
// applied directive but @deprecated and @specifiedBy in SDL, and introspection has no place for
// them, so a `@scope` directive would be invisible in GraphiQL and to every client's tooling.
// A description shows in both, and in the SDL snapshot.

/** The line a field's description ends with: the scope it needs, or that it needs none. */
function scopeLine(resource: Resource, access: ScopeAccess): string {
  const scope = requiredScope(resource, access);
  if (scope === undefined) return "Scope: none (public).";
  return `Scope: \`${scope}\`${resource.access.owner ? " (only your own rows)" : ""}.`;
}

/**
 * A root field's description with the scope it needs on its last line.
 *
 * @example
 * withScope("A page of orders.", orders, "read"); // "A page of orders.\n\nScope: `orders:read` (only your own rows)."
 */
export function withScope(description: string, resource: Resource, access: ScopeAccess): string {
  return `${description}\n\n${scopeLine(resource, access)}`;
}

/**
 * A resource type's description with the scopes that read and change it.
 *
 * @example
 * typeDescription(products); // "…\n\nRead: needs no scope (public). Write: `products:write`."
 */
export function typeDescription(resource: Resource): string {
  const read = requiredScope(resource, "read");
  const write = requiredScope(resource, "write");
  const readLine = read === undefined ? "needs no scope (public)" : `\`${read}\``;
  const own = resource.access.owner ? " Only your own rows (`admin`: every row)." : "";
  const lines = `Read: ${readLine}. Write: \`${write}\`.${own}`;
  return resource.description ? `${resource.description}\n\n${lines}` : lines;
}

/**
 * A field's description, noting when only the row's owner and `admin` see it.
 *
 * @example
 * fieldDescription(users.field("email")!); // "Private: only the row's owner and `admin` see it."
 */
export function fieldDescription(field: Resource["fields"][number]): string | undefined {
  if (!field.private) return field.description;
  const line = "Private: only the row's owner and `admin` see it.";
  return field.description ? `${field.description}\n\n${line}` : line;
}
