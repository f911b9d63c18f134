import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.ts";
import { ERROR_TITLE, HTTP_STATUS, isErrorCode } from "./codes.ts";

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
  ] as const)("maps %s to %i", (code, status) => {
    expect(new ApiError(code, "x").status).toBe(status);
  });

  it("recognises codes and refuses other strings", () => {
    expect(isErrorCode("FORBIDDEN")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});
