import { ApiError } from "@tusk/errors";
import { type AnonymousAccess, authenticate } from "./bearer.ts";
import type { Caller } from "./caller.ts";
import { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from "./verifier.ts";

/**
 * The authentication settings of a server: where token keys come from (none: every token is
 * refused) and what requests without a token may do.
 *
 * @example
 * const settings: AuthSettings = { verifier: { secret: "…32 bytes or more…" }, anonymous: "read" };
 */
export interface AuthSettings {
  readonly verifier: TokenVerifierOptions | undefined;
  readonly anonymous: AnonymousAccess;
}

/**
 * Reads `AUTH_JWT_SECRET`, `AUTH_JWKS_FILE`, `AUTH_JWKS_URL`, `AUTH_ISSUER`, `AUTH_AUDIENCE` and
 * `AUTH_ANONYMOUS` (`none` or `read`, the default); throws on a value it cannot use.
 *
 * @example
 * readAuthSettings({ AUTH_JWT_SECRET: secret, AUTH_ANONYMOUS: "none" }).anonymous; // "none"
 */
export function readAuthSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const anonymous = env.AUTH_ANONYMOUS || "read";
  if (anonymous !== "none" && anonymous !== "read")
    throw new Error(`AUTH_ANONYMOUS="${anonymous}" must be "none" or "read"`);
  const keys = {
    ...(env.AUTH_JWT_SECRET ? { secret: env.AUTH_JWT_SECRET } : {}),
    ...(env.AUTH_JWKS_FILE ? { jwksFile: env.AUTH_JWKS_FILE } : {}),
    ...(env.AUTH_JWKS_URL ? { jwksUrl: env.AUTH_JWKS_URL } : {}),
  };
  const claims = {
    ...(env.AUTH_ISSUER ? { issuer: env.AUTH_ISSUER } : {}),
    ...(env.AUTH_AUDIENCE ? { audience: env.AUTH_AUDIENCE } : {}),
  };
  return { verifier: Object.keys(keys).length > 0 ? { ...keys, ...claims } : undefined, anonymous };
}

/**
 * Names the caller of a request from its `Authorization` header, as configured.
 *
 * @example
 * const caller = await authenticator.authenticate(req.get("authorization"));
 */
export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Caller>;
}

/** Without a key source no token can be verified: every one is refused. */
const NO_KEYS: TokenVerifier = {
  async verify() {
    throw new ApiError("UNAUTHENTICATED", "This server accepts no tokens: no signing key is configured.", {
      challenge: { error: "invalid_token" },
    });
  },
};

/**
 * The authenticator for some settings: the token verifier they describe, and their anonymous
 * access. Both APIs use one, so a token means the same in each.
 *
 * @example
 * const authenticator = createAuthenticator(readAuthSettings());
 */
export function createAuthenticator(settings: AuthSettings): Authenticator {
  const options = {
    verifier: settings.verifier ? createTokenVerifier(settings.verifier) : NO_KEYS,
    anonymous: settings.anonymous,
  };
  return { authenticate: (authorization) => authenticate(authorization, options) };
}

/**
 * What a rate limit counts a request against: its verified user (`user:<username>`), or nothing
 * when it has no valid token (anonymous, or refused), so that it is counted by its address. A
 * token is verified here and again by the authentication that follows: HS256 and cached JWKS
 * keys make that microseconds, and an unverified token could name anyone's budget.
 *
 * @example
 * await rateLimitKey(authenticator)("Bearer eyJ…"); // "user:jdoe"
 */
export function rateLimitKey(
  authenticator: Authenticator,
): (authorization: string | undefined) => Promise<string | undefined> {
  return async (authorization) => {
    if (authorization === undefined) return undefined;
    const caller = await authenticator.authenticate(authorization).catch(() => undefined);
    return caller?.kind === "user" ? `user:${caller.username}` : undefined;
  };
}
