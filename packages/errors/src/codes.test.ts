import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.ts";
import { ERROR_TITLE, HTTP_STATUS, isErrorCode, RETRY_AFTER_SECONDS } from "./codes.ts";

describe("error codes", () => {
  it("gives every code a client or server error status and a title", () => {
    for (const [code, status] of Object.entries(HTTP_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(ERROR_TITLE[code as keyof typeof ERROR_TITLE], code).toMatch(/\w/);
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
    ["PAYLOAD_TOO_LARGE", 413],
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

  it("recognises codes and refuses other strings", () => {
    expect(isErrorCode("FORBIDDEN")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});
