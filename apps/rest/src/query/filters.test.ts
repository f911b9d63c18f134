import { identifierCodecs, scalarCodecs } from "@tusk/scalars";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FilterOperator } from "../operations/index.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { parseFilterValue } from "./filters.ts";

const intOperators = new Map<string, FilterOperator>([
  ["equals", { name: "equals", shape: "value", scalar: "Int" }],
  ["gte", { name: "gte", shape: "value", scalar: "Int" }],
  ["in", { name: "in", shape: "list", scalar: "Int" }],
]);
intOperators.set("not", { name: "not", shape: "nested", scalar: "", nested: new Map(intOperators) });
const isbnOperators = new Map<string, FilterOperator>([
  ["equals", { name: "equals", shape: "value", scalar: "ISBN" }],
]);

describe("parseFilterValue", () => {
  it.each([
    ["7", { equals: 7 }],
    ["gte(200)", { gte: 200 }],
    ["in(1,2,3)", { in: [1, 2, 3] }],
    ["not(gte(5))", { not: { gte: 5 } }],
    ["not(5)", { not: { equals: 5 } }],
    ["-2147483648", { equals: -2147483648 }],
  ])("reads %s", (raw, filter) => {
    expect(parseFilterValue("id", raw, intOperators, scalarCodecs.Int)).toEqual({ ok: true, filter });
  });

  it.each([
    ["between(1,2)", /unknown operator "between"/],
    ["gte(x)", /must be an integer/],
    ["in()", /at least one/],
    ["in(1,,2)", /must be an integer/],
    ["99999999999", /from -2147483648 to 2147483647/],
    ["-2147483649", /from -2147483648 to 2147483647/],
    ["+5", /must be an integer/],
    ["05", /must be an integer/],
  ])("refuses %s, naming the parameter", (raw, reason) => {
    const result = parseFilterValue("id", raw, intOperators, scalarCodecs.Int);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.name).toBe("id");
      expect(result.error.reason).toMatch(reason);
    }
  });

  it.each(["5.", ".5", "+5", "1e3"])(
    "refuses decimal %s as the schema's Decimal scalar does, naming the field",
    (raw) => {
      const decimalOperators = new Map<string, FilterOperator>([
        ["gte", { name: "gte", shape: "value", scalar: "Decimal" }],
      ]);
      const result = parseFilterValue("price", `gte(${raw})`, decimalOperators, scalarCodecs.Decimal);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatchObject({ name: "price", reason: expect.stringMatching(/decimal/) });
    },
  );

  it("parses identifier values through their rule", () => {
    expect(parseFilterValue("isbn", "0-306-40615-2", isbnOperators, identifierCodecs.isbn)).toEqual({
      ok: true,
      filter: { equals: "9780306406157" },
    });
    expect(parseFilterValue("isbn", "9780306406158", isbnOperators, identifierCodecs.isbn).ok).toBe(false);
  });

  it("never throws, whatever the value", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        parseFilterValue("id", raw, intOperators, scalarCodecs.Int);
      }),
    );
  });
});

describe("cursors", () => {
  it("round-trip direction and GraphQL cursor", () => {
    fc.assert(
      fc.property(fc.constantFrom("after" as const, "before" as const), fc.string(), (direction, cursor) => {
        expect(decodeCursor(encodeCursor(direction, cursor))).toEqual({ direction, cursor });
      }),
    );
  });

  it("refuses anything else", () => {
    for (const raw of [
      "",
      "nonsense",
      "%%",
      Buffer.from('["x","c"]').toString("base64url"),
      Buffer.from("{").toString("base64url"),
    ]) {
      expect(decodeCursor(raw), raw).toBeUndefined();
    }
  });
});
