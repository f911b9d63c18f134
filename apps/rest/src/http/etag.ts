import { createHash } from "node:crypto";

/** A strong entity tag: the SHA-256 of the exact body bytes. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** Splits an If-Match / If-None-Match value into its entity tags (`*` stays `*`). */
export function parseEtagList(header: string | undefined): string[] {
  if (!header) return [];
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

/** RFC 9110 §13.1.2 weak comparison for If-None-Match: `W/"x"` matches `"x"`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  const tags = parseEtagList(header);
  if (tags.length === 0) return true;
  const opaque = (tag: string) => tag.replace(/^W\//, "");
  return !tags.some((tag) => tag === "*" || opaque(tag) === opaque(etag));
}

/** RFC 9110 §13.1.1 strong comparison for If-Match; weak tags never match. */
export function ifMatch(header: string | undefined, etag: string): boolean {
  const tags = parseEtagList(header);
  if (tags.length === 0) return true;
  return tags.some((tag) => tag === "*" || tag === etag);
}
