/**
 * The one place where a path segment is encoded and decoded. Every identifier and view name
 * reaches a URI through {@link encodeSegment} and leaves one through {@link decodeSegment}, so a
 * value can never be encoded twice or decoded twice.
 */

/**
 * Encodes any non-empty string as exactly one path segment.
 *
 * `encodeURIComponent` escapes `/`, `?`, `#`, `%`, spaces and non-ASCII (as UTF-8). On top of it,
 * the dot segments `.` and `..` are escaped, because URL resolution would otherwise remove or
 * climb over them (RFC 3986 §5.2.4) and the segment would silently disappear.
 *
 * @example
 * encodeSegment("a/b c"); // "a%2Fb%20c"
 * encodeSegment(".."); // "%2E%2E"
 * encodeSegment("café"); // "caf%C3%A9"
 */
export function encodeSegment(value: string): string {
  if (value.length === 0) throw new TypeError("an empty string cannot be a path segment");
  // Throws URIError for lone surrogates: such a string has no UTF-8 form, so no URI can carry it.
  const encoded = encodeURIComponent(value);
  if (encoded === ".") return "%2E";
  if (encoded === "..") return "%2E%2E";
  return encoded;
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
