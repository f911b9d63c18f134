import { ERROR_CODES } from "@tusk/errors";
import type { Registry } from "@tusk/registry";
import type { Route, RouteKind } from "@tusk/uri";

/** The route of one kind. */
export type RouteOf<K extends RouteKind> = Extract<Route, { kind: K }>;

/** The members of a route that the route table reads, per kind; everything else (ids, paths) it never needs. */
interface SubjectKeys {
  root: never;
  openapi: never;
  problem: "code";
  collection: "resource";
  item: "resource";
  relation: "resource" | "relation";
  "relation-item": "resource" | "relation";
  definition: "resource";
  view: "resource" | "name";
  "relation-view": "resource" | "relation" | "name";
}

/** Compiles only while every route kind names its keys, and only keys its routes have. */
type Checked<T extends { readonly [K in RouteKind]: keyof RouteOf<K> }> = T;

/** What the route table needs from a route of kind `K`: a parsed route is one, and so is a registry entry. */
export type RouteSubject<K extends RouteKind> = Pick<
  RouteOf<K>,
  Extract<Checked<SubjectKeys>[K], keyof RouteOf<K>>
> & {
  readonly kind: K;
};

/** A route, or a route kind with only what the table reads: one member per kind, told apart by `kind`. */
export type Subject = { [K in RouteKind]: RouteSubject<K> }[RouteKind];

/**
 * Every route the registry yields, one per kind and resource (and relation, and view, and error code), without
 * identifiers: what the operation catalog builds documents for and the OpenAPI document lists.
 */
export function registrySubjects(registry: Registry): Subject[] {
  const subjects: Subject[] = [{ kind: "root" }, { kind: "openapi" }];
  for (const code of ERROR_CODES) subjects.push({ kind: "problem", code });
  for (const resource of registry.resources) {
    subjects.push({ kind: "definition", resource });
    if (!resource.parent) {
      subjects.push({ kind: "collection", resource });
      for (const name of resource.views) subjects.push({ kind: "view", resource, name });
    }
    subjects.push({ kind: "item", resource });
    for (const relation of resource.relations) {
      subjects.push({ kind: "relation", resource, relation });
      // A nested-only child under its own parent is an item route, not a relational one.
      const nestedHere = relation.target.parent?.collection === relation;
      if (relation.cardinality === "to-one") continue;
      if (!nestedHere) subjects.push({ kind: "relation-item", resource, relation });
      for (const name of relation.target.views)
        subjects.push({ kind: "relation-view", resource, relation, name });
    }
  }
  return subjects;
}
