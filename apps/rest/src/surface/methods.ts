import type { RouteKind } from "@tusk/uri";
import type { OperationShape } from "./operation-shape.ts";
import { type MethodEntry, ROUTE_TABLE, TABLE_METHODS, type TableMethod } from "./route-table.ts";
import type { RouteSubject, Subject } from "./subjects.ts";

/** A table entry a route accepts, with the route applied. */
export interface ServedMethod {
  readonly method: TableMethod;
  readonly operation: OperationShape | undefined;
  /** The operation for a JSON array body, where the method takes one (see `MethodEntry.bulk`). */
  readonly bulk: OperationShape | undefined;
  /** Takes the collection's filters in the query string. */
  readonly filtered: boolean;
  readonly summary: string;
}

type Row<K extends RouteKind> = { readonly [M in TableMethod]?: MethodEntry<K> };

function served<K extends RouteKind>(row: Row<K>, route: RouteSubject<K>): ServedMethod[] {
  return TABLE_METHODS.flatMap((method) => {
    const entry = row[method];
    if (!entry || !(entry.allowed?.(route) ?? true)) return [];
    return [
      {
        method,
        operation: entry.operation?.(route),
        bulk: entry.bulk?.(route),
        filtered: entry.filtered ?? false,
        summary: entry.summary(route),
      },
    ];
  });
}

// The table reads only a subject's kind, resource, relation, view name and error code (see
// subjects.ts), never an identifier, so its answer is computed once per such subject: every
// item of a list asks it for its links, and rebuilding the summaries and operation shapes each
// time was a few per cent of a list's CPU time.
const computed = new WeakMap<object, Map<string, readonly ServedMethod[]>>();
const WITHOUT_RESOURCE = {};

/** The methods a route (or registry subject) accepts, in table order, from the route table. */
export function servedMethods(route: Subject): readonly ServedMethod[] {
  const { resource, relation, name, code } = route as {
    resource?: object;
    relation?: { name: string };
    name?: string;
    code?: string;
  };
  const owner = resource ?? WITHOUT_RESOURCE;
  const key = `${route.kind} ${relation?.name ?? ""} ${name ?? code ?? ""}`;
  let byKey = computed.get(owner);
  if (!byKey) {
    byKey = new Map();
    computed.set(owner, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const methods = Object.freeze(fromTable(route));
  byKey.set(key, methods);
  return methods;
}

function fromTable(route: Subject): ServedMethod[] {
  switch (route.kind) {
    case "root":
      return served<"root">(ROUTE_TABLE.root, route);
    case "openapi":
      return served<"openapi">(ROUTE_TABLE.openapi, route);
    case "problem":
      return served<"problem">(ROUTE_TABLE.problem, route);
    case "definition":
      return served<"definition">(ROUTE_TABLE.definition, route);
    case "view":
      return served<"view">(ROUTE_TABLE.view, route);
    case "collection":
      return served<"collection">(ROUTE_TABLE.collection, route);
    case "item":
      return served<"item">(ROUTE_TABLE.item, route);
    case "relation":
      return served<"relation">(ROUTE_TABLE.relation, route);
    case "relation-item":
      return served<"relation-item">(ROUTE_TABLE["relation-item"], route);
    case "relation-view":
      return served<"relation-view">(ROUTE_TABLE["relation-view"], route);
  }
  const unknown: never = route;
  throw new Error(`No route table row for ${JSON.stringify(unknown)}`);
}
