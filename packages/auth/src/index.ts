/**
 * @tusk/auth: who is calling. Verifies bearer JWTs (RFC 6750) with jose, names the caller, and
 * derives the scopes from the registry. `permits` and `rowFilter` say what a caller may read and
 * write; @tusk/schema enforces them inside each operation's query.
 *
 * @example
 * import { authenticate, createTokenVerifier } from "@tusk/auth";
 * const verifier = createTokenVerifier({ secret: process.env.AUTH_JWT_SECRET });
 * const caller = await authenticate(req.get("authorization"), { verifier, anonymous: "read" });
 */
export type { AnonymousAccess } from "./bearer.ts";
export { authenticate, bearerToken, wwwAuthenticate } from "./bearer.ts";
export type { Caller, UserCaller } from "./caller.ts";
export { ANONYMOUS, hasScope, isAdmin, userCaller } from "./caller.ts";
export type { TokenClaims } from "./issue.ts";
export { issueToken } from "./issue.ts";
export type { RowFilter } from "./permissions.ts";
export { assertPermitted, ownedBy, permits, rowFilter, seesPrivateFields } from "./permissions.ts";
export type { ScopeAccess } from "./scopes.ts";
export { ADMIN_SCOPE, customerScopes, requiredScope, scopeCatalog, scopeFor } from "./scopes.ts";
export type { Authenticator, AuthSettings } from "./settings.ts";
export { createAuthenticator, rateLimitKey, readAuthSettings } from "./settings.ts";
export type { TokenVerifier, TokenVerifierOptions } from "./verifier.ts";
export { createTokenVerifier } from "./verifier.ts";
