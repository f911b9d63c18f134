import type { ErrorCode } from "@tusk/errors";
import type { IdentifierError } from "@tusk/identifiers";
import type { Resource, ResourceRelation, ViewName } from "@tusk/registry";

/**
 * An identifier value after parsing: a number for integer rules, the canonical string otherwise.
 *
 * @example
 * const id: IdValue = 73924;
 */
export type IdValue = string | number;

/**
 * The item a nested-only resource lives under: line item 12345 of order 9 has
 * `parent: { resource: Order, id: 9 }`.
 *
 * @example
 * const parent: ParentRef = { resource: registry.byModel("Order")!, id: 9 };
 */
export interface ParentRef {
  readonly resource: Resource;
  readonly id: IdValue;
}

/**
 * What every route says about the path it was parsed from. `canonical` is true exactly when
 * `canonicalPath` equals the path given (query string left out): identifiers in canonical form,
 * current path names, no needless percent-encoding. A REST layer redirects to `canonicalPath`
 * when it is false.
 *
 * @example
 * const base: RouteBase = { canonical: false, canonicalPath: "/v1/products/73924", movedFrom: "items" };
 */
export interface RouteBase {
  readonly canonical: boolean;
  /** The path, starting with `/{version}`, that names the same route canonically. */
  readonly canonicalPath: string;
  /** The retired path name used in the request (`items` for `/v1/items/73924`). */
  readonly movedFrom?: string;
  /**
   * Set when another resource's URI is canonical for this representation: the relational item
   * `/v1/categories/36/products/73924` is served in place, but its canonical link is
   * `/v1/products/73924`; `/v1/products/73924/definition` points at `/v1/products/definition`.
   */
  readonly canonicalResourceUri?: string;
}

/**
 * The part of an item route that names one record: its id and, for nested-only resources, its parent.
 *
 * @example
 * const lineItem: ItemAddress = { resource: lineItems, id: 12345, parent: { resource: orders, id: 9 } };
 */
export interface ItemAddress {
  readonly resource: Resource;
  readonly id: IdValue;
  /** Present exactly when `resource.parent` is set. */
  readonly parent?: ParentRef;
}

/**
 * A parsed NARWHL path. `item` is also the route of a nested-only resource under its parent
 * (`/v1/orders/9/line_items/12345`): that path is the line item's canonical URI, not a relational
 * view of it. Views are over collections: a root collection's (`view`) or a to-many relation's
 * (`relation-view`, `/v1/categories/36/products/views/summary`).
 *
 * @example
 * function describe(route: Route): string {
 *   return route.kind === "item" ? `${route.resource.model} ${route.id}` : route.kind;
 * }
 */
export type Route =
  | (RouteBase & { readonly kind: "root" })
  | (RouteBase & { readonly kind: "openapi" })
  /** `/v1/problems/not_found`: what a problem `type` names, one per error code. */
  | (RouteBase & { readonly kind: "problem"; readonly code: ErrorCode })
  | (RouteBase & { readonly kind: "collection"; readonly resource: Resource })
  | (RouteBase & { readonly kind: "item" } & ItemAddress)
  | (RouteBase & { readonly kind: "relation"; readonly relation: ResourceRelation } & ItemAddress)
  | (RouteBase & {
      readonly kind: "relation-item";
      readonly relation: ResourceRelation;
      /** The target's id, parsed with the target resource's rule. */
      readonly targetId: IdValue;
    } & ItemAddress)
  | (RouteBase & {
      readonly kind: "definition";
      readonly resource: Resource;
      /** Set for `/v1/products/74921/definition`, which serves the same definition. */
      readonly item?: Omit<ItemAddress, "resource">;
    })
  | (RouteBase & {
      readonly kind: "view";
      readonly resource: Resource;
      /** A view the resource offers (`resource.views`); any other name is not found. */
      readonly name: ViewName;
      /** The collection the view is over: `/v1/products`. */
      readonly collectionPath: string;
    })
  | (RouteBase & {
      readonly kind: "relation-view";
      readonly relation: ResourceRelation;
      /** A view the relation's target offers; any other name is not found. */
      readonly name: ViewName;
      /** The collection the view is over: `/v1/categories/36/products`. */
      readonly collectionPath: string;
    } & ItemAddress);

/**
 * The `kind` of every route.
 *
 * @example
 * const kind: RouteKind = "relation-item";
 */
export type RouteKind = Route["kind"];

/**
 * Why a path names no route. `not-found` covers everything that is simply not served (unknown
 * or singular names, nested-only resources at the root, too many segments, trailing slashes).
 *
 * @example
 * function status(reason: RouteError): number {
 *   return reason.code === "bad-identifier" ? 400 : 404;
 * }
 */
export type RouteError =
  | { readonly code: "not-found"; readonly message: string }
  | {
      readonly code: "bad-identifier";
      readonly message: string;
      /** The resource whose identifier rule refused the segment. */
      readonly resource: Resource;
      /** The segment as it appeared in the path, before percent-decoding. */
      readonly segment: string;
      /** Position of the segment after the version (`/v1/books/x`: 1). */
      readonly position: number;
      readonly error: IdentifierError;
    }
  | {
      readonly code: "wrong-version";
      readonly message: string;
      readonly version: string;
      readonly expected: string;
    }
  | { readonly code: "foreign-base"; readonly message: string; readonly baseUrl: string };

/**
 * The result of {@link UriBuilder.parse}.
 *
 * @example
 * const result: ParseRouteResult = uris.parse("/v1/products/73924");
 * if (result.ok) result.route.kind; // "item"
 */
export type ParseRouteResult = { ok: true; route: Route } | { ok: false; reason: RouteError };
