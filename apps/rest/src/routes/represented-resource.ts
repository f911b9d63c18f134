import type { Resource } from "@tusk/registry";
import type { Route } from "@tusk/uri";

/**
 * The resource a route's representation is of: the relation's target on relational routes,
 * the route's own resource otherwise, none for the API root and the OpenAPI document.
 */
export function representedResource(route: Route): Resource | undefined {
  switch (route.kind) {
    case "root":
    case "openapi":
      return undefined;
    case "relation":
    case "relation-item":
      return route.relation.target;
    default:
      return route.resource;
  }
}
