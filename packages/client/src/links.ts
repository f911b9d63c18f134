import LinkHeader from "http-link-header";
import type { components } from "./generated/openapi.ts";

/**
 * A link as representations carry it in `_links`: `rel`, `href`, `method` and, for relations, `name`.
 *
 * @example
 * const up: Link = { rel: "up", href: "http://localhost:4000/v1/orders/9", method: "GET", name: "order" };
 */
export type Link = components["schemas"]["Link"];

/**
 * Where links are read from: a response (its `Link` header) with its parsed body (`data`,
 * whose top-level `_links` are read), or one item of a representation (its own `_links`).
 *
 * @example
 * const fromResponse: LinkSource = await client.GET("/v1/products", {});
 * const fromItem: LinkSource = { _links: [{ rel: "self", href: "http://localhost:4000/v1/products/1", method: "GET" }] };
 */
export type LinkSource =
  | { readonly response?: Response; readonly data?: unknown }
  | { readonly _links?: unknown };

/**
 * Which link: by `rel` (`"next"`, `"up"`, a definition URI), by relation `name`, or both.
 *
 * @example
 * const next: LinkSelector = "next";
 * const categories: LinkSelector = { name: "categories" };
 */
export type LinkSelector = string | { readonly rel?: string; readonly name?: string };

function bodyLinks(value: unknown): Link[] {
  if (typeof value !== "object" || value === null) return [];
  const links = (value as { _links?: unknown })._links;
  return Array.isArray(links) ? (links as Link[]) : [];
}

/**
 * Every link of a source: those of its `Link` header (read with http-link-header, which also
 * splits a space-separated `rel` into one link per relation type) and those of its body.
 * Header links carry no method: following one is a GET.
 *
 * @example
 * const result = await client.GET("/v1/products", {});
 * linksOf(result).filter((link) => link.rel === "next");
 */
export function linksOf(source: LinkSource): Link[] {
  const links: Link[] = [];
  if ("response" in source && source.response) {
    const header = source.response.headers.get("link");
    if (header)
      for (const ref of LinkHeader.parse(header).refs)
        links.push({ rel: ref.rel, href: ref.uri, method: "GET", ...(ref.name ? { name: ref.name } : {}) });
  }
  if ("data" in source) links.push(...bodyLinks(source.data));
  if ("_links" in source) links.push(...bodyLinks(source));
  return links;
}

/**
 * The first GET link matching the selector, or undefined.
 *
 * @example
 * findLink(product, { name: "categories" })?.href; // "http://localhost:4000/v1/products/73924/categories"
 * findLink(page, "next");
 */
export function findLink(source: LinkSource, selector: LinkSelector): Link | undefined {
  const { rel, name } = typeof selector === "string" ? { rel: selector, name: undefined } : selector;
  return linksOf(source).find(
    (link) =>
      link.method === "GET" &&
      (rel === undefined || link.rel === rel) &&
      (name === undefined || link.name === name),
  );
}
