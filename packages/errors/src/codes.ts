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
  | "PRECONDITION_FAILED"
  | "PAYLOAD_TOO_LARGE"
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
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
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
  PRECONDITION_FAILED: "Precondition Failed",
  PAYLOAD_TOO_LARGE: "Content Too Large",
  TOO_MANY_REQUESTS: "Too Many Requests",
  SERVICE_UNAVAILABLE: "Service Unavailable",
  INTERNAL_SERVER_ERROR: "Internal Server Error",
};

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
