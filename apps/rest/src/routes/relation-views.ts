import type { Route, UriBuilder } from "@tusk/uri";

export interface RelationView {
  readonly route: Extract<Route, { kind: "relation" }>;
  readonly name: string;
  /** The name as it appeared in the path, for redirects. */
  readonly segment: string;
}

/**
 * `@tusk/uri` routes views only under root collections; a view under a
 * to-many relation (`/v1/categories/36/products/views/summary`) is matched
 * here by parsing the path without its last two segments, so the relation
 * part still goes through the shared parser.
 */
export function matchRelationView(uris: UriBuilder, path: string): RelationView | undefined {
  const match = /^(.+)\/views\/([^/]+)$/.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  const parsed = uris.parse(match[1]);
  if (!parsed.ok || parsed.route.kind !== "relation" || parsed.route.relation.cardinality === "to-one")
    return undefined;
  try {
    return { route: parsed.route, name: decodeURIComponent(match[2]), segment: match[2] };
  } catch {
    return undefined;
  }
}
