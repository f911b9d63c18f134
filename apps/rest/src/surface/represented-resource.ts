import type { Resource } from "@tusk/registry";
import type { Subject } from "./subjects.ts";

/**
 * The resource a route's representation is of: the relation's target on relational routes,
 * the route's own resource otherwise, none for the API root, the OpenAPI document and problem types.
 */
export function representedResource(route: Subject): Resource | undefined {
  switch (route.kind) {
    case "root":
    case "openapi":
    case "problem":
      return undefined;
    case "relation":
    case "relation-item":
    case "relation-view":
      return route.relation.target;
    case "collection":
    case "item":
    case "definition":
    case "view":
      return route.resource;
  }
  const unknown: never = route;
  throw new Error(`No represented resource for ${JSON.stringify(unknown)}`);
}
