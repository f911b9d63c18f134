import { ApiError } from "@tusk/errors";

/**
 * The request header, as the IETF draft "The Idempotency-Key HTTP Header Field" names it.
 *
 * @example
 * req.get(IDEMPOTENCY_KEY_HEADER); // '"8e03978e-40d5-43e8-bc93-6894a57f9324"'
 */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/**
 * The longest key accepted, in characters: room for any UUID or ULID with a prefix.
 *
 * @example
 * parseIdempotencyKey("k".repeat(MAX_KEY_LENGTH)); // accepted; one more character is a 400
 */
export const MAX_KEY_LENGTH = 255;

/** Printable ASCII without spaces: what survives every proxy and log unchanged. */
const BARE_KEY = /^[\x21-\x7e]+$/;

/** A Structured Field string (RFC 8941 §3.3.3), as the draft writes the key: `"…"` with `\"` and `\\`. */
const SF_STRING = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;

function malformed(reason: string): ApiError {
  return new ApiError("BAD_USER_INPUT", `The ${IDEMPOTENCY_KEY_HEADER} header is malformed: ${reason}.`, {
    invalidParams: [{ name: IDEMPOTENCY_KEY_HEADER, reason }],
  });
}

/**
 * The key a request carries, or `undefined` without the header. The draft's form is a quoted
 * Structured Field string (`Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"`); the bare
 * value many clients send is accepted too. Empty, longer than {@link MAX_KEY_LENGTH}, or with
 * characters outside printable ASCII is a 400 naming the header.
 *
 * @example
 * parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"'); // "8e03978e-40d5-43e8-bc93-6894a57f9324"
 * parseIdempotencyKey("order-42"); // "order-42"
 * parseIdempotencyKey(undefined); // undefined
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  const quoted = SF_STRING.exec(value);
  if (!quoted && value.startsWith('"'))
    throw malformed('a quoted key must be a string with only \\" and \\\\ escaped');
  const key = quoted ? (quoted[1] ?? "").replace(/\\(["\\])/g, "$1") : value;
  if (key === "") throw malformed("must not be empty");
  if (key.length > MAX_KEY_LENGTH) throw malformed(`must be at most ${MAX_KEY_LENGTH} characters`);
  if (!quoted && !BARE_KEY.test(key))
    throw malformed('must be printable ASCII without spaces, or a quoted string ("…")');
  return key;
}
