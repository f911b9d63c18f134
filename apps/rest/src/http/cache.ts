import type { Caller } from "@tusk/auth";

/**
 * How long a shared cache may keep a representation read without credentials: short, because
 * an anonymous reader then sees a change up to this late. Every anonymous caller is shown the
 * same representation, so one cached copy serves them all.
 */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/** Anonymous reads: any cache may keep them, briefly. */
export const PUBLIC_CACHE = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`;
/** What a caller with a token is shown is theirs (rows, private fields, links): only their own cache may keep it, revalidated each time. */
export const PRIVATE_CACHE = "private, max-age=0, must-revalidate";
/** Permanent redirects: the same for every caller, cached for a day. */
export const REDIRECT_CACHE = "public, max-age=86400";

/**
 * A representation depends on the media type asked for and on who asks: a shared cache must
 * not answer a caller with a token from an anonymous copy, nor the other way round.
 */
export const REPRESENTATION_VARY = "Accept, Authorization";

/**
 * The `Cache-Control` of a representation: public and short for a read by an anonymous caller,
 * private for anything else (a caller with a token, the answer to a write).
 *
 * @example
 * representationCache("GET", ANONYMOUS); // "public, max-age=60"
 */
export function representationCache(method: string, caller: Caller): string {
  const read = method === "GET" || method === "HEAD";
  return read && caller.kind === "anonymous" ? PUBLIC_CACHE : PRIVATE_CACHE;
}
