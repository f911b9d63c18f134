import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeSegment, encodeSegment } from "./segment.ts";

/** What RFC 3986 allows in a segment once we encode: unreserved, sub-delims we keep, and %XX. */
const SAFE_SEGMENT = /^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-F]{2})+$/;

describe("encodeSegment", () => {
  test.each([
    ["a/b", "a%2Fb"],
    ["100%", "100%25"],
    ["two words", "two%20words"],
    ["café", "caf%C3%A9"],
    ["日本", "%E6%97%A5%E6%9C%AC"],
    ["😀", "%F0%9F%98%80"],
    ["a?b#c", "a%3Fb%23c"],
    ["definition", "definition"],
    [".", "%2E"],
    ["..", "%2E%2E"],
    ["...", "..."],
  ])("%j becomes %j and decodes back", (raw, encoded) => {
    expect(encodeSegment(raw)).toBe(encoded);
    expect(decodeSegment(encoded)).toBe(raw);
  });

  test("refuses the empty string, which cannot be a segment", () => {
    expect(() => encodeSegment("")).toThrow(TypeError);
  });

  test("refuses a lone surrogate, which has no UTF-8 form", () => {
    expect(() => encodeSegment("\uD800")).toThrow(URIError);
  });

  test("any string round-trips and stays one segment, even through URL normalisation", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1 }), (value) => {
        const encoded = encodeSegment(value);
        expect(encoded).toMatch(SAFE_SEGMENT);
        expect(decodeSegment(encoded)).toBe(value);
        const pathname = new URL(`http://example.test/v1/${encoded}/end`).pathname;
        expect(pathname.split("/")).toEqual(["", "v1", encoded, "end"]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("decodeSegment", () => {
  test.each(["%", "%zz", "%4", "%C3", "%FF"])("%j is malformed and decodes to undefined", (raw) => {
    expect(decodeSegment(raw)).toBeUndefined();
  });
});
