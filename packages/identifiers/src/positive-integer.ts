import { defineRule } from "./define-rule.ts";
import { accept, describeCharacter, refuse } from "./result.ts";

/** The largest PostgreSQL `int4`; ids beyond it could not be stored, so they are refused up front. */
export const MAX_POSITIVE_INTEGER = 2_147_483_647;

const KIND = "positive-integer";

/**
 * Numeric ids: ASCII digits only, 1 to 2147483647. Leading zeros are accepted but are not the
 * canonical form, so `/books/073924` can redirect to `/books/73924`.
 *
 * @example
 * positiveInteger.parse("073924"); // { ok: true, value: 73924, canonical: "73924", isCanonical: false }
 * positiveInteger.parse("-5"); // { ok: false, error: { code: "bad-character", ... } }
 */
export const positiveInteger = defineRule<number>({
  kind: KIND,
  title: "Positive integer",
  description:
    "A whole number from 1 to 2147483647 written in ASCII digits with no sign or spaces; leading zeros are accepted, the canonical form has none.",
  valueType: "int",
  graphqlScalar: "Int",
  // The range limit cannot be expressed in a regex; the pattern bounds the digit count only.
  pattern: "^[1-9][0-9]{0,9}$",
  example: "73924",
  parseNonEmpty(raw) {
    const bad = /[^0-9]/u.exec(raw);
    if (bad) {
      return refuse(
        KIND,
        "bad-character",
        `contains ${describeCharacter(bad[0])}; only the digits 0-9 are allowed`,
      );
    }
    const digits = raw.replace(/^0+/u, "");
    if (digits === "") return refuse(KIND, "out-of-range", "0 is not a positive integer");
    // Compare lengths first so absurdly long inputs never go through floating point.
    if (digits.length > 10 || Number(digits) > MAX_POSITIVE_INTEGER) {
      return refuse(KIND, "out-of-range", `${digits} is larger than the maximum ${MAX_POSITIVE_INTEGER}`);
    }
    return accept(Number(digits), digits, raw);
  },
  formatValue: (value) => String(value),
  isValue: (value): value is number =>
    typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_POSITIVE_INTEGER,
});
