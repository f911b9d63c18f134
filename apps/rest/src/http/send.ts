import { formatLinkHeader, type LinkValue } from "@tusk/uri";
import type { Request, Response } from "express";
import { credentialsOf } from "./authentication.ts";
import { REPRESENTATION_VARY, representationCache } from "./cache.ts";
import { matchedTag, strongEtag } from "./etag.ts";

/**
 * The `Link` header stays under 8 kB: page links repeat the request's query string, and many
 * clients (Node's own `fetch` among them) refuse responses whose headers pass 16 kB.
 */
const MAX_LINK_HEADER_BYTES = 8_000;

/** The `Link` header of as many of `links`, in order, as fit; the rest are in the body only. */
function linkHeaderWithin(links: readonly LinkValue[], maxBytes = MAX_LINK_HEADER_BYTES): string {
  const fitting: LinkValue[] = [];
  for (const link of links) {
    if (Buffer.byteLength(formatLinkHeader([...fitting, link])) <= maxBytes) fitting.push(link);
  }
  return formatLinkHeader(fitting);
}

export interface Representation {
  readonly status?: number;
  readonly contentType: string;
  readonly body: unknown;
  readonly links?: readonly LinkValue[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Request headers the representation depends on beyond {@link REPRESENTATION_VARY}'s. */
  readonly vary?: readonly string[];
  readonly cacheControl?: string;
}

/**
 * Sends a JSON representation with a strong ETag (a hash of the body bytes),
 * `Vary: Accept, Authorization` and explicit `Cache-Control` (by default public
 * and short for anonymous reads, private otherwise); a matching `If-None-Match`
 * on a GET or HEAD gets 304 with the same validators and no body.
 */
export function sendRepresentation(req: Request, res: Response, representation: Representation): void {
  const body = JSON.stringify(representation.body);
  const etag = strongEtag(body);
  res.vary(REPRESENTATION_VARY);
  for (const header of representation.vary ?? []) res.vary(header);
  res.setHeader(
    "Cache-Control",
    representation.cacheControl ?? representationCache(req.method, credentialsOf(res).caller),
  );
  res.setHeader("ETag", etag);
  const links = linkHeaderWithin(representation.links ?? []);
  if (links !== "") res.setHeader("Link", links);
  for (const [name, value] of Object.entries(representation.headers ?? {})) res.setHeader(name, value);
  const status = representation.status ?? 200;
  const matched =
    status === 200 && (req.method === "GET" || req.method === "HEAD")
      ? matchedTag(req.get("if-none-match"), etag)
      : undefined;
  if (matched !== undefined) {
    // The client's own tag: a compressed body's tag names its coding, which a 304 never gets.
    res.setHeader("ETag", matched);
    res.status(304).end();
    return;
  }
  res.status(status);
  res.setHeader("Content-Type", representation.contentType);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  // Node drops the body of HEAD responses itself, keeping Content-Length.
  res.end(body);
}

/** A response with no body (204, or a redirect). */
export function sendEmpty(
  res: Response,
  status: number,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end();
}
