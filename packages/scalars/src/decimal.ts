import { accept, describeValue, type Parsed, refuse, type ScalarCodec } from "./codec.ts";
import { codecScalar } from "./graphql-scalar.ts";

/** Plain decimal notation: an optional "-", digits, and an optional "." with digits after it. */
const DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/;

/**
 * A double names the decimal with up to 15 significant digits it was read from exactly (IEEE
 * 754 guarantees 15); past that, the client's digits may not be the ones we received, so a
 * longer JSON number is refused and must be sent as a string.
 *
 * @example
 * decimalCodec.fromJson(0.1 + 0.2).ok; // false: 0.30000000000000004 has 17
 */
export const MAX_JSON_NUMBER_DIGITS = 15;

/** PostgreSQL `numeric` holds at most this many digits before the point and after it. */
const NUMERIC_DIGITS = { whole: 131_072, fraction: 16_383 } as const;

/** One spelling per value: no leading zeros before the point, and no "-" on zero. */
function canonical(text: string): string {
  const negative = text.startsWith("-");
  const [whole = "", fraction] = (negative ? text.slice(1) : text).split(".");
  const digits = whole.replace(/^0+(?=[0-9])/, "");
  const unsigned = fraction === undefined ? digits : `${digits}.${fraction}`;
  return negative && /[1-9]/.test(unsigned) ? `-${unsigned}` : unsigned;
}

/** The shortest decimal naming a double, in plain notation (`1e-7` is `0.0000001`). */
function plainNotation(value: number): { text: string; significant: number } {
  const [mantissa = "", exponentText = "0"] = String(Math.abs(value)).split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  const padded = point <= 0 ? `${"0".repeat(1 - point)}${digits}` : digits.padEnd(point, "0");
  const at = Math.max(point, 1);
  const text = at >= padded.length ? padded : `${padded.slice(0, at)}.${padded.slice(at)}`;
  const significant = digits.replace(/^0+/, "").replace(/0+$/, "").length;
  return { text: value < 0 ? `-${text}` : text, significant };
}

function readDecimalText(text: string): Parsed<string> {
  if (!DECIMAL.test(text))
    return refuse(
      `${describeValue(text)} is not a decimal number: write digits with an optional "-" and "." (no spaces, "+" or exponent)`,
    );
  const value = canonical(text);
  const [whole = "", fraction = ""] = value.replace(/^-/, "").split(".");
  if (whole.length > NUMERIC_DIGITS.whole || fraction.length > NUMERIC_DIGITS.fraction)
    return refuse(
      `has more digits than a decimal holds (${NUMERIC_DIGITS.whole} before the point, ${NUMERIC_DIGITS.fraction} after)`,
    );
  return accept(value);
}

function readDecimal(value: unknown): Parsed<string> {
  if (typeof value === "string") return readDecimalText(value);
  if (typeof value !== "number")
    return refuse(
      `must be a decimal number (a string such as "12.50" or a JSON number), not ${describeValue(value)}`,
    );
  if (!Number.isFinite(value)) return refuse("must be a finite number");
  const { text, significant } = plainNotation(value);
  if (significant > MAX_JSON_NUMBER_DIGITS)
    return refuse(
      `has more than ${MAX_JSON_NUMBER_DIGITS} significant digits, which a JSON number does not carry exactly; send it as a string`,
    );
  return readDecimalText(text);
}

const SYNTAX =
  'An exact decimal: a string of digits with an optional "-" and "." ("12.50"), or a JSON number with at most 15 significant digits; no spaces, "+" or exponent in strings.';

/**
 * Exact decimals (prices). Read as canonical decimal text for Prisma: `"007.50"` is `"7.50"`,
 * the JSON number `1e-7` is `"0.0000001"`. Written as a string, so no precision is lost.
 *
 * @example
 * decimalCodec.fromJson(12.5); // { ok: true, value: "12.5" }
 * decimalCodec.fromText(" 2 ").ok; // false
 */
export const decimalCodec: ScalarCodec<string> = {
  type: "Decimal",
  graphql: codecScalar({
    name: "Decimal",
    description: `${SYNTAX} Always a string on output ("219.99"), with the column's scale.`,
    fromJson: readDecimal,
    serialize: (value) => (typeof value === "string" ? value : String(value)),
  }),
  syntax: SYNTAX,
  jsonSchema: {
    input: {
      type: ["string", "number"],
      pattern: DECIMAL.source,
      description: "Exact decimal: a string, or a JSON number with at most 15 significant digits.",
    },
    output: { type: "string", pattern: DECIMAL.source, description: "Exact decimal, as a string." },
  },
  fromJson: readDecimal,
  fromText: readDecimalText,
  toJson: (value) => value,
};
