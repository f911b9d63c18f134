/**
 * @tusk/errors: the one error vocabulary of both APIs.
 *
 * @example
 * import { ApiError, HTTP_STATUS } from "@tusk/errors";
 * HTTP_STATUS[new ApiError("CONFLICT", "Username taken.").code]; // 409
 */
export type { ApiErrorOptions, BearerChallenge, InvalidParam } from "./api-error.ts";
export { ApiError } from "./api-error.ts";
export type { ErrorCode } from "./codes.ts";
export {
  ERROR_CODES,
  ERROR_DESCRIPTION,
  ERROR_TITLE,
  HTTP_STATUS,
  isErrorCode,
  RETRY_AFTER_SECONDS,
} from "./codes.ts";
