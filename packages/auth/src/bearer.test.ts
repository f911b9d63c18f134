import { ApiError } from "@tusk/errors";
import { describe, expect, it } from "vitest";
import { authenticate, bearerToken, wwwAuthenticate } from "./bearer.ts";
import { ANONYMOUS, userCaller } from "./caller.ts";
import { readAuthSettings } from "./settings.ts";
import type { TokenVerifier } from "./verifier.ts";

describe("bearerToken", () => {
  it("reads the token after the Bearer scheme, in any case", () => {
    expect(bearerToken("Bearer abc.def-_~+/.ghi==")).toBe("abc.def-_~+/.ghi==");
    expect(bearerToken("bearer abc")).toBe("abc");
  });

  it("is undefined without a header", () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken("")).toBeUndefined();
  });

  it.each(["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "Bearer a,b", "Token abc"])(
    "refuses %j as invalid_request",
    (header) => {
      expect(() => bearerToken(header)).toThrow(
        expect.objectContaining({ code: "UNAUTHENTICATED", challenge: { error: "invalid_request" } }),
      );
    },
  );
});

describe("wwwAuthenticate", () => {
  it("is a bare challenge when no credentials were given", () => {
    expect(wwwAuthenticate({}, "This API needs a bearer token.")).toBe('Bearer realm="tusk"');
  });

  it("names the error, its description and the scope", () => {
    expect(
      wwwAuthenticate({ error: "insufficient_scope", scope: "orders:write" }, "Needs orders:write."),
    ).toBe(
      'Bearer realm="tusk", error="insufficient_scope", error_description="Needs orders:write.", scope="orders:write"',
    );
  });

  it("keeps quotes and backslashes out of quoted strings", () => {
    expect(wwwAuthenticate({ error: "invalid_token" }, 'bad "token" \\ here')).toBe(
      `Bearer realm="tusk", error="invalid_token", error_description="bad 'token' ' here"`,
    );
  });
});

describe("authenticate", () => {
  const verifier: TokenVerifier = {
    async verify(token) {
      if (token === "good") return userCaller("jdoe", ["orders:read"]);
      throw new ApiError("UNAUTHENTICATED", "bad", { challenge: { error: "invalid_token" } });
    },
  };

  it("is anonymous without a header when anonymous reading is on", async () => {
    expect(await authenticate(undefined, { verifier, anonymous: "read" })).toBe(ANONYMOUS);
  });

  it("refuses a request without a header when anonymous access is none, with a bare challenge", async () => {
    await expect(authenticate(undefined, { verifier, anonymous: "none" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      challenge: {},
    });
  });

  it("verifies a given token whatever the anonymous setting", async () => {
    expect(await authenticate("Bearer good", { verifier, anonymous: "none" })).toMatchObject({
      username: "jdoe",
    });
    await expect(authenticate("Bearer bad", { verifier, anonymous: "read" })).rejects.toMatchObject({
      challenge: { error: "invalid_token" },
    });
  });
});

describe("readAuthSettings", () => {
  it("defaults to anonymous reading and no keys", () => {
    expect(readAuthSettings({})).toEqual({ verifier: undefined, anonymous: "read" });
  });

  it("reads the key source and the claims to check", () => {
    expect(
      readAuthSettings({
        AUTH_JWKS_URL: "https://id.example.com/jwks",
        AUTH_AUDIENCE: "tusk",
        AUTH_ANONYMOUS: "none",
      }),
    ).toEqual({ verifier: { jwksUrl: "https://id.example.com/jwks", audience: "tusk" }, anonymous: "none" });
  });

  it("refuses an anonymous setting it does not know", () => {
    expect(() => readAuthSettings({ AUTH_ANONYMOUS: "write" })).toThrow(/must be "none" or "read"/);
  });
});
