import { describe, expect, it } from "vitest";
import { requestFingerprint } from "./fingerprint.ts";

describe("requestFingerprint", () => {
  const base = requestFingerprint("POST", "/v1/products", { name: "Sprocket", price: "12.50" });

  it("is 64 hex digits, and ignores member order and the method's case", () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint("post", "/v1/products", { price: "12.50", name: "Sprocket" })).toBe(base);
  });

  it.each([
    ["another method", "PATCH", "/v1/products", { name: "Sprocket", price: "12.50" }],
    ["another path", "POST", "/v1/categories", { name: "Sprocket", price: "12.50" }],
    ["a query string", "POST", "/v1/products?x=1", { name: "Sprocket", price: "12.50" }],
    ["another value", "POST", "/v1/products", { name: "Sprocket", price: "12.5" }],
    ["another type", "POST", "/v1/products", { name: "Sprocket", price: 12.5 }],
    ["a member more", "POST", "/v1/products", { name: "Sprocket", price: "12.50", stock: null }],
  ])("differs for %s", (_what, method, path, body) => {
    expect(requestFingerprint(method, path, body)).not.toBe(base);
  });
});
