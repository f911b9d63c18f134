import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyText } from "../test/arbitraries.ts";
import { decodeSegment, encodeSegment, isSegmentValue } from "./segment.ts";

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
    ["...", "..."],
  ])("%j becomes %j and decodes back", (raw, encoded) => {
    expect(encodeSegment(raw)).toBe(encoded);
    expect(decodeSegment(encoded)).toBe(raw);
  });

  test.each(["", ".", ".."])("refuses %j, which cannot survive as a segment", (value) => {
    expect(isSegmentValue(value)).toBe(false);
    expect(() => encodeSegment(value)).toThrow(TypeError);
  });

  test("escaping would not save a dot segment: URL resolution removes %2E too", () => {
    expect(new URL("http://example.test/v1/%2E/end").pathname).toBe("/v1/end");
    expect(new URL("http://example.test/v1/a/%2E%2E/end").pathname).toBe("/v1/end");
  });

  test("refuses a lone surrogate, which has no UTF-8 form", () => {
    expect(() => encodeSegment("\uD800")).toThrow(URIError);
  });

  test("any string round-trips and stays one segment, even through URL normalisation", () => {
    fc.assert(
      fc.property(anyText({ minLength: 1 }).filter(isSegmentValue), (value) => {
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
