/**
 * @tusk/scalars: one codec per scalar type and identifier kind. The GraphQL schema, the REST
 * app's bodies and query strings, and the OpenAPI document all read values through these, so
 * both APIs accept, store and describe exactly the same values.
 *
 * @example
 * import { fieldCodec, scalarCodecs } from "@tusk/scalars";
 * scalarCodecs.Int.fromText("-2147483648"); // { ok: true, value: -2147483648 }
 */
export { BIG_INT_BOUNDS } from "./big-int.ts";
export type {
  IntegerBounds,
  JsonSchema,
  JsonValue,
  Parsed,
  ScalarCodec,
  ValueCodec,
  ValueSchemas,
} from "./codec.ts";
export { sameSchema } from "./codec.ts";
export { scalarCodecs } from "./codecs.ts";
export { MAX_JSON_NUMBER_DIGITS } from "./decimal.ts";
export { fieldCodec } from "./field-codec.ts";
export { codecScalar } from "./graphql-scalar.ts";
export { identifierCodecs } from "./identifier.ts";
export { INT_BOUNDS } from "./int.ts";
