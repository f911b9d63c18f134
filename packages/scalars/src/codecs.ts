import type { ScalarType } from "@tusk/registry";
import { bigIntCodec } from "./big-int.ts";
import { booleanCodec } from "./boolean.ts";
import type { ScalarCodec } from "./codec.ts";
import { dateTimeCodec } from "./date-time.ts";
import { decimalCodec } from "./decimal.ts";
import { floatCodec } from "./float.ts";
import { intCodec } from "./int.ts";
import { jsonCodec } from "./json.ts";
import { stringCodec } from "./string.ts";

/**
 * The codec of every Prisma scalar type the registry knows. A full `Record`, so a new scalar
 * type does not compile until it says how GraphQL carries it, how query strings and JSON
 * bodies spell it, and its JSON Schema.
 *
 * @example
 * scalarCodecs.Decimal.fromText("12.50"); // { ok: true, value: "12.50" }
 * scalarCodecs.DateTime.fromText("2026-02-30").ok; // false
 */
export const scalarCodecs: Readonly<Record<ScalarType, ScalarCodec>> = Object.freeze({
  String: stringCodec,
  Int: intCodec,
  BigInt: bigIntCodec,
  Float: floatCodec,
  Decimal: decimalCodec,
  Boolean: booleanCodec,
  DateTime: dateTimeCodec,
  Json: jsonCodec,
});
