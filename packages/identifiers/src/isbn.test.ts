import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isbn10, isbn13, separated } from "../test/arbitraries.ts";
import { isbn, isbn10CheckDigit, isbn10to13, isbn13CheckDigit } from "./isbn.ts";
import type { IdentifierErrorCode } from "./types.ts";

/** Every digit (and X for ISBN-10) other than the given check character. */
function otherCheckCharacters(check: string, withX: boolean): string[] {
  return [..."0123456789", ...(withX ? ["X"] : [])].filter((char) => char !== check);
}

describe("isbn check digits", () => {
  // Published examples: Wikipedia's ISBN article and the printed books' copyright pages.
  it.each([
    ["978030640615", 7],
    ["978186197271", 2],
    ["978013110362", 7],
    ["978020163361", 0],
    ["979109063607", 1],
  ])("ISBN-13 check digit of %s is %d", (first12, check) => {
    expect(isbn13CheckDigit(first12)).toBe(check);
  });

  it.each([
    ["030640615", "2"],
    ["186197271", "7"],
    ["080442957", "X"],
  ])("ISBN-10 check character of %s is %s", (first9, check) => {
    expect(isbn10CheckDigit(first9)).toBe(check);
  });

  it.each([
    ["0-306-40615-2", "9780306406157"],
    ["080442957X", "9780804429573"],
    ["0 8044 2957 x", "9780804429573"],
  ])("converts ISBN-10 %j to %s", (raw, expected) => {
    expect(isbn10to13(raw)).toBe(expected);
  });

  it.each(["0-306-40615-3", "030640615", "97803064061", "X306406152"])("isbn10to13 throws for %j", (raw) => {
    expect(() => isbn10to13(raw)).toThrow(RangeError);
  });

  it("isbn13CheckDigit throws for anything but 12 digits", () => {
    expect(() => isbn13CheckDigit("97803064061")).toThrow(RangeError);
    expect(() => isbn13CheckDigit("97803064061a")).toThrow(RangeError);
  });
});

describe("isbn", () => {
  it.each([
    ["9780306406157", "9780306406157", true],
    ["978-0-306-40615-7", "9780306406157", false],
    ["978 0 306 40615 7", "9780306406157", false],
    ["978-0 306-40615 7", "9780306406157", false],
    ["0-306-40615-2", "9780306406157", false],
    ["0306406152", "9780306406157", false],
    ["080442957X", "9780804429573", false],
    ["0-8044-2957-x", "9780804429573", false],
    ["979-10-90636-07-1", "9791090636071", false],
    ["1-86197-271-7", "9781861972712", false],
  ])("accepts %j as %s (canonical: %s)", (raw, canonical, isCanonical) => {
    expect(isbn.parse(raw)).toEqual({ ok: true, value: canonical, canonical, isCanonical });
  });

  it.each<[string, IdentifierErrorCode]>([
    ["", "empty"],
    ["9780306406153", "check-digit"],
    ["0-306-40615-3", "check-digit"],
    ["0804429570", "check-digit"],
    ["030640615X", "check-digit"],
    ["978030640615", "bad-format"],
    ["97803064061577", "too-long"],
    ["030640615", "too-short"],
    ["123", "too-short"],
    ["97803064061", "bad-format"],
    ["9770306406157", "bad-format"],
    ["1234567890128", "bad-format"],
    ["978030640615X", "bad-format"],
    ["X306406152", "bad-format"],
    ["-9780306406157", "bad-format"],
    ["9780306406157-", "bad-format"],
    ["978--0306406157", "bad-format"],
    ["978 -0306406157", "bad-format"],
    ["978.0.306.40615.7", "bad-character"],
    ["978_0306406157", "bad-character"],
    ["978/0306406157", "bad-character"],
    ["ISBN 9780306406157", "bad-character"],
    ["９７８0306406157", "bad-character"],
    ["definition", "reserved"],
    ["OpenAPI.json", "reserved"],
  ])("refuses %j with %s", (raw, code) => {
    expect(isbn.parse(raw)).toMatchObject({ ok: false, error: { kind: "isbn", code } });
  });

  it("names the expected check digit", () => {
    expect(isbn.parse("9780306406153")).toEqual({
      ok: false,
      error: { kind: "isbn", code: "check-digit", message: "check digit is 3, expected 7" },
    });
    expect(isbn.parse("0-306-40615-X")).toMatchObject({ error: { message: "check digit is X, expected 2" } });
  });

  it("round-trips canonical values", () => {
    fc.assert(
      fc.property(isbn13, (value) => {
        expect(isbn.parse(isbn.format(value))).toEqual({
          ok: true,
          value,
          canonical: value,
          isCanonical: true,
        });
      }),
    );
  });

  it("normalises hyphenated and spaced ISBN-13s to the same value", () => {
    fc.assert(
      fc.property(
        isbn13.chain((value) => fc.tuple(fc.constant(value), separated(value))),
        ([value, raw]) => {
          expect(isbn.parse(raw)).toEqual({ ok: true, value, canonical: value, isCanonical: raw === value });
        },
      ),
    );
  });

  it("normalises an ISBN-10, in any spelling, to the ISBN-13 of the same book", () => {
    fc.assert(
      fc.property(
        isbn10.chain((book) => fc.tuple(fc.constant(book), separated(book.isbn10), fc.boolean())),
        ([book, raw, lower]) => {
          const spelled = lower ? raw.toLowerCase() : raw;
          expect(isbn.parse(spelled)).toEqual({
            ok: true,
            value: book.isbn13,
            canonical: book.isbn13,
            isCanonical: false,
          });
          expect(isbn10to13(spelled)).toBe(book.isbn13);
        },
      ),
    );
  });

  it("refuses any changed ISBN-13 check digit", () => {
    fc.assert(
      fc.property(
        isbn13.chain((value) =>
          fc.tuple(fc.constant(value), fc.constantFrom(...otherCheckCharacters(value.slice(12), false))),
        ),
        ([value, wrong]) => {
          const result = isbn.parse(`${value.slice(0, 12)}${wrong}`);
          expect(result).toEqual({
            ok: false,
            error: {
              kind: "isbn",
              code: "check-digit",
              message: `check digit is ${wrong}, expected ${value.slice(12)}`,
            },
          });
        },
      ),
    );
  });

  it("refuses any changed ISBN-10 check character", () => {
    fc.assert(
      fc.property(
        isbn10.chain((book) =>
          fc.tuple(fc.constant(book), fc.constantFrom(...otherCheckCharacters(book.isbn10.slice(9), true))),
        ),
        ([book, wrong]) => {
          const result = isbn.parse(`${book.isbn10.slice(0, 9)}${wrong}`);
          expect(result).toMatchObject({ ok: false, error: { kind: "isbn", code: "check-digit" } });
        },
      ),
    );
  });

  it("guards values from the database", () => {
    expect(isbn.isValue("9780306406157")).toBe(true);
    for (const bad of ["9780306406153", "0306406152", "978-0-306-40615-7", 9780306406157, null]) {
      expect(isbn.isValue(bad)).toBe(false);
    }
  });
});
