import { GraphQLFloat } from "graphql";
import { accept, describeValue, type Parsed, refuse, type ScalarCodec, sameSchema } from "./codec.ts";
import { jsonNumberText } from "./json-text.ts";

function readFloat(value: unknown): Parsed<number> {
  if (typeof value !== "number") return refuse(`must be a number, not ${describeValue(value)}`);
  return Number.isFinite(value) ? accept(value) : refuse("must be a finite number");
}

/**
 * Binary floating-point numbers: any finite JSON number; in a query string, the same literal.
 *
 * @example
 * floatCodec.fromText("1.5e3"); // { ok: true, value: 1500 }
 * floatCodec.fromText("1e999").ok; // false: not finite
 */
export const floatCodec: ScalarCodec<number> = {
  type: "Float",
  graphql: GraphQLFloat,
  syntax: "A finite JSON number.",
  jsonSchema: sameSchema({ type: "number", format: "double" }),
  fromJson: readFloat,
  fromText: (text) => readFloat(jsonNumberText(text) ?? text),
  toJson: (value) => value,
};
