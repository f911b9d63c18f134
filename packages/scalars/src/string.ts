import { GraphQLString } from "graphql";
import { accept, describeValue, type Parsed, refuse, type ScalarCodec, sameSchema } from "./codec.ts";

/** A UTF-16 code unit that is half of a pair without its other half; with the `u` flag a pair is one match unit. */
const LONE_SURROGATE = /\p{Surrogate}/u;

function readText(text: string): Parsed<string> {
  // PostgreSQL text cannot hold U+0000, and a lone surrogate has no UTF-8 form (it would be
  // stored as U+FFFD): refuse both rather than fail or alter the value on the way in.
  if (text.includes("\u0000")) return refuse("must not contain the NUL character (U+0000)");
  if (LONE_SURROGATE.test(text)) return refuse("must be well-formed Unicode (it holds a lone surrogate)");
  return accept(text);
}

/**
 * Text: any JSON string without U+0000 or a lone surrogate; in a query string, the decoded text.
 *
 * @example
 * stringCodec.fromJson("Widget"); // { ok: true, value: "Widget" }
 * stringCodec.fromText("a\u0000b").ok; // false
 */
export const stringCodec: ScalarCodec<string> = {
  type: "String",
  graphql: GraphQLString,
  syntax: "A JSON string; any Unicode text except the NUL character (U+0000).",
  jsonSchema: sameSchema({ type: "string" }),
  fromJson: (value) =>
    typeof value === "string" ? readText(value) : refuse(`must be a string, not ${describeValue(value)}`),
  fromText: readText,
  toJson: (value) => value,
};
