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
 * What an `UNAUTHENTICATED` or `FORBIDDEN` error tells the client about credentials, as RFC 6750
 * §3 names it: the error (absent when no credentials were given at all) and the scope that would
 * be enough. Both edges render it: REST as `WWW-Authenticate: Bearer …`, GraphQL in `extensions`.
 *
 * @example
 * const challenge: BearerChallenge = { error: "insufficient_scope", scope: "orders:write" };
 */
export interface BearerChallenge {
  readonly error?: "invalid_request" | "invalid_token" | "insufficient_scope";
  readonly scope?: string;
}

/**
 * What an {@link ApiError} carries besides its code and message.
 *
 * @example
 * const options: ApiErrorOptions = { headers: { Allow: "GET, HEAD" } };
 */
export interface ApiErrorOptions {
  readonly invalidParams?: readonly InvalidParam[];
  readonly cause?: unknown;
  readonly challenge?: BearerChallenge;
  /** Response headers the status calls for (`Allow` on 405, `Accept-Post` on 415); REST sends them. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extension members of the REST problem (RFC 9457 §3.2), such as `available` on 406. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * An expected error: one the client caused or can act on. Both APIs render it
 * (GraphQL `extensions`, REST problem+json); anything else is masked.
 *
 * @example
 * throw new ApiError("NOT_FOUND", "No product 99999.");
 * throw new ApiError("BAD_USER_INPUT", "Invalid ISBN.", { invalidParams: [{ name: "isbn", reason: "check digit is 3, expected 7" }] });
 * throw new ApiError("FORBIDDEN", "Needs scope orders:write.", { challenge: { error: "insufficient_scope", scope: "orders:write" } });
 * throw new ApiError("METHOD_NOT_ALLOWED", "DELETE is not supported here.", { headers: { Allow: "GET, HEAD, OPTIONS" } });
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly invalidParams: readonly InvalidParam[];
  readonly challenge: BearerChallenge | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.invalidParams = options.invalidParams ?? [];
    this.challenge = options.challenge;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}
