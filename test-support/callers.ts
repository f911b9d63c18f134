/**
 * Callers for tests: who a test acts as. Apps built for tests take {@link testAuthenticator}:
 * a request without `Authorization` acts as the test's default caller (admin unless a test is
 * about access), and tokens signed with {@link TEST_SECRET} are verified as in production.
 */
import {
  ADMIN_SCOPE,
  type Authenticator,
  type Caller,
  createAuthenticator,
  customerScopes,
  issueToken,
  userCaller,
} from "@tusk/auth";
import { registry } from "@tusk/registry";

/** Everything on every row: what tests that are not about access control act as. */
export const ADMIN: Caller = userCaller("admin", [ADMIN_SCOPE]);

/** An ordinary customer (the seed's `jdoe` owns order 9 and vehicle 1M8GDM9AXKP042788). */
export function customer(username = "jdoe"): Caller {
  return userCaller(username, customerScopes(registry));
}

/** The HS256 secret test apps verify tokens with. */
export const TEST_SECRET = "tusk-test-secret-that-is-at-least-32-bytes-long";
/** The audience test apps require. */
const AUDIENCE = "tusk-test";

/** Verifies tokens signed with {@link TEST_SECRET} for `tusk-test`; a request without a token acts as `fallback`. */
export function testAuthenticator(fallback: Caller = ADMIN): Authenticator {
  const verifying = createAuthenticator({
    verifier: { secret: TEST_SECRET, audience: AUDIENCE },
    anonymous: "read",
  });
  return {
    authenticate: (header) =>
      header === undefined ? Promise.resolve(fallback) : verifying.authenticate(header),
  };
}

/** An `Authorization` header value with a valid token for the caller (a user), for one hour. */
export async function bearer(caller: Caller): Promise<string> {
  if (caller.kind !== "user") throw new Error("anonymous callers send no token");
  const token = await issueToken(TEST_SECRET, {
    subject: caller.username,
    scopes: [...caller.scopes],
    expiresIn: "1h",
    audience: AUDIENCE,
  });
  return `Bearer ${token}`;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * `Authorization` headers both edges must refuse with 401 `invalid_token` (or `invalid_request`
 * for a header that is no bearer token at all), each for admin, so only the token is wrong.
 */
export async function badTokens(): Promise<[name: string, header: string][]> {
  const claims = { subject: "admin", scopes: [ADMIN_SCOPE], audience: AUDIENCE };
  const expired = await issueToken(TEST_SECRET, {
    ...claims,
    expiresIn: Math.floor(Date.now() / 1000) - 3600,
  });
  const otherAudience = await issueToken(TEST_SECRET, { ...claims, audience: "elsewhere", expiresIn: "1h" });
  const otherKey = await issueToken(`${TEST_SECRET}-but-not-quite`, { ...claims, expiresIn: "1h" });
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const none = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ sub: "admin", scope: ADMIN_SCOPE, aud: AUDIENCE, exp })}.`;
  return [
    ["expired", `Bearer ${expired}`],
    ["wrong audience", `Bearer ${otherAudience}`],
    ["wrong signature", `Bearer ${otherKey}`],
    ["alg none", `Bearer ${none}`],
    ["malformed", "Bearer not.a.jwt"],
    ["not a bearer token", "Basic YWRtaW46YWRtaW4="],
  ];
}
