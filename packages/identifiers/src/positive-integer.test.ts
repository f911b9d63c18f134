import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { positiveInteger as values } from "../test/arbitraries.ts";
import { MAX_POSITIVE_INTEGER, positiveInteger } from "./positive-integer.ts";
import type { IdentifierErrorCode } from "./types.ts";

describe("positiveInteger", () => {
  it.each([
    ["1", 1, true],
    ["73924", 73924, true],
    ["073924", 73924, false],
    ["0000000001", 1, false],
    ["2147483647", MAX_POSITIVE_INTEGER, true],
    ["02147483647", MAX_POSITIVE_INTEGER, false],
  ])("accepts %j as %d (canonical: %s)", (raw, value, isCanonical) => {
    expect(positiveInteger.parse(raw)).toEqual({ ok: true, value, canonical: String(value), isCanonical });
  });

  it.each<[string, IdentifierErrorCode]>([
    ["", "empty"],
    ["0", "out-of-range"],
    ["000", "out-of-range"],
    ["2147483648", "out-of-range"],
    ["99999999999999999999999", "out-of-range"],
    ["-5", "bad-character"],
    ["+5", "bad-character"],
    [" 5", "bad-character"],
    ["5 ", "bad-character"],
    ["1.0", "bad-character"],
    ["1e3", "bad-character"],
    ["0x10", "bad-character"],
    ["1_000", "bad-character"],
    ["١٢", "bad-character"],
    ["new", "reserved"],
    ["ME", "reserved"],
  ])("refuses %j with %s", (raw, code) => {
    const result = positiveInteger.parse(raw);
    expect(result).toMatchObject({ ok: false, error: { kind: "positive-integer", code } });
  });

  it("names the offending character", () => {
    expect(positiveInteger.parse("-5")).toMatchObject({ error: { message: expect.stringContaining('"-"') } });
  });

  it("round-trips canonical values", () => {
    fc.assert(
      fc.property(values, (value) => {
        const result = positiveInteger.parse(positiveInteger.format(value));
        expect(result).toEqual({ ok: true, value, canonical: String(value), isCanonical: true });
      }),
    );
  });

  it("normalises leading zeros to the same value, marked non-canonical", () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 12 }), (value, zeros) => {
        const result = positiveInteger.parse(`${"0".repeat(zeros)}${value}`);
        expect(result).toEqual({ ok: true, value, canonical: String(value), isCanonical: false });
      }),
    );
  });

  it("guards values from the database", () => {
    expect(positiveInteger.isValue(1)).toBe(true);
    expect(positiveInteger.isValue(MAX_POSITIVE_INTEGER)).toBe(true);
    for (const bad of [0, -1, 1.5, MAX_POSITIVE_INTEGER + 1, Number.NaN, "1", null, undefined]) {
      expect(positiveInteger.isValue(bad)).toBe(false);
    }
  });

  it("refuses to format a value that is not a positive integer", () => {
    expect(() => positiveInteger.format(0)).toThrow(TypeError);
  });
});
