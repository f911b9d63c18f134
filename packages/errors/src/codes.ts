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
  INTERNAL_SERVER_ERROR: "Internal Server Error",
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
