import type { Route } from "@tusk/uri";

const SAFE = ["GET", "HEAD", "OPTIONS"] as const;

/**
 * The methods a route supports, derived from the registry: writes only where
 * the resource is writable, nested creation only under the parent's
 * collection, membership changes only on writable many-to-many relations.
 * `Allow`, 405 answers and the `method` of links all read this.
 */
export function allowedMethods(route: Route): string[] {
  switch (route.kind) {
    case "collection":
      return route.resource.writable ? [...SAFE, "POST"] : [...SAFE];
    case "item":
      return route.resource.writable ? [...SAFE, "PATCH", "DELETE"] : [...SAFE];
    case "relation": {
      const createsChild =
        route.relation.target.parent?.collection === route.relation && route.relation.target.writable;
      return createsChild ? [...SAFE, "POST"] : [...SAFE];
    }
    case "relation-item":
      return route.relation.membershipWritable ? [...SAFE, "PUT", "DELETE"] : [...SAFE];
    default:
      return [...SAFE];
  }
}
