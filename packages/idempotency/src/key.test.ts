import { ApiError } from "@tusk/errors";
import { describe, expect, it } from "vitest";
import { MAX_KEY_LENGTH, parseIdempotencyKey } from "./key.ts";

describe("parseIdempotencyKey", () => {
  it.each([
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', "8e03978e-40d5-43e8-bc93-6894a57f9324"],
    ["8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324"],
    ['"with \\"quotes\\" and \\\\"', 'with "quotes" and \\'],
    ['"two words"', "two words"],
    ["  order-42  ", "order-42"],
    ["k".repeat(MAX_KEY_LENGTH), "k".repeat(MAX_KEY_LENGTH)],
  ])("reads %j as %j", (header, key) => {
    expect(parseIdempotencyKey(header)).toBe(key);
  });

  it("has no key without the header", () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["an empty quoted string", '""'],
    ["one character too long", "k".repeat(MAX_KEY_LENGTH + 1)],
    ["too long once unquoted", `"${"k".repeat(MAX_KEY_LENGTH + 1)}"`],
    ["unquoted with a space", "two words"],
    ["not ASCII", "clé"],
    ["a quoted string with a bad escape", '"a\\b"'],
  ])("refuses a key that is %s with 400 naming the header", (_what, header) => {
    const error = (() => {
      try {
        parseIdempotencyKey(header);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).invalidParams).toEqual([
      { name: "Idempotency-Key", reason: expect.any(String) },
    ]);
  });
});
