/**
 * Every error either API can answer with. The GraphQL `extensions.code` is
 * the key itself; the HTTP status is in {@link HTTP_STATUS}, a `Record` so a
 * new code without a status does not compile.
 *
 * @example
 * const code: ErrorCode = "NOT_FOUND";
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNPROCESSABLE"
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "QUERY_TOO_COMPLEX"
  | "METHOD_NOT_ALLOWED"
  | "NOT_ACCEPTABLE"
  | "PRECONDITION_FAILED"
  | "IDEMPOTENCY_KEY_REUSED"
  | "IDEMPOTENCY_KEY_IN_USE"
  | "PAYLOAD_TOO_LARGE"
  | "URI_TOO_LONG"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/**
 * HTTP status for each error code.
 *
 * @example
 * HTTP_STATUS.CONFLICT; // 409
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNPROCESSABLE: 422,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  QUERY_TOO_COMPLEX: 400,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PRECONDITION_FAILED: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * Short human title for each code (RFC 9457 `title`).
 *
 * @example
 * ERROR_TITLE.NOT_FOUND; // "Not Found"
 */
export const ERROR_TITLE: Readonly<Record<ErrorCode, string>> = {
  BAD_USER_INPUT: "Bad Request",
  UNPROCESSABLE: "Unprocessable Content",
  UNAUTHENTICATED: "Unauthorized",
  NOT_FOUND: "Not Found",
  CONFLICT: "Conflict",
  FORBIDDEN: "Forbidden",
  QUERY_TOO_COMPLEX: "Query Too Complex",
  METHOD_NOT_ALLOWED: "Method Not Allowed",
  NOT_ACCEPTABLE: "Not Acceptable",
  PRECONDITION_FAILED: "Precondition Failed",
  IDEMPOTENCY_KEY_REUSED: "Idempotency Key Reused",
  IDEMPOTENCY_KEY_IN_USE: "Idempotency Key In Use",
  PAYLOAD_TOO_LARGE: "Content Too Large",
  URI_TOO_LONG: "URI Too Long",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported Media Type",
  TOO_MANY_REQUESTS: "Too Many Requests",
  SERVICE_UNAVAILABLE: "Service Unavailable",
  INTERNAL_SERVER_ERROR: "Internal Server Error",
};

/**
 * What each code means and what a client can do about it: the description served at each
 * problem type's URI (REST `type`).
 *
 * @example
 * ERROR_DESCRIPTION.CONFLICT; // "The request clashes with ..."
 */
export const ERROR_DESCRIPTION: Readonly<Record<ErrorCode, string>> = {
  BAD_USER_INPUT:
    "The request is malformed: an unknown or badly formed parameter, argument, identifier or value, or a body that is not JSON. `invalid_params` names each one at fault.",
  UNPROCESSABLE:
    "The body is well-formed but some of its fields are invalid (a value out of range, a field that cannot be written). `invalid_params` names each one.",
  UNAUTHENTICATED:
    "No valid credentials were given. Send a bearer token; `WWW-Authenticate` says what was wrong with the one given.",
  NOT_FOUND: "Nothing exists at this address (or the item is not a member of this relation).",
  CONFLICT:
    "The request clashes with the current state: a unique field is taken, or something still refers to what is being deleted. `invalid_params` names the field.",
  FORBIDDEN: "The credentials are valid but do not grant this; the needed scope is named.",
  QUERY_TOO_COMPLEX:
    "The GraphQL document is too large, too deep or too costly to run; ask for less at once.",
  METHOD_NOT_ALLOWED: "The method is not supported at this URI; `Allow` lists the methods that are.",
  NOT_ACCEPTABLE:
    "None of the media types the request's `Accept` allows is offered here; `available` lists those that are.",
  PRECONDITION_FAILED:
    "The resource has changed since the version the request names (`If-Match` or an expected version); fetch it again and retry.",
  IDEMPOTENCY_KEY_REUSED:
    "This `Idempotency-Key` was already used by this caller for a different request (another method, path or body). Use a new key for a new request.",
  IDEMPOTENCY_KEY_IN_USE:
    "A request with this `Idempotency-Key` is still being answered; retry after `Retry-After` seconds to get its answer.",
  PAYLOAD_TOO_LARGE: "The request body is larger than the server accepts.",
  URI_TOO_LONG: "The URL is longer than the server accepts; filter with fewer or shorter values.",
  UNSUPPORTED_MEDIA_TYPE:
    "The body's `Content-Type` is not accepted here; `Accept-Post` or `Accept-Patch` lists the types that are.",
  TOO_MANY_REQUESTS:
    "This client has sent more requests than its rate limit allows; retry after `Retry-After` seconds.",
  SERVICE_UNAVAILABLE:
    "The server cannot answer just now (the database is unreachable or busy); retry after `Retry-After` seconds.",
  INTERNAL_SERVER_ERROR: "Something failed on the server's side; the details are not shown.",
};

/**
 * Every code, in table order.
 *
 * @example
 * ERROR_CODES.includes("NOT_FOUND"); // true
 */
export const ERROR_CODES: readonly ErrorCode[] = Object.keys(HTTP_STATUS) as ErrorCode[];

/**
 * Seconds a client should wait before retrying, for the codes that mean "try again soon"
 * (sent as `Retry-After` by both APIs). A database outage or failover is usually over in
 * seconds, and the answer itself is cheap, so the wait is short.
 *
 * @example
 * RETRY_AFTER_SECONDS.SERVICE_UNAVAILABLE; // 1
 * RETRY_AFTER_SECONDS.NOT_FOUND; // undefined: retrying will not help
 */
export const RETRY_AFTER_SECONDS: Readonly<Partial<Record<ErrorCode, number>>> = {
  SERVICE_UNAVAILABLE: 1,
};

/**
 * Whether a string is one of the codes.
 *
 * @example
 * isErrorCode("NOT_FOUND"); // true
 */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(HTTP_STATUS, value);
}
