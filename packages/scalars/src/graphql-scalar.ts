import { ApiError } from "@tusk/errors";
import { GraphQLScalarType, valueFromASTUntyped } from "graphql";
import type { Parsed } from "./codec.ts";

/**
 * Thrown from scalar parsing; graphql-js keeps it as `originalError`, so the schema's error
 * masking restores its code and replaces the scalar's name with the argument it was given to.
 */
function refused(name: string, reason: string): ApiError {
  return new ApiError("BAD_USER_INPUT", `invalid ${name}: ${reason}`, {
    invalidParams: [{ name, reason }],
  });
}

/**
 * A custom GraphQL scalar that reads variables with a codec's `fromJson`, and literals as the
 * JSON value they spell (so `price: 12.5` in a document reads like `{"price": 12.5}`).
 *
 * @example
 * const scalar = codecScalar({ name: "Decimal", description: "...", fromJson, serialize: String });
 */
export function codecScalar<T>(config: {
  name: string;
  /** What a refusal calls the value ("invalid ISBN-13: ..."); the scalar's name by default. */
  title?: string;
  description: string;
  fromJson: (value: unknown) => Parsed<T>;
  serialize: (value: unknown) => unknown;
  extensions?: Record<string, unknown>;
}): GraphQLScalarType<T, unknown> {
  const parse = (value: unknown): T => {
    const read = config.fromJson(value);
    if (!read.ok) throw refused(config.title ?? config.name, read.reason);
    return read.value;
  };
  return new GraphQLScalarType<T, unknown>({
    name: config.name,
    description: config.description,
    serialize: config.serialize,
    parseValue: parse,
    parseLiteral: (node, variables) => parse(valueFromASTUntyped(node, variables)),
    ...(config.extensions ? { extensions: config.extensions } : {}),
  });
}
