/**
 * fast-check generators for identifier tests. They build values from the exported check-digit
 * helpers, which the kind tests pin to published examples.
 */
import fc from "fast-check";
import { isbn10CheckDigit, isbn13CheckDigit } from "../src/isbn.ts";
import { MAX_POSITIVE_INTEGER } from "../src/positive-integer.ts";
import { RESERVED_WORDS } from "../src/reserved.ts";
import type { IdentifierKind } from "../src/types.ts";
import { vinCheckDigit } from "../src/vin.ts";

const digit = fc.constantFrom(..."0123456789");
const digits = (length: number) => fc.string({ unit: digit, minLength: length, maxLength: length });

/** Any character VINs allow (no I, O, Q). */
export const VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

/** A valid canonical ISBN-13, with prefix 978 or 979. */
export const isbn13 = fc
  .tuple(fc.constantFrom("978", "979"), digits(9))
  .map(([prefix, body]) => `${prefix}${body}${isbn13CheckDigit(`${prefix}${body}`)}`);

/** A valid ISBN-10 (check character may be "X") together with the ISBN-13 of the same book. */
export const isbn10 = digits(9).map((body) => ({
  isbn10: `${body}${isbn10CheckDigit(body)}`,
  isbn13: `978${body}${isbn13CheckDigit(`978${body}`)}`,
}));

/** A valid canonical (uppercase) VIN. */
export const vin = fc
  .string({ unit: fc.constantFrom(...VIN_ALPHABET), minLength: 17, maxLength: 17 })
  .map((draft) => `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`);

/** A valid canonical username. */
export const username = fc
  .tuple(
    fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
    fc.string({
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_-"),
      minLength: 2,
      maxLength: 31,
    }),
  )
  .map(([first, rest]) => `${first}${rest}`)
  .filter((name) => !RESERVED_WORDS.has(name));

/** A valid positive integer value. */
export const positiveInteger = fc.integer({ min: 1, max: MAX_POSITIVE_INTEGER });

/** Canonical values of every kind; a `Record` so a new kind without a generator does not compile. */
export const valuesByKind: Readonly<Record<IdentifierKind, fc.Arbitrary<string | number>>> = {
  "positive-integer": positiveInteger,
  username,
  isbn: isbn13,
  vin,
};

/** Inserts nothing, one hyphen or one space into each gap between characters. */
export function separated(compact: string): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom("", "-", " "), { minLength: compact.length - 1, maxLength: compact.length - 1 })
    .map((gaps) => [...compact].map((char, i) => `${char}${gaps[i] ?? ""}`).join(""));
}

/** The same text with each letter's case chosen at random. */
export function anyCase(text: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((uppers) =>
      [...text].map((char, i) => (uppers[i] ? char.toUpperCase() : char.toLowerCase())).join(""),
    );
}

/** A reserved word in random case. */
export const reservedWord = fc.constantFrom(...RESERVED_WORDS).chain(anyCase);
