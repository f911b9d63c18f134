import { ApiError, type BearerChallenge } from "@tusk/errors";
import { ANONYMOUS, type Caller } from "./caller.ts";
import type { TokenVerifier } from "./verifier.ts";

/**
 * What a request without credentials may do: nothing, or read the resources the registry
 * marks public (`AUTH_ANONYMOUS`).
 *
 * @example
 * const anonymous: AnonymousAccess = "read";
 */
export type AnonymousAccess = "none" | "read";

/** RFC 6750 §2.1: `Bearer` (any case), one space, then a b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The token in an `Authorization` header, `undefined` when there is no header; any other
 * scheme or a malformed value is a 401 `invalid_request`.
 *
 * @example
 * bearerToken("Bearer eyJhbGciOi..."); // "eyJhbGciOi..."
 * bearerToken(undefined); // undefined
 */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header === "") return undefined;
  const match = BEARER.exec(header.trim());
  if (!match)
    throw new ApiError("UNAUTHENTICATED", "The Authorization header must be `Bearer <token>`.", {
      challenge: { error: "invalid_request" },
    });
  return match[1];
}

/** RFC 6750 §3: auth-param values are quoted strings without `"` or `\`. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, "'")}"`;
}

/**
 * The `WWW-Authenticate` value for a refusal: a bare challenge when no credentials were given,
 * else with `error`, `error_description` and the `scope` that would be enough.
 *
 * @example
 * wwwAuthenticate({ error: "insufficient_scope", scope: "orders:write" }, "Needs orders:write.");
 * // 'Bearer realm="tusk", error="insufficient_scope", error_description="Needs orders:write.", scope="orders:write"'
 */
export function wwwAuthenticate(challenge: BearerChallenge | undefined, description?: string): string {
  const params = [`realm=${quoted("tusk")}`];
  if (challenge?.error) {
    params.push(`error=${quoted(challenge.error)}`);
    if (description) params.push(`error_description=${quoted(description)}`);
  }
  if (challenge?.scope) params.push(`scope=${quoted(challenge.scope)}`);
  return `Bearer ${params.join(", ")}`;
}

/**
 * The caller of a request from its `Authorization` header: anonymous without one (refused with a
 * bare 401 challenge when anonymous access is `none`), else the verified token's user.
 *
 * @example
 * const caller = await authenticate(req.get("authorization"), { verifier, anonymous: "read" });
 */
export async function authenticate(
  header: string | undefined,
  options: { readonly verifier: TokenVerifier; readonly anonymous: AnonymousAccess },
): Promise<Caller> {
  const token = bearerToken(header);
  if (token !== undefined) return options.verifier.verify(token);
  if (options.anonymous === "none")
    throw new ApiError("UNAUTHENTICATED", "This API needs a bearer token.", { challenge: {} });
  return ANONYMOUS;
}
