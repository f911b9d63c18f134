import { describe, expect, it } from "vitest";
import { IdentifierParseError, parseOrThrow } from "./errors.ts";
import { isbn } from "./isbn.ts";
import { positiveInteger } from "./positive-integer.ts";

describe("parseOrThrow", () => {
  it("returns the canonical value", () => {
    expect(parseOrThrow(isbn, "0-306-40615-2")).toBe("9780306406157");
    expect(parseOrThrow(positiveInteger, "073924")).toBe(73924);
  });

  it("throws an IdentifierParseError carrying the refusal", () => {
    const thrown = (() => {
      try {
        parseOrThrow(isbn, "9780306406153");
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(IdentifierParseError);
    expect(thrown).toMatchObject({
      name: "IdentifierParseError",
      message: "check digit is 3, expected 7",
      detail: { kind: "isbn", code: "check-digit", message: "check digit is 3, expected 7" },
    });
  });
});
