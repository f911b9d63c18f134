import { accept, type JsonValue, type Parsed, refuse, type ScalarCodec, sameSchema } from "./codec.ts";
import { codecScalar } from "./graphql-scalar.ts";

/** Why a JSON value cannot be stored in `jsonb`, if it cannot: PostgreSQL refuses U+0000 in its strings. */
function problemIn(value: unknown, depth = 0): string | undefined {
  if (depth > 100) return "is nested more than 100 levels deep";
  if (typeof value === "string")
    return value.includes("\u0000") ? "must not contain the NUL character (U+0000)" : undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : "must hold finite numbers only";
  if (value === null || typeof value === "boolean") return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = problemIn(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const problem = problemIn(key, depth + 1) ?? problemIn(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  return "must be a JSON value";
}

function readJson(value: unknown): Parsed<JsonValue> {
  const problem = problemIn(value);
  return problem ? refuse(problem) : accept(value as JsonValue);
}

function readJsonText(text: string): Parsed<JsonValue> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse("is not JSON");
  }
  return readJson(value);
}

const SYNTAX =
  "Any JSON value without the NUL character (U+0000) in its strings; in a query string, JSON text.";

/**
 * Free-form JSON (`jsonb`): taken as it is, except what PostgreSQL cannot store.
 *
 * @example
 * jsonCodec.fromText('{"a":[1,2]}'); // { ok: true, value: { a: [1, 2] } }
 */
export const jsonCodec: ScalarCodec<JsonValue> = {
  type: "Json",
  graphql: codecScalar({
    name: "JSON",
    description: SYNTAX,
    fromJson: readJson,
    serialize: (value) => value,
  }),
  syntax: SYNTAX,
  jsonSchema: sameSchema({}),
  fromJson: readJson,
  fromText: readJsonText,
  toJson: (value) => value,
};
