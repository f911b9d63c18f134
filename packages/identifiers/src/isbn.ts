// Hand-written: no small, well-kept npm package covers ISBN and VIN check digits together.
import { defineRule } from "./define-rule.ts";
import { accept, describeCharacter, refuse } from "./result.ts";

const KIND = "isbn";
const CANONICAL = /^97[89][0-9]{10}$/u;
// One hyphen or space between any two characters; none leading, trailing or doubled.
const SEPARATED = /^[0-9Xx]+(?:[- ][0-9Xx]+)*$/u;

/**
 * The ISBN-13 check digit (weights 1,3,1,3,...) of the first 12 digits.
 *
 * @example
 * isbn13CheckDigit("978030640615"); // 7
 */
export function isbn13CheckDigit(first12: string): number {
  if (!/^[0-9]{12}$/u.test(first12)) throw new RangeError(`expected 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * The ISBN-10 check character (weights 10 down to 2, modulo 11, 10 written "X") of the first 9
 * digits.
 *
 * @example
 * isbn10CheckDigit("030640615"); // "2"
 */
export function isbn10CheckDigit(first9: string): string {
  if (!/^[0-9]{9}$/u.test(first9)) throw new RangeError(`expected 9 digits, got "${first9}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

/**
 * Converts a valid ISBN-10 (hyphens and spaces allowed) to its ISBN-13: prefix 978, drop the old
 * check character, compute the new one. Throws a RangeError for anything that is not a valid
 * ISBN-10, so seed data cannot silently carry a wrong book number.
 *
 * @example
 * isbn10to13("0-306-40615-2"); // "9780306406157"
 */
export function isbn10to13(isbn10: string): string {
  const compact = isbn10.replace(/[- ]/gu, "").toUpperCase();
  if (!/^[0-9]{9}[0-9X]$/u.test(compact)) throw new RangeError(`"${isbn10}" is not an ISBN-10`);
  const first9 = compact.slice(0, 9);
  if (isbn10CheckDigit(first9) !== compact.slice(9)) {
    throw new RangeError(`"${isbn10}" has a wrong ISBN-10 check digit`);
  }
  const first12 = `978${first9}`;
  return `${first12}${isbn13CheckDigit(first12)}`;
}

/**
 * ISBNs: ISBN-13 or ISBN-10, with single hyphens or spaces between digits. The check digit is
 * verified on the form given; ISBN-10s become ISBN-13s (prefix 978). The canonical form is the
 * 13 digits without separators.
 *
 * @example
 * isbn.parse("0-306-40615-2"); // { ok: true, value: "9780306406157", canonical: "9780306406157", isCanonical: false }
 * isbn.parse("9780306406153"); // { ok: false, error: { code: "check-digit", message: "check digit is 3, expected 7" } }
 */
export const isbn = defineRule<string>({
  kind: KIND,
  title: "ISBN-13",
  description:
    "An ISBN-13 (starting 978 or 979) or ISBN-10 with optional hyphens or spaces between digits; the canonical form is the 13-digit ISBN-13 without separators.",
  valueType: "string",
  graphqlScalar: "ISBN",
  pattern: CANONICAL.source,
  example: "9780306406157",
  parseNonEmpty(raw) {
    const bad = /[^0-9Xx -]/u.exec(raw);
    if (bad) {
      return refuse(
        KIND,
        "bad-character",
        `contains ${describeCharacter(bad[0])}; only digits, hyphens, spaces and a final X are allowed`,
      );
    }
    if (!SEPARATED.test(raw)) {
      return refuse(KIND, "bad-format", "hyphens and spaces may only appear singly between digits");
    }
    const compact = raw.replace(/[- ]/gu, "").toUpperCase();
    if (compact.length < 10) {
      return refuse(KIND, "too-short", `has ${compact.length} digits; an ISBN has 10 or 13`);
    }
    if (compact.length > 13) {
      return refuse(KIND, "too-long", `has ${compact.length} digits; an ISBN has 10 or 13`);
    }
    if (compact.length !== 10 && compact.length !== 13) {
      return refuse(KIND, "bad-format", `has ${compact.length} digits; an ISBN has 10 or 13`);
    }
    if (compact.slice(0, -1).includes("X") || (compact.length === 13 && compact.endsWith("X"))) {
      return refuse(KIND, "bad-format", "X may only be the check digit of an ISBN-10");
    }
    if (compact.length === 10) {
      const expected = isbn10CheckDigit(compact.slice(0, 9));
      const given = compact.slice(9);
      if (given !== expected) {
        return refuse(KIND, "check-digit", `check digit is ${given}, expected ${expected}`);
      }
      const canonical = isbn10to13(compact);
      return accept(canonical, canonical, raw);
    }
    if (!compact.startsWith("978") && !compact.startsWith("979")) {
      return refuse(KIND, "bad-format", `an ISBN-13 must start with 978 or 979, not ${compact.slice(0, 3)}`);
    }
    const expected = String(isbn13CheckDigit(compact.slice(0, 12)));
    const given = compact.slice(12);
    if (given !== expected)
      return refuse(KIND, "check-digit", `check digit is ${given}, expected ${expected}`);
    return accept(compact, compact, raw);
  },
  formatValue: (value) => value,
  isValue: (value): value is string =>
    typeof value === "string" &&
    CANONICAL.test(value) &&
    String(isbn13CheckDigit(value.slice(0, 12))) === value.slice(12),
});
