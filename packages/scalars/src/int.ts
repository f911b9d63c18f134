import { GraphQLInt } from "graphql";
import {
  accept,
  describeValue,
  type IntegerBounds,
  type Parsed,
  refuse,
  type ScalarCodec,
  sameSchema,
} from "./codec.ts";
import { jsonNumberText } from "./json-text.ts";

/**
 * The range of `Int`: PostgreSQL `integer` and GraphQL `Int` are both 32-bit signed.
 *
 * @example
 * INT_BOUNDS.min; // -2147483648
 */
export const INT_BOUNDS: IntegerBounds<number> = { min: -2_147_483_648, max: 2_147_483_647 };

function readInt(value: unknown): Parsed<number> {
  if (typeof value !== "number" || !Number.isInteger(value))
    return refuse(`must be an integer, not ${describeValue(value)}`);
  if (value < INT_BOUNDS.min || value > INT_BOUNDS.max)
    return refuse(`must be from ${INT_BOUNDS.min} to ${INT_BOUNDS.max}`);
  return accept(value);
}

/**
 * 32-bit integers: a JSON number with an integral value from -2147483648 to 2147483647; in a
 * query string, the same JSON number literal (`-5`, `1e3`; not `+5`, `05` or ` 5`).
 *
 * @example
 * intCodec.fromText("-2147483648"); // { ok: true, value: -2147483648 }
 * intCodec.fromJson("5").ok; // false: a string is not a number
 */
export const intCodec: ScalarCodec<number> = {
  type: "Int",
  graphql: GraphQLInt,
  syntax: `A JSON number with an integral value from ${INT_BOUNDS.min} to ${INT_BOUNDS.max}.`,
  jsonSchema: sameSchema({
    type: "integer",
    format: "int32",
    minimum: INT_BOUNDS.min,
    maximum: INT_BOUNDS.max,
  }),
  fromJson: readInt,
  fromText: (text) => readInt(jsonNumberText(text) ?? text),
  toJson: (value) => value,
};
