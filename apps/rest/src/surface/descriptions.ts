import type { RouteKind } from "@tusk/uri";

/**
 * The routes that describe the API rather than its rows: the root, the OpenAPI document, problem
 * types and definitions. Anyone may read them, also where anonymous access is `none`, so a client
 * (or the API reference page, before a token is set) can learn how to call the API at all. A
 * `Record` so that a new route kind does not compile until it is placed on one side.
 *
 * @example
 * DESCRIBES_THE_API.openapi; // true
 */
export const DESCRIBES_THE_API: Readonly<Record<RouteKind, boolean>> = {
  root: true,
  openapi: true,
  problem: true,
  definition: true,
  collection: false,
  item: false,
  relation: false,
  "relation-item": false,
  view: false,
  "relation-view": false,
};
