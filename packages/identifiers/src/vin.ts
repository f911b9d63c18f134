// Hand-written: no small, well-kept npm package covers ISBN and VIN check digits together.
import { defineRule } from "./define-rule.ts";
import { accept, describeCharacter, refuse } from "./result.ts";

const KIND = "vin";
const LENGTH = 17;
const CHECK_POSITION = 8; // zero-based index of position 9
const CANONICAL = /^[A-HJ-NPR-Z0-9]{8}[0-9X][A-HJ-NPR-Z0-9]{8}$/u;

// North American transliteration; I, O and Q are absent because VINs never use them.
// biome-ignore format: the table reads best in the rows of the published standard
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const LOOKALIKES: Readonly<Record<string, string>> = { I: "1", O: "0", Q: "0" };

function charValue(char: string): number | undefined {
  return /^[0-9]$/u.test(char) ? Number(char) : LETTER_VALUES[char];
}

/**
 * The VIN check character (North American standard) of a 17-character VIN: transliterate,
 * weight, sum modulo 11, 10 written "X". Position 9 has weight 0, so any placeholder there works.
 *
 * @example
 * vinCheckDigit("1M8GDM9A0KP042788"); // "X"
 */
export function vinCheckDigit(vin17: string): string {
  if (vin17.length !== LENGTH) throw new RangeError(`expected ${LENGTH} characters, got ${vin17.length}`);
  let sum = 0;
  for (let i = 0; i < LENGTH; i++) {
    const char = vin17.charAt(i).toUpperCase();
    const value = charValue(char);
    if (value === undefined) throw new RangeError(`${describeCharacter(char)} cannot appear in a VIN`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = sum % 11;
  return check === 10 ? "X" : String(check);
}

/**
 * Vehicle identification numbers: exactly 17 letters and digits without separators, never I, O
 * or Q; position 9 is a verified check digit. Lowercase is accepted; the canonical form is
 * uppercase.
 *
 * @example
 * vin.parse("1m8gdm9axkp042788"); // { ok: true, value: "1M8GDM9AXKP042788", canonical: "1M8GDM9AXKP042788", isCanonical: false }
 * vin.parse("1M8GDM9A3KP042788"); // { ok: false, error: { code: "check-digit", ... } }
 */
export const vin = defineRule<string>({
  kind: KIND,
  title: "VIN",
  description:
    "A 17-character vehicle identification number of letters (never I, O or Q) and digits with a valid check digit in position 9; lowercase is accepted, the canonical form is uppercase.",
  valueType: "string",
  graphqlScalar: "VIN",
  pattern: CANONICAL.source,
  example: "1M8GDM9AXKP042788",
  parseNonEmpty(raw) {
    const bad = /[^A-Za-z0-9]/u.exec(raw);
    if (bad) {
      return refuse(
        KIND,
        "bad-character",
        `contains ${describeCharacter(bad[0])}; only letters and digits are allowed`,
      );
    }
    const canonical = raw.toUpperCase();
    const lookalike = /[IOQ]/u.exec(canonical);
    if (lookalike) {
      const letter = lookalike[0];
      return refuse(
        KIND,
        "bad-character",
        `contains the letter ${letter}, which VINs never use (it is confused with ${LOOKALIKES[letter]})`,
      );
    }
    if (canonical.length < LENGTH) {
      return refuse(KIND, "too-short", `has ${canonical.length} characters, expected ${LENGTH}`);
    }
    if (canonical.length > LENGTH) {
      return refuse(KIND, "too-long", `has ${canonical.length} characters, expected ${LENGTH}`);
    }
    const expected = vinCheckDigit(canonical);
    const given = canonical.charAt(CHECK_POSITION);
    if (given !== expected) {
      return refuse(KIND, "check-digit", `check digit (position 9) is ${given}, expected ${expected}`);
    }
    return accept(canonical, canonical, raw);
  },
  formatValue: (value) => value,
  isValue: (value): value is string =>
    typeof value === "string" &&
    CANONICAL.test(value) &&
    vinCheckDigit(value) === value.charAt(CHECK_POSITION),
});
