import express from "express";
import request from "supertest";
import { expect, it } from "vitest";
import { securityHeaders } from "./security-headers.ts";

function app() {
  const served = express();
  served.set("trust proxy", "loopback");
  served.use(securityHeaders());
  served.get("/", (_req, res) => {
    res.json({});
  });
  return served;
}

it("sends the headers of an API that serves data, never pages to render or frame", async () => {
  const res = await request(app()).get("/");
  expect(res.headers["content-security-policy"]).toBe("default-src 'none';frame-ancestors 'none'");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  expect(res.headers["referrer-policy"]).toBe("no-referrer");
  expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
});

it("sends Strict-Transport-Security over HTTPS only (here: a trusted proxy's X-Forwarded-Proto)", async () => {
  expect((await request(app()).get("/")).headers["strict-transport-security"]).toBeUndefined();
  const secure = await request(app()).get("/").set("X-Forwarded-Proto", "https");
  expect(secure.headers["strict-transport-security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
});
