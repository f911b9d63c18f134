import type { LinkValue } from "@tusk/uri";
import type { HyperLink } from "../representation/model.ts";
import { encodeCursor } from "./cursor.ts";
import type { ParsedQuery } from "./parse.ts";

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/** Connection arguments for the page asked for: forward by default, backward after a `prev` link. */
export function pageVariables(query: ParsedQuery): Record<string, unknown> {
  return query.cursor?.direction === "before"
    ? { last: query.limit, before: query.cursor.cursor, first: null, after: null }
    : { first: query.limit, after: query.cursor?.cursor ?? null, last: null, before: null };
}

function withCursor(base: string, params: URLSearchParams, cursor: string | undefined): string {
  const copy = new URLSearchParams(params);
  copy.delete("cursor");
  if (cursor !== undefined) copy.set("cursor", cursor);
  const search = copy.toString();
  return search ? `${base}?${search}` : base;
}

/**
 * `self`, `first`, and `next`/`prev` when they exist, keeping every other
 * parameter (filters, sort, fields, zoom, limit). Relay's `hasPreviousPage`
 * is only reliable when paging backward (and `hasNextPage` forward), so the
 * other direction is inferred from the cursor the request came with.
 */
export function pageLinks(
  base: string,
  params: URLSearchParams,
  query: ParsedQuery,
  page: PageInfo,
): HyperLink[] {
  const backward = query.cursor?.direction === "before";
  const links: HyperLink[] = [
    {
      rel: "self",
      href: withCursor(base, params, query.cursor ? (params.get("cursor") ?? undefined) : undefined),
      method: "GET",
    },
    { rel: "first", href: withCursor(base, params, undefined), method: "GET" },
  ];
  const hasNext = backward ? page.endCursor !== null : page.hasNextPage;
  const hasPrev = backward
    ? page.hasPreviousPage
    : query.cursor !== undefined && (page.hasPreviousPage || page.startCursor !== null);
  if (hasPrev && page.startCursor !== null) {
    links.push({
      rel: "prev",
      href: withCursor(base, params, encodeCursor("before", page.startCursor)),
      method: "GET",
    });
  }
  if (hasNext && page.endCursor !== null) {
    links.push({
      rel: "next",
      href: withCursor(base, params, encodeCursor("after", page.endCursor)),
      method: "GET",
    });
  }
  return links;
}

/** The page links again, for the `Link` header. */
export function pageLinkValues(links: readonly HyperLink[]): LinkValue[] {
  return links.filter((link) => link.rel !== "self").map((link) => ({ href: link.href, rel: link.rel }));
}
