import { type IdentifierKind, type IdentifierRule, identifierRules } from "@tusk/identifiers";
import { accept, describeValue, type Parsed, refuse, type ValueCodec } from "./codec.ts";
import { codecScalar } from "./graphql-scalar.ts";
import { intCodec } from "./int.ts";

function stringIdentifierCodec(rule: IdentifierRule): ValueCodec<string> {
  const fromText = (text: string): Parsed<string> => {
    const read = rule.parse(text);
    return read.ok ? accept(String(read.value)) : refuse(read.error.message);
  };
  const fromJson = (value: unknown): Parsed<string> =>
    typeof value === "string" ? fromText(value) : refuse(`must be a string, not ${describeValue(value)}`);
  return {
    graphql: codecScalar({
      name: rule.graphqlScalar,
      title: rule.title,
      description: `${rule.title}: ${rule.description} Example: \`${rule.example}\`.`,
      fromJson,
      serialize: (value) => rule.format(value as never),
      extensions: { pattern: rule.pattern },
    }),
    fromJson,
    fromText,
    toJson: (value) => value,
  };
}

/**
 * One codec per identifier kind: numeric ids are `Int`s (their positivity is the rule's, checked
 * where an id is looked up); every other kind reads any spelling its rule accepts and gives the
 * canonical one, so `"0-306-40615-2"` arrives as `"9780306406157"` through either API.
 *
 * @example
 * identifierCodecs.isbn.fromText("0-306-40615-2"); // { ok: true, value: "9780306406157" }
 */
export const identifierCodecs: Readonly<Record<IdentifierKind, ValueCodec>> = Object.freeze(
  Object.fromEntries(
    Object.values(identifierRules).map((rule) => [
      rule.kind,
      rule.valueType === "int" ? intCodec : stringIdentifierCodec(rule),
    ]),
  ) as Record<IdentifierKind, ValueCodec>,
);
