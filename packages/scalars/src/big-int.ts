import {
  accept,
  describeValue,
  type IntegerBounds,
  type Parsed,
  refuse,
  type ScalarCodec,
  sameSchema,
} from "./codec.ts";
import { codecScalar } from "./graphql-scalar.ts";

/**
 * The range of `BigInt`: PostgreSQL `bigint`, 64-bit signed.
 *
 * @example
 * BIG_INT_BOUNDS.max; // 9223372036854775807n
 */
export const BIG_INT_BOUNDS: IntegerBounds<bigint> = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** The JSON integer grammar, inside a string: a JSON number cannot carry every 64-bit integer. */
const DIGITS = /^-?(?:0|[1-9][0-9]*)$/;

function readBigIntText(text: string): Parsed<bigint> {
  if (!DIGITS.test(text))
    return refuse(
      `${describeValue(text)} is not an integer written in digits (an optional "-", no leading zeros)`,
    );
  const value = BigInt(text);
  if (value < BIG_INT_BOUNDS.min || value > BIG_INT_BOUNDS.max)
    return refuse(`must be from ${BIG_INT_BOUNDS.min} to ${BIG_INT_BOUNDS.max}`);
  return accept(value);
}

function readBigInt(value: unknown): Parsed<bigint> {
  return typeof value === "string"
    ? readBigIntText(value)
    : refuse(`must be a string of digits ("9007199254740993"), not ${describeValue(value)}`);
}

const SYNTAX = `A 64-bit integer written as a string of digits ("-42"), from ${BIG_INT_BOUNDS.min} to ${BIG_INT_BOUNDS.max}; always a string, never a JSON number.`;

/**
 * 64-bit integers, always as digit strings (in bodies, query strings, GraphQL and output) so no
 * client loses digits to floating point.
 *
 * @example
 * bigIntCodec.fromJson("9007199254740993"); // { ok: true, value: 9007199254740993n }
 * bigIntCodec.fromJson(42).ok; // false: a JSON number is refused
 */
export const bigIntCodec: ScalarCodec<bigint> = {
  type: "BigInt",
  graphql: codecScalar({
    name: "BigInt",
    description: SYNTAX,
    fromJson: readBigInt,
    serialize: (value) => String(value),
  }),
  syntax: SYNTAX,
  jsonSchema: sameSchema({ type: "string", pattern: DIGITS.source, description: SYNTAX }),
  fromJson: readBigInt,
  fromText: readBigIntText,
  toJson: (value) => String(value),
};
