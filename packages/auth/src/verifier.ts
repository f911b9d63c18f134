import { readFileSync } from "node:fs";
import { ApiError } from "@tusk/errors";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import { type UserCaller, userCaller } from "./caller.ts";

/**
 * Where the keys that sign tokens come from, and what the claims must say. Exactly one of
 * `secret`, `jwksFile` and `jwksUrl`.
 *
 * @example
 * const options: TokenVerifierOptions = { jwksUrl: "https://id.example.com/.well-known/jwks.json", audience: "tusk" };
 */
export interface TokenVerifierOptions {
  /** Shared secret for HS256 (`AUTH_JWT_SECRET`). */
  readonly secret?: string;
  /** A JSON Web Key Set file for RS256, ES256 and EdDSA (`AUTH_JWKS_FILE`). */
  readonly jwksFile?: string;
  /** A JSON Web Key Set URL, cached and fetched again for an unknown `kid` (`AUTH_JWKS_URL`). */
  readonly jwksUrl?: string;
  /** Required `iss`, when set (`AUTH_ISSUER`). */
  readonly issuer?: string;
  /** Required `aud`, when set (`AUTH_AUDIENCE`). */
  readonly audience?: string;
  /** Leeway for `exp` and `nbf` against clock skew (default 30 s). */
  readonly clockToleranceSeconds?: number;
}

/**
 * Turns a bearer token into the caller it names, or refuses it with a 401 `invalid_token`.
 *
 * @example
 * const caller = await verifier.verify(token); // { kind: "user", username: "jdoe", scopes: Set {...} }
 */
export interface TokenVerifier {
  verify(token: string): Promise<UserCaller>;
}

const ASYMMETRIC = ["RS256", "ES256", "EdDSA"];

function keySource(options: TokenVerifierOptions): {
  key: Uint8Array | JWTVerifyGetKey;
  algorithms: string[];
} {
  const given = [options.secret, options.jwksFile, options.jwksUrl].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new Error("Token verification needs exactly one of a secret, a JWKS file and a JWKS URL.");
  if (options.secret !== undefined) {
    // RFC 7518 §3.2: an HS256 key must be at least as long as the hash.
    if (Buffer.byteLength(options.secret) < 32)
      throw new Error("The token signing secret must be at least 32 bytes long.");
    return { key: new TextEncoder().encode(options.secret), algorithms: ["HS256"] };
  }
  if (options.jwksFile !== undefined) {
    const set = JSON.parse(readFileSync(options.jwksFile, "utf8")) as JSONWebKeySet;
    return { key: createLocalJWKSet(set), algorithms: ASYMMETRIC };
  }
  return { key: createRemoteJWKSet(new URL(options.jwksUrl!)), algorithms: ASYMMETRIC };
}

function invalidToken(description: string, cause?: unknown): ApiError {
  return new ApiError("UNAUTHENTICATED", description, {
    challenge: { error: "invalid_token" },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The client-facing reason for a refused token; anything not about the token itself is rethrown. */
function refusal(error: unknown): ApiError {
  if (error instanceof errors.JWTExpired) return invalidToken("The token has expired.", error);
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reasons: Record<string, string> = {
      aud: "The token is for another audience.",
      iss: "The token is from another issuer.",
      nbf: "The token is not valid yet.",
      exp: "The token has no valid expiry (exp).",
    };
    return invalidToken(reasons[error.claim] ?? `The token's ${error.claim} claim is invalid.`, error);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return invalidToken("The token's signature does not verify.", error);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return invalidToken("The token's signing algorithm is not accepted.", error);
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return invalidToken("No known key signed the token.", error);
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return invalidToken("The token is malformed.", error);
  throw error;
}

function callerOf(payload: JWTPayload): UserCaller {
  if (typeof payload.sub !== "string" || payload.sub === "")
    throw invalidToken("The token names no subject (sub).");
  const scope = payload.scope;
  if (scope !== undefined && typeof scope !== "string")
    throw invalidToken("The token's scope claim must be a space-separated string.");
  return userCaller(payload.sub, (scope ?? "").split(" ").filter(Boolean));
}

/**
 * Verifies JWT bearer tokens with jose: HS256 with a shared secret, or RS256/ES256/EdDSA with a
 * key set (a remote one is cached and fetched again when a token names an unknown `kid`).
 * `exp` and `nbf` are always checked, `iss` and `aud` when configured; `alg: none` never passes.
 *
 * @example
 * const verifier = createTokenVerifier({ secret: process.env.AUTH_JWT_SECRET });
 * await verifier.verify(token); // throws ApiError UNAUTHENTICATED with challenge.error "invalid_token"
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { key, algorithms } = keySource(options);
  const verifyOptions = {
    algorithms,
    clockTolerance: options.clockToleranceSeconds ?? 30,
    requiredClaims: ["exp"],
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    ...(options.audience === undefined ? {} : { audience: options.audience }),
  };
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        // Two calls because jwtVerify's overloads take a key or a key-set function, not either.
        payload =
          key instanceof Uint8Array
            ? (await jwtVerify(token, key, verifyOptions)).payload
            : (await jwtVerify(token, key, verifyOptions)).payload;
      } catch (error) {
        throw refusal(error);
      }
      return callerOf(payload);
    },
  };
}
