/**
 * GraphQL requests a client can send, derived from the schema: operations on every root field
 * with selections of any shape (aliases, fragments, directives, nested connections), arguments
 * given as literals or variables with right and wrong values, and broken documents.
 */
import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import type { FuzzRequest } from "./rest-requests.ts";

/** A JSON-serialisable value (variables). */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SCALAR_VALUES: Record<string, fc.Arbitrary<Json>> = {
  Int: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max: 100_000 }) },
    fc.constantFrom(2 ** 31, -1, 0),
  ),
  Float: fc.double({ noNaN: true, noDefaultInfinity: true }),
  Boolean: fc.boolean(),
  String: fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
    fc.constantFrom("Widgets", "\u0000", "a".repeat(2000)),
  ),
  ID: fc.string({ maxLength: 8 }),
};

/** A value for an input type: mostly well-typed, sometimes anything at all. */
function inputValue(type: GraphQLInputType, depth: number): fc.Arbitrary<Json> {
  const any = fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>;
  if (isNonNullType(type)) return inputValue(type.ofType, depth);
  if (depth > 3) return fc.constant(null);
  if (isListType(type)) return fc.array(inputValue(type.ofType, depth + 1), { maxLength: 3 });
  if (isEnumType(type))
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      fc.constant("NOPE"),
    );
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (!fields.length) return fc.constant({});
    return fc
      .subarray(fields, { maxLength: Math.min(3, fields.length) })
      .chain((chosen) =>
        fc
          .tuple(...chosen.map((f) => inputValue(f.type, depth + 1)))
          .map((values) => Object.fromEntries(chosen.map((f, i) => [f.name, values[i]!]))),
      );
  }
  const known = isScalarType(type) ? SCALAR_VALUES[type.name] : undefined;
  // Custom scalars (Decimal, DateTime, identifiers): strings of every sort, right or wrong.
  const custom = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        "73924",
        "jdoe",
        "9780306406157",
        "1M8GDM9AXKP042788",
        "2026-11-29T12:00:00.000Z",
        "12.50",
      ),
    },
    fc.constantFrom("0000-01-01", "1e400", "2026-02-30", ""),
    fc.string({ maxLength: 12 }),
    fc.integer(),
  );
  return fc.oneof({ weight: 12, arbitrary: known ?? custom }, any);
}

/** A value as a GraphQL literal (enums unquoted when they are names). */
function literal(value: Json, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null) return "null";
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, isListType(type) ? type.ofType : type)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? named)}`)
      .join(", ")}}`;
  }
  if (isEnumType(named) && typeof value === "string" && /^[A-Za-z_]\w*$/.test(value)) return value;
  return JSON.stringify(value);
}

interface Built {
  readonly text: string;
  readonly variables: Record<string, Json>;
  readonly definitions: string[];
}

function argumentsOf(args: readonly GraphQLArgument[]): fc.Arbitrary<Built> {
  if (!args.length) return fc.constant({ text: "", variables: {}, definitions: [] });
  // Required arguments almost always, as a client following the schema sends them.
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const optional = args.filter((a) => !required.includes(a));
  return fc.tuple(fc.subarray(optional), fc.nat(19), fc.nat(999_999)).chain(([some, oneInTwenty, suffix]) => {
    const chosen = [...(oneInTwenty === 0 ? [] : required), ...some];
    return fc.tuple(...chosen.map((a) => fc.tuple(inputValue(a.type, 0), fc.boolean()))).map((values) => {
      const variables: Record<string, Json> = {};
      const definitions: string[] = [];
      const parts = chosen.map((arg, i) => {
        const [value, asVariable] = values[i]!;
        if (!asVariable) return `${arg.name}: ${literal(value, arg.type)}`;
        const name = `v${suffix}_${arg.name}_${i}`;
        variables[name] = value;
        definitions.push(`$${name}: ${String(arg.type)}`);
        return `${arg.name}: $${name}`;
      });
      return { text: parts.length ? `(${parts.join(", ")})` : "", variables, definitions };
    });
  });
}

/** A selection set on an object type, up to `depth` levels of objects below. */
function selection(type: GraphQLObjectType, depth: number): fc.Arbitrary<Built> {
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const leaves = fields.filter((f) => !isObjectType(getNamedType(f.type)));
  const objects = depth > 0 ? fields.filter((f) => isObjectType(getNamedType(f.type))) : [];
  const one = (field: GraphQLField<unknown, unknown>): fc.Arbitrary<Built> => {
    const named = getNamedType(field.type);
    const sub = isObjectType(named) ? selection(named, depth - 1) : fc.constant(undefined);
    return fc
      .tuple(
        argumentsOf(field.args),
        sub,
        fc.option(fc.nat(99_999), { nil: undefined }),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant("") },
          fc.constantFrom(" @skip(if: true)", " @include(if: false)", " @include(if: true)"),
        ),
      )
      .map(([args, inner, alias, directive]) => ({
        text: `${alias === undefined ? "" : `a${alias}: `}${field.name}${args.text}${directive}${inner ? ` { ${inner.text} }` : ""}`,
        variables: { ...args.variables, ...inner?.variables },
        definitions: [...args.definitions, ...(inner?.definitions ?? [])],
      }));
  };
  const pool = [...leaves, ...objects];
  return fc
    .tuple(
      leaves.length ? fc.constantFrom(...leaves).map((f) => f.name) : fc.constant("__typename"),
      fc.array(fc.constantFrom(...pool).chain(one), { maxLength: 3 }),
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom("", " __typename") },
        fc.constantFrom(" nope", " ... on Nothing { id }"),
      ),
    )
    .map(([first, rest, extra]) => ({
      text: `${first} ${rest.map((r) => r.text).join(" ")}${extra}`,
      variables: Object.assign({}, ...rest.map((r) => r.variables)),
      definitions: rest.flatMap((r) => r.definitions),
    }));
}

/** An operation on one root type: one or two root fields with their selections. */
function operation(
  schema: GraphQLSchema,
  kind: "query" | "mutation",
): fc.Arbitrary<{ query: string; variables: Record<string, Json> }> {
  const root = kind === "query" ? schema.getQueryType() : schema.getMutationType();
  if (!root) return fc.constant({ query: "{ __typename }", variables: {} });
  return fc.tuple(selection(root, 3), fc.constantFrom("", "Named")).map(([built, name]) => {
    // Variables may collide across fields: the last definition wins, the document may then be invalid, as a client's might.
    const definitions = [...new Set(built.definitions)];
    const header =
      definitions.length || name
        ? `${kind} ${name}${definitions.length ? `(${definitions.join(", ")})` : ""}`
        : kind === "mutation"
          ? "mutation"
          : "";
    return { query: `${header} { ${built.text} }`, variables: built.variables };
  });
}

/** Documents that are not documents: truncated, garbled, or shaped to cost a lot. */
const brokenDocument: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "{",
    "query {",
    "{ products { nodes { id } } ",
    "query Q($x: Int!) { __typename }",
    "subscription { __typename }",
    "{ __schema { types { fields { type { ofType { ofType { name } } } } } } }",
    `{ ${"a: __typename ".repeat(2000)} }`,
    `${"{".repeat(3000)}${"}".repeat(3000)}`,
    "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }",
    "{ product(id: 73924) { name } } { product(id: 1) { name } }",
  ),
);

/**
 * Any request a GraphQL client could send to `/graphql`.
 *
 * @example
 * fc.sample(graphqlRequest(schema, []), 1)[0].body; // '{"query":"{ product(id: 73924) { name } }", ...}'
 */
export function graphqlRequest(schema: GraphQLSchema, tokens: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const body = fc.oneof(
    { weight: 6, arbitrary: operation(schema, "query").map((op) => JSON.stringify(op)) },
    { weight: 2, arbitrary: operation(schema, "mutation").map((op) => JSON.stringify(op)) },
    { weight: 1, arbitrary: brokenDocument.map((query) => JSON.stringify({ query })) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        fc.constantFrom(
          '{"query": 1}',
          '{"query":"{ __typename }","variables":"x"}',
          '{"query":"{ __typename }","operationName":7}',
          "{",
          "",
        ),
      ),
    },
  );
  const authorization = fc.option(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...(tokens.length ? tokens : ["Bearer x"])) },
      fc.constantFrom("Bearer a.b.c", "Basic x"),
    ),
    { nil: undefined, freq: 5 },
  );
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant("application/json") },
    fc.constantFrom("text/plain", "application/graphql-response+json", "application/x-www-form-urlencoded"),
  );
  return fc.tuple(body, authorization, contentType).map(([text, auth, type]) => ({
    method: "POST",
    path: "/graphql",
    headers: {
      "content-type": type,
      accept: "application/graphql-response+json, application/json",
      ...(auth ? { authorization: auth } : {}),
    },
    body: text,
  }));
}
