/**
 * The one place where a path segment is encoded and decoded. Every identifier and view name
 * reaches a URI through {@link encodeSegment} and leaves one through {@link decodeSegment}, so a
 * value can never be encoded twice or decoded twice.
 */

/**
 * Whether a string can travel as one path segment: it is not empty and not a dot segment (`.`
 * or `..`). Dot segments cannot be protected by escaping: URL resolution removes `%2E` and
 * `%2E%2E` as well (RFC 3986 §6.2.2.2, WHATWG URL "single-dot path segment"), so the segment
 * would silently vanish or climb to its parent.
 *
 * @example
 * isSegmentValue("a/b"); // true
 * isSegmentValue(".."); // false
 */
export function isSegmentValue(value: string): boolean {
  return value !== "" && value !== "." && value !== "..";
}

/**
 * Encodes a string as exactly one path segment with `encodeURIComponent`, which escapes `/`,
 * `?`, `#`, `%`, spaces and non-ASCII (as UTF-8). Throws a TypeError for values
 * {@link isSegmentValue} refuses, and a URIError for lone surrogates, which have no UTF-8 form.
 *
 * @example
 * encodeSegment("a/b c"); // "a%2Fb%20c"
 * encodeSegment("café"); // "caf%C3%A9"
 */
export function encodeSegment(value: string): string {
  if (!isSegmentValue(value)) throw new TypeError(`"${value}" cannot be a path segment`);
  return encodeURIComponent(value);
}

/**
 * Decodes one raw path segment, or returns `undefined` when its percent-encoding is malformed
 * (`%zz`, a truncated `%4`, or bytes that are not UTF-8).
 *
 * @example
 * decodeSegment("a%2Fb%20c"); // "a/b c"
 * decodeSegment("100%"); // undefined
 */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
