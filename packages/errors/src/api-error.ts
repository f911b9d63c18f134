import { type ErrorCode, HTTP_STATUS } from "./codes.ts";

/**
 * One field at fault (RFC 9457 `invalid_params` entry).
 *
 * @example
 * const param: InvalidParam = { name: "price", reason: "must not be negative" };
 */
export interface InvalidParam {
  /** The field, argument or query parameter, in the caller's own naming. */
  readonly name: string;
  readonly reason: string;
}

/**
 * An expected error: one the client caused or can act on. Both APIs render it
 * (GraphQL `extensions`, REST problem+json); anything else is masked.
 *
 * @example
 * throw new ApiError("NOT_FOUND", "No product 99999.");
 * throw new ApiError("BAD_USER_INPUT", "Invalid ISBN.", { invalidParams: [{ name: "isbn", reason: "check digit is 3, expected 7" }] });
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly invalidParams: readonly InvalidParam[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { invalidParams?: readonly InvalidParam[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.invalidParams = options.invalidParams ?? [];
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}
