import type { Resource, ResourceRelation } from "@tusk/registry";
import type { RouteKind } from "@tusk/uri";
import type { OperationShape } from "./operation-shape.ts";
import type { RouteSubject } from "./subjects.ts";

/** Methods with an entry in the table; HEAD answers as GET, and OPTIONS is answered for every route. */
export const TABLE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type TableMethod = (typeof TABLE_METHODS)[number];

/** Whether a request method has rows in the table (HEAD and OPTIONS do not). */
export const isTableMethod = (method: string): method is TableMethod =>
  TABLE_METHODS.some((known) => known === method);

/** One method of one route kind. */
export interface MethodEntry<K extends RouteKind> {
  /** Whether a route of this kind accepts the method; absent means always. */
  readonly allowed?: (route: RouteSubject<K>) => boolean;
  /** The GraphQL operation that answers it; absent for documents built without one. */
  readonly operation?: (route: RouteSubject<K>) => OperationShape;
  /** The operation that answers it when the body is a JSON array of items (a bulk create). */
  readonly bulk?: (route: RouteSubject<K>) => OperationShape;
  /** The method takes the collection's filters in the query string (a filtered PATCH or DELETE). */
  readonly filtered?: true;
  /** One line saying what the method does there (OpenAPI `summary`). */
  readonly summary: (route: RouteSubject<K>) => string;
}

/** Every route kind has a GET; writes appear where some route of the kind can accept them. */
type RouteTable = {
  readonly [K in RouteKind]: { readonly GET: MethodEntry<K> } & {
    readonly [M in Exclude<TableMethod, "GET">]?: MethodEntry<K>;
  };
};

const writable = ({ resource }: { readonly resource: Resource }) => resource.writable;
const relationName = (route: { readonly resource: Resource; readonly relation: ResourceRelation }) =>
  `${route.resource.path} ${route.relation.restName}`;

/**
 * The one table of what the REST API serves, per route kind and method. `Allow`, 405, the
 * `method` of links, a definition's `methods`, the operations the catalog builds and the
 * OpenAPI paths all read it; the handlers are a map checked against it (`routes/handlers.ts`).
 */
export const ROUTE_TABLE = {
  root: { GET: { summary: () => "The API root: every collection and definition" } },
  openapi: { GET: { summary: () => "This OpenAPI document" } },
  problem: { GET: { summary: ({ code }) => `What a problem of type ${code} means` } },
  definition: { GET: { summary: ({ resource }) => `The definition of ${resource.path}` } },
  view: {
    GET: {
      operation: ({ resource }) => ({ kind: "aggregate", resource }),
      summary: ({ resource, name }) => `View ${name} over ${resource.path}`,
    },
  },
  "relation-view": {
    GET: {
      operation: ({ resource, relation }) => ({ kind: "relation-aggregate", resource, relation }),
      summary: (route) => `View ${route.name} over the ${relationName(route)}`,
    },
  },
  collection: {
    GET: {
      operation: ({ resource }) => ({ kind: "collection", resource }),
      summary: ({ resource }) => `List ${resource.path}`,
    },
    POST: {
      allowed: writable,
      operation: ({ resource }) => ({ kind: "create", resource }),
      bulk: ({ resource }) => ({ kind: "create-many", resource }),
      summary: ({ resource }) => `Create one of ${resource.path}, or several at once (a JSON array)`,
    },
    PATCH: {
      allowed: writable,
      operation: ({ resource }) => ({ kind: "update-many", resource }),
      filtered: true,
      summary: ({ resource }) => `Update every one of ${resource.path} the filters match (JSON merge patch)`,
    },
    DELETE: {
      allowed: writable,
      operation: ({ resource }) => ({ kind: "delete-many", resource }),
      filtered: true,
      summary: ({ resource }) => `Delete every one of ${resource.path} the filters match`,
    },
  },
  item: {
    GET: {
      operation: ({ resource }) => ({ kind: "item", resource }),
      summary: ({ resource }) => `One of ${resource.path}`,
    },
    PATCH: {
      allowed: writable,
      operation: ({ resource }) => ({ kind: "update", resource }),
      summary: ({ resource }) => `Update one of ${resource.path} (JSON merge patch)`,
    },
    DELETE: {
      allowed: writable,
      operation: ({ resource }) => ({ kind: "delete", resource }),
      summary: ({ resource }) => `Delete one of ${resource.path}`,
    },
  },
  relation: {
    GET: {
      operation: ({ resource, relation }) => ({ kind: "relation", resource, relation }),
      summary: (route) => `The ${relationName(route)}`,
    },
    POST: {
      // Nested creation only under the parent's own collection of its children.
      allowed: ({ relation }) => relation.target.parent?.collection === relation && relation.target.writable,
      operation: ({ relation }) => ({ kind: "create", resource: relation.target }),
      summary: (route) => `Create one of ${relationName(route)}`,
    },
  },
  "relation-item": {
    GET: {
      operation: ({ resource, relation }) => ({ kind: "relation-item", resource, relation }),
      summary: (route) => `One of ${relationName(route)}, as at its canonical URI`,
    },
    PUT: {
      allowed: ({ relation }) => relation.membershipWritable,
      operation: ({ resource, relation }) => ({ kind: "add", resource, relation }),
      summary: (route) => `Add a member to ${relationName(route)}`,
    },
    DELETE: {
      allowed: ({ relation }) => relation.membershipWritable,
      operation: ({ resource, relation }) => ({ kind: "remove", resource, relation }),
      summary: (route) => `Remove a member from ${relationName(route)}`,
    },
  },
} as const satisfies RouteTable;

/** The methods the table has an entry for on route kind `K`. */
export type MethodsOf<K extends RouteKind> = Extract<keyof (typeof ROUTE_TABLE)[K], TableMethod>;
