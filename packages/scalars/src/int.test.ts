import { GraphQLInt } from "graphql";
import { describe, expect, it } from "vitest";
import { INT_BOUNDS, intCodec } from "./int.ts";

describe("Int", () => {
  it.each([
    ["0", 0],
    ["-2147483648", -2147483648],
    ["2147483647", 2147483647],
    ["1e3", 1000],
    ["-0", -0],
  ])("reads %s from a query string", (text, value) => {
    expect(intCodec.fromText(text)).toEqual({ ok: true, value });
  });

  it.each(["2147483648", "-2147483649", "+5", "05", " 5", "5 ", "1.5", "", "0x10", "Infinity", "1e400"])(
    "refuses %j in a query string",
    (text) => {
      expect(intCodec.fromText(text).ok).toBe(false);
    },
  );

  it.each([5, -2147483648, 2147483647, 1.0])("reads the JSON number %j", (value) => {
    expect(intCodec.fromJson(value)).toEqual({ ok: true, value });
  });

  it.each(["5", 1.5, 2147483648, -2147483649, null, true, [1], {}])("refuses the JSON value %j", (value) => {
    expect(intCodec.fromJson(value).ok).toBe(false);
  });

  it("has the bounds of GraphQL's Int, and states them in its JSON Schema", () => {
    expect(() => GraphQLInt.parseValue(INT_BOUNDS.min)).not.toThrow();
    expect(() => GraphQLInt.parseValue(INT_BOUNDS.max)).not.toThrow();
    expect(() => GraphQLInt.parseValue(INT_BOUNDS.min - 1)).toThrow();
    expect(() => GraphQLInt.parseValue(INT_BOUNDS.max + 1)).toThrow();
    expect(intCodec.jsonSchema.input).toMatchObject({ minimum: INT_BOUNDS.min, maximum: INT_BOUNDS.max });
  });
});
