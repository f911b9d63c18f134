import { randomUUID } from "node:crypto";

/**
 * The header a request id travels in, in both directions.
 *
 * @example
 * res.setHeader(REQUEST_ID_HEADER, "7f1c…");
 */
export const REQUEST_ID_HEADER = "X-Request-Id";

/** Printable ASCII without spaces, at most 128 characters: enough for UUIDs, trace ids and most gateways' ids. */
const ACCEPTED = /^[\x21-\x7e]{1,128}$/;

/**
 * The id of a request: the client's `X-Request-Id` when it is printable ASCII of at most 128
 * characters, otherwise a new UUID (a log line must never carry a client's control characters
 * or megabytes).
 *
 * @example
 * requestIdOf("abc-123"); // "abc-123"
 * requestIdOf("bad\nid"); // a new UUID
 */
export function requestIdOf(header: string | readonly string[] | undefined): string {
  const given = typeof header === "string" ? header : undefined;
  return given !== undefined && ACCEPTED.test(given) ? given : randomUUID();
}
