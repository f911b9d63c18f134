import { GraphQLBoolean } from "graphql";
import { accept, describeValue, type Parsed, refuse, type ScalarCodec, sameSchema } from "./codec.ts";

function readBoolean(value: unknown): Parsed<boolean> {
  return typeof value === "boolean"
    ? accept(value)
    : refuse(`must be true or false, not ${describeValue(value)}`);
}

/**
 * Booleans: JSON `true` or `false`; in a query string, the text `true` or `false`.
 *
 * @example
 * booleanCodec.fromText("true"); // { ok: true, value: true }
 * booleanCodec.fromText("1").ok; // false
 */
export const booleanCodec: ScalarCodec<boolean> = {
  type: "Boolean",
  graphql: GraphQLBoolean,
  syntax: "JSON true or false.",
  jsonSchema: sameSchema({ type: "boolean" }),
  fromJson: readBoolean,
  fromText: (text) => readBoolean(text === "true" ? true : text === "false" ? false : text),
  toJson: (value) => value,
};
