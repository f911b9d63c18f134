import express from "express";
import request from "supertest";
import { expect, it } from "vitest";
import { securityHeaders } from "./security-headers.ts";

it("sends the headers of an API that serves data, never pages to render or frame", async () => {
  const app = express();
  app.use(securityHeaders());
  app.get("/", (_req, res) => {
    res.json({});
  });
  const res = await request(app).get("/");
  expect(res.headers["content-security-policy"]).toBe("default-src 'none';frame-ancestors 'none'");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  expect(res.headers["strict-transport-security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
  expect(res.headers["referrer-policy"]).toBe("no-referrer");
  expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
});
