import { ApiError } from "@tusk/errors";
import { type IdentifierRule, identifierRules } from "@tusk/identifiers";
import type { ScalarType } from "@tusk/registry";
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInt,
  GraphQLScalarType,
  GraphQLString,
  Kind,
  type ValueNode,
} from "graphql";

/** Thrown from scalar parsing; graphql-js keeps it as `originalError`, so `maskError` can restore its code. */
function invalid(what: string, reason: string): ApiError {
  return new ApiError("BAD_USER_INPUT", `invalid ${what}: ${reason}`, {
    invalidParams: [{ name: what, reason }],
  });
}

function literalText(node: ValueNode): string | undefined {
  return node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT
    ? node.value
    : undefined;
}

/**
 * The custom scalar of one string identifier kind (`ISBN`, `Username`, `VIN`): input in any
 * accepted spelling is normalised by the shared rule, so `"0-306-40615-2"` arrives as
 * `"9780306406157"`; output is always the canonical form.
 *
 * @example
 * identifierScalar(isbn).parseValue("0-306-40615-2"); // "9780306406157"
 */
export function identifierScalar(rule: IdentifierRule): GraphQLScalarType {
  const parse = (raw: unknown): string | number => {
    if (typeof raw !== "string") throw invalid(rule.title, `expected a string, got ${typeof raw}`);
    const result = rule.parse(raw);
    if (!result.ok) throw invalid(rule.title, result.error.message);
    return result.value;
  };
  return new GraphQLScalarType({
    name: rule.graphqlScalar,
    description: `${rule.title}: ${rule.description} Example: \`${rule.example}\`.`,
    serialize: (value) => rule.format(value as never),
    parseValue: parse,
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) throw invalid(rule.title, "expected a string literal");
      return parse(node.value);
    },
    extensions: { pattern: rule.pattern },
  });
}

const DECIMAL_PATTERN = /^-?(?:\d+)(?:\.\d+)?$/;

function parseDecimal(raw: unknown): string {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw invalid("Decimal", `${raw} is not a finite number`);
    return String(raw);
  }
  if (typeof raw !== "string") throw invalid("Decimal", `expected a string or number, got ${typeof raw}`);
  const text = raw.trim();
  if (!DECIMAL_PATTERN.test(text)) throw invalid("Decimal", `"${raw}" is not a decimal number`);
  return text;
}

/**
 * Exact decimals (prices): a string on output so no precision is lost; a string or a number on
 * input, validated and handed to Prisma as a string.
 *
 * @example
 * DecimalScalar.parseValue("12.50"); // "12.50"
 */
export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  description:
    'An exact decimal number, written as a string on output ("219.99"); input accepts a string or a number.',
  serialize: (value) => (typeof value === "string" ? value : String(value)),
  parseValue: parseDecimal,
  parseLiteral: (node) => {
    const text = literalText(node);
    if (text === undefined) throw invalid("Decimal", "expected a string or number literal");
    return parseDecimal(text);
  },
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDateTime(raw: unknown): Date {
  if (typeof raw !== "string" || !ISO_DATE_TIME.test(raw))
    throw invalid("DateTime", `${JSON.stringify(raw)} is not an ISO 8601 date-time`);
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw invalid("DateTime", `"${raw}" is not a valid date`);
  return date;
}

/**
 * Instants as ISO 8601 strings (`2026-11-21T10:00:00.000Z`); input also accepts a date alone.
 *
 * @example
 * DateTimeScalar.parseValue("2026-11-21"); // Date 2026-11-21T00:00:00.000Z
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  description: "An instant in ISO 8601 form, always UTC on output (`2026-11-21T10:00:00.000Z`).",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw invalid("DateTime", "expected a string literal");
    return parseDateTime(node.value);
  },
});

/** One scalar per non-integer identifier kind, keyed by kind; numeric ids use `Int`. */
const IDENTIFIER_SCALARS = new Map<string, GraphQLScalarType>(
  Object.values(identifierRules)
    .filter((rule) => rule.valueType === "string")
    .map((rule) => [rule.kind, identifierScalar(rule)]),
);

/**
 * The GraphQL scalar for an identifier rule: `Int` for numeric ids (checked positive in
 * resolvers), otherwise the kind's own normalising scalar.
 *
 * @example
 * scalarForIdentifier(isbn).name; // "ISBN"
 */
export function scalarForIdentifier(rule: IdentifierRule): GraphQLScalarType {
  return IDENTIFIER_SCALARS.get(rule.kind) ?? GraphQLInt;
}

/**
 * The GraphQL scalar for a Prisma scalar type.
 *
 * @example
 * scalarForType("Decimal").name; // "Decimal"
 */
export function scalarForType(type: ScalarType): GraphQLScalarType {
  switch (type) {
    case "Int":
      return GraphQLInt;
    case "Float":
      return GraphQLFloat;
    case "Boolean":
      return GraphQLBoolean;
    case "Decimal":
      return DecimalScalar;
    case "DateTime":
      return DateTimeScalar;
    default:
      // BigInt and Json are carried as strings; no resource uses them yet.
      return GraphQLString;
  }
}
