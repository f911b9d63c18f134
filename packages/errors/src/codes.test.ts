import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.ts";
import {
  ERROR_CODES,
  ERROR_DESCRIPTION,
  ERROR_TITLE,
  HTTP_STATUS,
  isErrorCode,
  RETRY_AFTER_SECONDS,
} from "./codes.ts";

describe("error codes", () => {
  it("gives every code a client or server error status and a title", () => {
    for (const [code, status] of Object.entries(HTTP_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(ERROR_TITLE[code as keyof typeof ERROR_TITLE], code).toMatch(/\w/);
      expect(ERROR_DESCRIPTION[code as keyof typeof ERROR_DESCRIPTION], code).toMatch(/\w{3}.*\.$/);
    }
  });

  it.each([
    ["NOT_FOUND", 404],
    ["UNAUTHENTICATED", 401],
    ["FORBIDDEN", 403],
    ["CONFLICT", 409],
    ["BAD_USER_INPUT", 400],
    ["UNPROCESSABLE", 422],
    ["PRECONDITION_FAILED", 412],
    ["METHOD_NOT_ALLOWED", 405],
    ["NOT_ACCEPTABLE", 406],
    ["PAYLOAD_TOO_LARGE", 413],
    ["URI_TOO_LONG", 414],
    ["UNSUPPORTED_MEDIA_TYPE", 415],
    ["SERVICE_UNAVAILABLE", 503],
  ] as const)("maps %s to %i", (code, status) => {
    expect(new ApiError(code, "x").status).toBe(status);
  });

  it("asks for a retry within 2 s only where retrying can help", () => {
    expect(RETRY_AFTER_SECONDS.SERVICE_UNAVAILABLE).toBeGreaterThan(0);
    expect(RETRY_AFTER_SECONDS.SERVICE_UNAVAILABLE).toBeLessThanOrEqual(2);
    for (const code of Object.keys(RETRY_AFTER_SECONDS)) {
      expect(HTTP_STATUS[code as keyof typeof HTTP_STATUS], code).toBeGreaterThanOrEqual(500);
    }
  });

  it("lists every code once", () => {
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(ERROR_TITLE).sort());
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it("keeps the headers and problem members it is given", () => {
    const error = new ApiError("NOT_ACCEPTABLE", "x", {
      headers: { Vary: "Accept" },
      extensions: { available: ["application/json"] },
    });
    expect(error.headers).toEqual({ Vary: "Accept" });
    expect(error.extensions).toEqual({ available: ["application/json"] });
    expect(new ApiError("NOT_FOUND", "x").headers).toEqual({});
  });

  it("recognises codes and refuses other strings", () => {
    expect(isErrorCode("FORBIDDEN")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});
