import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiError } from "@tusk/errors";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { issueToken } from "./issue.ts";
import { createTokenVerifier } from "./verifier.ts";

const SECRET = "a-test-secret-that-is-long-enough-for-hs256";
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

/** An HS256 token for the test issuer and audience, with claims set by `claims`. */
function signed(claims: (jwt: SignJWT) => SignJWT): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer("tusk-test").setAudience("tusk");
  return claims(jwt).sign(new TextEncoder().encode(SECRET));
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(apiError.code).toBe("UNAUTHENTICATED");
  expect(apiError.challenge?.error).toBe("invalid_token");
  return apiError;
}

describe("HS256 with a shared secret", () => {
  const verifier = createTokenVerifier({ secret: SECRET, issuer: "tusk-test", audience: "tusk" });
  const claims = { issuer: "tusk-test", audience: "tusk" };

  it("names the subject as the caller with the token's scopes", async () => {
    const token = await issueToken(SECRET, {
      subject: "jdoe",
      scopes: ["orders:read", "orders:write"],
      expiresIn: "1h",
      ...claims,
    });
    const caller = await verifier.verify(token);
    expect(caller.username).toBe("jdoe");
    expect([...caller.scopes]).toEqual(["orders:read", "orders:write"]);
  });

  it("refuses an expired token", async () => {
    const token = await issueToken(SECRET, {
      subject: "jdoe",
      scopes: [],
      expiresIn: now() - 120,
      ...claims,
    });
    expect((await refusal(verifier.verify(token))).message).toMatch(/expired/);
  });

  it("accepts a token expired within the clock tolerance", async () => {
    const token = await issueToken(SECRET, { subject: "jdoe", scopes: [], expiresIn: now() - 5, ...claims });
    expect((await verifier.verify(token)).username).toBe("jdoe");
  });

  it("refuses a token that is not valid yet", async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("jdoe")
      .setIssuer("tusk-test")
      .setAudience("tusk")
      .setNotBefore(now() + 3600)
      .setExpirationTime("2h")
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(verifier.verify(token))).message).toMatch(/not valid yet/);
  });

  it("refuses a token for another audience", async () => {
    const token = await issueToken(SECRET, {
      subject: "jdoe",
      scopes: [],
      expiresIn: "1h",
      issuer: "tusk-test",
      audience: "other",
    });
    expect((await refusal(verifier.verify(token))).message).toMatch(/another audience/);
  });

  it("refuses a token from another issuer", async () => {
    const token = await issueToken(SECRET, {
      subject: "jdoe",
      scopes: [],
      expiresIn: "1h",
      issuer: "evil",
      audience: "tusk",
    });
    expect((await refusal(verifier.verify(token))).message).toMatch(/another issuer/);
  });

  it("refuses a token signed with another secret", async () => {
    const token = await issueToken(`${SECRET}-but-not-this-one`, {
      subject: "jdoe",
      scopes: [],
      expiresIn: "1h",
      ...claims,
    });
    expect((await refusal(verifier.verify(token))).message).toMatch(/signature/);
  });

  it("refuses alg none", async () => {
    const token = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ sub: "root", scope: "admin", iss: "tusk-test", aud: "tusk", exp: now() + 3600 })}.`;
    expect((await refusal(verifier.verify(token))).message).toMatch(/algorithm|malformed/);
  });

  it("refuses a token without an expiry", async () => {
    const token = await signed((jwt) => jwt.setSubject("jdoe"));
    expect((await refusal(verifier.verify(token))).message).toMatch(/expiry/);
  });

  it("refuses a token without a subject", async () => {
    const token = await signed((jwt) => jwt.setExpirationTime("1h"));
    expect((await refusal(verifier.verify(token))).message).toMatch(/subject/);
  });

  it.each([
    "not-a-jwt",
    "a.b.c",
    `${base64url({ alg: "HS256" })}.e30`,
    `${base64url({ alg: "HS256" })}.!!!.sig`,
  ])("refuses the malformed token %s", async (token) => {
    expect((await refusal(verifier.verify(token))).message).toMatch(/malformed|signature/);
  });

  it("refuses a secret too short for HS256", () => {
    expect(() => createTokenVerifier({ secret: "short" })).toThrow(/at least 32 bytes/);
  });

  it("needs exactly one key source", () => {
    expect(() => createTokenVerifier({})).toThrow(/exactly one/);
    expect(() => createTokenVerifier({ secret: SECRET, jwksUrl: "http://127.0.0.1:1/jwks" })).toThrow(
      /exactly one/,
    );
  });
});

describe("a JWKS file", () => {
  it.each(["RS256", "ES256", "EdDSA"] as const)("verifies %s tokens by kid", async (alg) => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: `key-${alg}`, alg };
    const file = join(mkdtempSync(join(tmpdir(), "tusk-jwks-")), "jwks.json");
    writeFileSync(file, JSON.stringify({ keys: [jwk] }));
    const verifier = createTokenVerifier({ jwksFile: file });
    const token = await new SignJWT({ scope: "admin" })
      .setProtectedHeader({ alg, kid: `key-${alg}` })
      .setSubject("root")
      .setExpirationTime("1h")
      .sign(privateKey);
    expect((await verifier.verify(token)).scopes.has("admin")).toBe(true);
  });

  it("refuses an HS256 token when the keys come from a key set", async () => {
    const { publicKey } = await generateKeyPair("RS256", { extractable: true });
    const file = join(mkdtempSync(join(tmpdir(), "tusk-jwks-")), "jwks.json");
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "k" }] }));
    const verifier = createTokenVerifier({ jwksFile: file });
    const token = await issueToken(SECRET, { subject: "root", scopes: ["admin"], expiresIn: "1h" });
    expect((await refusal(verifier.verify(token))).message).toMatch(/algorithm|key/);
  });
});
