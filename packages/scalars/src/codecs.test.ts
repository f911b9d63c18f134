import { registry, type ScalarType } from "@tusk/registry";
import fc from "fast-check";
import { isSpecifiedScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import type { ScalarCodec } from "./codec.ts";
import { scalarCodecs } from "./codecs.ts";

/**
 * The laws every codec keeps, checked for each entry of the table: reading the canonical JSON
 * form gives the value back, query text reads like the JSON value it spells, GraphQL's scalar
 * decides like the codec, and nothing throws.
 */

/** Values of each type, including its edges. */
const VALUES: { readonly [K in ScalarType]: fc.Arbitrary<unknown> } = {
  String: fc.string({ unit: "grapheme" }),
  Int: fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
  BigInt: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  Float: fc.double({ noNaN: true, noDefaultInfinity: true }),
  Decimal: fc.oneof(
    fc.stringMatching(/^-?[0-9]{1,20}(\.[0-9]{1,20})?$/),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
  Boolean: fc.boolean(),
  DateTime: fc
    .date({
      min: new Date("0001-01-01T00:00:00.000Z"),
      max: new Date("9999-12-31T23:59:59.999Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  Json: fc.jsonValue().filter((value) => !JSON.stringify(value).includes("\\u0000")),
};

/** What any JSON body or variable might hold. */
const anyJson = fc.oneof(fc.jsonValue(), fc.string(), fc.double(), fc.integer());

/** The JSON value a query text stands for: the text itself for string-carried kinds, the literal otherwise. */
function jsonOfText(codec: ScalarCodec, text: string): unknown {
  if (codec.type === "Json") {
    try {
      return JSON.parse(text);
    } catch {
      return Symbol("not JSON");
    }
  }
  if (codec.type === "Int" || codec.type === "Float" || codec.type === "Boolean") {
    const literal = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$|^(true|false)$/.test(text);
    return literal ? JSON.parse(text) : text;
  }
  return text;
}

const verdict = (read: { ok: boolean }) => read.ok;

describe.each(Object.values(scalarCodecs))("the $type codec", (codec) => {
  it("reads its canonical JSON form back to the same value", () => {
    fc.assert(
      fc.property(VALUES[codec.type], (raw) => {
        const read = codec.fromJson(raw);
        if (!read.ok) return;
        const again = codec.fromJson(codec.toJson(read.value));
        expect(again).toEqual(read);
      }),
    );
  });

  it("accepts the values of its type", () => {
    fc.assert(
      fc.property(VALUES[codec.type], (raw) => {
        if (codec.type === "Decimal" && typeof raw === "number") return; // may need more than 15 digits
        expect(codec.fromJson(raw).ok).toBe(true);
      }),
    );
  });

  it("reads query text exactly as the JSON value the text spells", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          VALUES[codec.type].map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
        ),
        (text) => {
          const fromText = codec.fromText(text);
          const fromJson = codec.fromJson(jsonOfText(codec, text));
          expect(verdict(fromText)).toBe(verdict(fromJson));
          if (fromText.ok && fromJson.ok)
            expect(codec.toJson(fromText.value)).toEqual(codec.toJson(fromJson.value));
        },
      ),
    );
  });

  it("decides like its GraphQL scalar, and never throws", () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, VALUES[codec.type]), (value) => {
        const read = codec.fromJson(value);
        let graphql: boolean;
        try {
          codec.graphql.parseValue(value);
          graphql = true;
        } catch {
          graphql = false;
        }
        // GraphQL's own scalars may be laxer (String lets U+0000 through); the schema then
        // applies the codec itself. A custom scalar is the codec.
        if (isSpecifiedScalarType(codec.graphql)) expect(graphql || !read.ok).toBe(true);
        else expect(graphql).toBe(read.ok);
      }),
    );
  });

  it("has a JSON Schema and a stated syntax", () => {
    expect(codec.jsonSchema.input).toBeTypeOf("object");
    expect(codec.jsonSchema.output).toBeTypeOf("object");
    expect(codec.syntax).toMatch(/\.$/);
  });
});

describe("the table", () => {
  it("holds a codec for every type a resource field has", () => {
    const types = new Set(
      registry.resources.flatMap((resource) => resource.fields.map((field) => field.type)),
    );
    for (const type of types) expect(scalarCodecs[type].type).toBe(type);
  });

  it("keys each codec by its own type", () => {
    for (const [type, codec] of Object.entries(scalarCodecs)) expect(codec.type).toBe(type);
  });
});
