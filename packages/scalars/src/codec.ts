import type { ScalarType } from "@tusk/registry";
import type { GraphQLScalarType } from "graphql";

/**
 * The outcome of reading one value: the value, or a reason that completes the sentence
 * "<member> ..." ("must be an integer").
 *
 * @example
 * const read: Parsed<number> = { ok: false, reason: "must be an integer" };
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/**
 * A value JSON can carry.
 *
 * @example
 * const value: JsonValue = { price: "12.50", tags: [1, 2] };
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * A JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12 as is).
 *
 * @example
 * const schema: JsonSchema = { type: "integer", format: "int32" };
 */
export type JsonSchema = Record<string, unknown>;

/**
 * How one kind of value travels: every place either API reads a value of the kind goes through
 * these functions, so both accept exactly the same values and store them identically.
 *
 * Laws (tested for every codec): `fromJson(toJson(v))` is `v`; `fromText(t)` accepts exactly
 * what `fromJson` accepts for the JSON value `t` stands for (the text itself for string-carried
 * kinds, the JSON literal for numbers and booleans).
 *
 * @example
 * const read = codec.fromText("12.50");
 * if (read.ok) variables.price = codec.toJson(read.value);
 */
export interface ValueCodec<T = unknown> {
  /**
   * The GraphQL scalar carrying the values. A custom scalar parses with {@link fromJson} itself;
   * GraphQL's own (`String`, `Int`, `Float`, `Boolean`) cannot be changed, so the schema runs
   * {@link fromJson} on what they let through.
   */
  readonly graphql: GraphQLScalarType;
  /** Reads a JSON value: a REST body member or a GraphQL variable. */
  fromJson(value: unknown): Parsed<T>;
  /** Reads the text of a query-string value (already percent-decoded). */
  fromText(text: string): Parsed<T>;
  /** The canonical JSON form of a value this codec read. */
  toJson(value: T): JsonValue;
}

/**
 * JSON Schemas of a type's values: what a body may hold, and what a representation holds (a
 * `Decimal` is read from a string or a number but always written as a string).
 *
 * @example
 * const schemas: ValueSchemas = { input: { type: "boolean" }, output: { type: "boolean" } };
 */
export interface ValueSchemas {
  readonly input: JsonSchema;
  readonly output: JsonSchema;
}

/**
 * The same schema for input and output.
 *
 * @example
 * sameSchema({ type: "boolean" }); // { input: { type: "boolean" }, output: { type: "boolean" } }
 */
export const sameSchema = (schema: JsonSchema): ValueSchemas => ({ input: schema, output: schema });

/**
 * The codec of one Prisma scalar type, with what documentation and OpenAPI need to describe it.
 *
 * @example
 * scalarCodecs.Int.jsonSchema.input; // { type: "integer", format: "int32", minimum: -2147483648, maximum: 2147483647 }
 */
export interface ScalarCodec<T = unknown> extends ValueCodec<T> {
  readonly type: ScalarType;
  /** The accepted syntax in one sentence, for docs, GraphQL descriptions and OpenAPI. */
  readonly syntax: string;
  /** The JSON Schemas of the values in bodies (input) and representations (output). */
  readonly jsonSchema: ValueSchemas;
}

/**
 * The range of an integer type, written once for parsing, GraphQL and OpenAPI.
 *
 * @example
 * const int32: IntegerBounds<number> = { min: -2147483648, max: 2147483647 };
 */
export interface IntegerBounds<T extends number | bigint> {
  readonly min: T;
  readonly max: T;
}

/** A successful read. */
export const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** A refused read. */
export const refuse = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** How a refused value is shown in a reason: short, and safe to echo. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}..."` : text;
}
