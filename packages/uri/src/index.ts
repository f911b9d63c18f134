/**
 * @tusk/uri: builds and parses NARWHL URIs from the resource registry, and formats and parses
 * RFC 8288 `Link` headers. This file is the package's whole public surface.
 *
 * @example
 * import { registry } from "@tusk/registry";
 * import { createUriBuilder, formatLinkHeader } from "@tusk/uri";
 *
 * const uris = createUriBuilder({ registry, baseUrl: "http://localhost:4000" });
 * const result = uris.parse("/v1/categories/36/products/73924");
 * if (result.ok && result.route.canonicalResourceUri)
 *   formatLinkHeader([{ href: uris.url(result.route.canonicalResourceUri), rel: "canonical" }]);
 */
export type { UriBuilder, UriBuilderOptions } from "./builder.ts";
export { createUriBuilder } from "./builder.ts";
export type { LinkValue } from "./link-header.ts";
export { formatLinkHeader, linksWithRel, parseLinkHeader } from "./link-header.ts";
export type {
  IdValue,
  ItemAddress,
  ParentRef,
  ParseRouteResult,
  Route,
  RouteBase,
  RouteError,
  RouteKind,
} from "./route.ts";
export { decodeSegment, encodeSegment, isSegmentValue } from "./segment.ts";
