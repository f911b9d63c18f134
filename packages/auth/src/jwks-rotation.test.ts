import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTokenVerifier } from "./verifier.ts";

/** A local identity provider's key set endpoint, counting fetches; keys can rotate. */
let keys: JWK[] = [];
let fetches = 0;
let server: Server;
let url: string;

async function signer(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const sign = (subject: string) =>
    new SignJWT({ scope: "orders:read" })
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject(subject)
      .setExpirationTime("1h")
      .sign(privateKey);
  return { jwk, sign };
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});

afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => server.close(resolve));
});

it("caches the key set and fetches it again when a token names a new kid", async () => {
  const first = await signer("2026-01");
  const second = await signer("2026-02");
  keys = [first.jwk];
  const verifier = createTokenVerifier({ jwksUrl: url });

  expect((await verifier.verify(await first.sign("jdoe"))).username).toBe("jdoe");
  expect((await verifier.verify(await first.sign("asmith"))).username).toBe("asmith");
  expect(fetches).toBe(1);

  // The provider rotates; past jose's cooldown after a fetch, an unknown kid fetches again.
  keys = [first.jwk, second.jwk];
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 31_000 });
  expect((await verifier.verify(await second.sign("jdoe"))).username).toBe("jdoe");
  expect(fetches).toBe(2);

  // A kid the provider never published is refused as a 401, not a server error.
  const stranger = await signer("unknown");
  vi.setSystemTime(Date.now() + 31_000);
  await expect(verifier.verify(await stranger.sign("jdoe"))).rejects.toMatchObject({
    code: "UNAUTHENTICATED",
    challenge: { error: "invalid_token" },
  });
});
