import { ADMIN_SCOPE, type Authenticator, createAuthenticator, issueToken } from "@tusk/auth";

// Only the write cases send a token; every read is anonymous, as a public API's readers are.
const SECRET = "tusk-bench-secret-of-at-least-32-bytes";
const AUDIENCE = "tusk-bench";

/**
 * What every subject that checks tokens verifies: HS256 tokens for `tusk-bench`; requests
 * without one read as the anonymous caller.
 *
 * @example
 * createInProcessRestApp({ db, baseUrl, authenticator: benchAuthenticator() });
 */
export function benchAuthenticator(): Authenticator {
  return createAuthenticator({ verifier: { secret: SECRET, audience: AUDIENCE }, anonymous: "read" });
}

/**
 * An `Authorization` value with an admin token for one day: what the write cases send.
 *
 * @example
 * const authorization = await adminAuthorization();
 */
export async function adminAuthorization(): Promise<string> {
  const token = await issueToken(SECRET, {
    subject: "bench",
    scopes: [ADMIN_SCOPE],
    expiresIn: "1d",
    audience: AUDIENCE,
  });
  return `Bearer ${token}`;
}
