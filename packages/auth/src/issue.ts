import { SignJWT } from "jose";

/**
 * What an HS256 token for the shared secret says.
 *
 * @example
 * const claims: TokenClaims = { subject: "jdoe", scopes: ["orders:read"], expiresIn: "30d" };
 */
export interface TokenClaims {
  readonly subject: string;
  readonly scopes: readonly string[];
  /** A jose time span (`"2h"`, `"30d"`) or seconds since the epoch. */
  readonly expiresIn: string | number;
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * Signs a token with the shared HS256 secret, as `npm start` does for its demo tokens. Tokens
 * for key sets come from the identity provider that holds the private keys.
 *
 * @example
 * const token = await issueToken(secret, { subject: "jdoe", scopes: ["orders:read"], expiresIn: "30d" });
 */
export async function issueToken(secret: string, claims: TokenClaims): Promise<string> {
  let jwt = new SignJWT({ scope: claims.scopes.join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.subject)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn);
  if (claims.issuer !== undefined) jwt = jwt.setIssuer(claims.issuer);
  if (claims.audience !== undefined) jwt = jwt.setAudience(claims.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
