import { requiredScope, type ScopeAccess } from "@tusk/auth";
import type { Resource } from "@tusk/registry";
import { servedMethods } from "./methods.ts";
import type { OperationShape } from "./operation-shape.ts";
import type { Subject } from "./subjects.ts";

/** What an operation touches: reads are of what it answers with, writes of the resource it changes. */
export function accessOf(shape: OperationShape): {
  readonly resource: Resource;
  readonly access: ScopeAccess;
} {
  switch (shape.kind) {
    case "item":
    case "collection":
    case "aggregate":
      return { resource: shape.resource, access: "read" };
    case "relation":
    case "relation-item":
    case "relation-aggregate":
      return { resource: shape.relation.target, access: "read" };
    case "create":
    case "update":
    case "delete":
    case "create-many":
    case "update-many":
    case "delete-many":
    // A membership is part of the resource whose relation it is: adding a product to a category
    // changes the category.
    case "add":
    case "remove":
      return { resource: shape.resource, access: "write" };
  }
  const unknown: never = shape;
  throw new Error(`No access for ${JSON.stringify(unknown)}`);
}

/**
 * The scope a method needs on a route: the one of the GraphQL operation that answers it
 * (`requiredScope`), none for OPTIONS, the API root, the OpenAPI document and definitions (they
 * describe the API, not its rows), nor for reading a public resource. HEAD needs what GET needs;
 * a method the route does not serve needs none (it is 405 for everyone).
 *
 * @example
 * scopeOf({ kind: "item", resource: orders }, "DELETE"); // "orders:write"
 * scopeOf({ kind: "collection", resource: products }, "GET"); // undefined
 */
export function scopeOf(subject: Subject, method: string): string | undefined {
  const tableMethod = method === "HEAD" ? "GET" : method;
  const served = servedMethods(subject).find((entry) => entry.method === tableMethod);
  if (!served?.operation) return undefined;
  const { resource, access } = accessOf(served.operation);
  return requiredScope(resource, access);
}
