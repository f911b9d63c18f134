import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reservedWord, valuesByKind } from "../test/arbitraries.ts";
import * as publicApi from "./index.ts";
import { identifierRules } from "./rules.ts";
import type { IdentifierKind, IdentifierRule } from "./types.ts";

// RFC 3986 section 2.3: characters a URI segment carries without percent-encoding.
const UNRESERVED = /^[A-Za-z0-9._~-]+$/u;

const entries = Object.entries(identifierRules) as [IdentifierKind, IdentifierRule][];

describe.each(entries)("rule %s", (kind, rule) => {
  const values = valuesByKind[kind];

  it("is registered under its own kind", () => {
    expect(rule.kind).toBe(kind);
  });

  it("describes itself for the derived schemas", () => {
    expect(rule.title).not.toBe("");
    expect(rule.description).toMatch(/^[A-Z0-9].*\.$/u);
    expect(rule.graphqlScalar).toMatch(/^[A-Z][A-Za-z]*$/u);
    expect(rule.pattern.startsWith("^") && rule.pattern.endsWith("$")).toBe(true);
  });

  it("has a canonical example that its pattern matches", () => {
    const result = rule.parse(rule.example);
    expect(result).toMatchObject({ ok: true, canonical: rule.example, isCanonical: true });
    expect(new RegExp(rule.pattern, "u").test(rule.example)).toBe(true);
  });

  it("stores values of its declared value type", () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(typeof value).toBe(rule.valueType === "int" ? "number" : "string");
        expect(rule.isValue(value)).toBe(true);
      }),
    );
  });

  it("formats only URI-unreserved characters matching its pattern", () => {
    const pattern = new RegExp(rule.pattern, "u");
    fc.assert(
      fc.property(values, (value) => {
        const formatted = rule.format(value);
        expect(formatted).toMatch(UNRESERVED);
        expect(encodeURIComponent(formatted)).toBe(formatted);
        expect(formatted).toMatch(pattern);
      }),
    );
  });

  it("round-trips canonical values", () => {
    fc.assert(
      fc.property(values, (value) => {
        const formatted = rule.format(value);
        expect(rule.parse(formatted)).toEqual({ ok: true, value, canonical: formatted, isCanonical: true });
      }),
    );
  });

  it("refuses reserved words in any case", () => {
    fc.assert(
      fc.property(reservedWord, (word) => {
        expect(rule.parse(word)).toMatchObject({ ok: false, error: { kind, code: "reserved" } });
        expect(rule.isValue(word)).toBe(false);
      }),
    );
  });

  it("refuses the empty string", () => {
    expect(rule.parse("")).toMatchObject({ ok: false, error: { kind, code: "empty" } });
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (raw) => {
        const result = rule.parse(raw);
        if (result.ok) {
          expect(result.canonical).toMatch(UNRESERVED);
          expect(rule.isValue(result.value)).toBe(true);
        } else {
          expect(result.error.message).not.toBe("");
        }
      }),
    );
  });
});

describe("public surface", () => {
  it("exports every rule under its module name", () => {
    expect(publicApi.positiveInteger).toBe(identifierRules["positive-integer"]);
    expect(publicApi.username).toBe(identifierRules.username);
    expect(publicApi.isbn).toBe(identifierRules.isbn);
    expect(publicApi.vin).toBe(identifierRules.vin);
  });

  it("exports exactly the documented names", () => {
    expect(Object.keys(publicApi).sort()).toEqual([
      "IdentifierParseError",
      "RESERVED_WORDS",
      "identifierRules",
      "isReservedWord",
      "isbn",
      "isbn10to13",
      "isbn13CheckDigit",
      "parseOrThrow",
      "positiveInteger",
      "username",
      "vin",
      "vinCheckDigit",
    ]);
  });
});
