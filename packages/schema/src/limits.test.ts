import { parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { queryLimitRules } from "./limits.ts";
import { maskError } from "./mask-error.ts";
import { createSchema } from "./schema.ts";

const schema = createSchema();

function check(source: string, limits = {}) {
  return validate(schema, parse(source), [...specifiedRules, ...queryLimitRules(schema, limits)]).map((e) =>
    maskError(e),
  );
}

describe("depth and cost limits", () => {
  it("accepts ordinary queries", () => {
    expect(
      check(`{ products(first: 100) { nodes { name categories(first: 100) { nodes { name } } } } }`),
    ).toEqual([]);
  });

  it("refuses a query deeper than maxDepth with QUERY_TOO_COMPLEX", () => {
    const deep = `{ category(id: 1) { products { nodes { categories { nodes { name } } } } } }`;
    const [error] = check(deep, { maxDepth: 5 });
    expect(error?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(error?.message).toMatch(/depth 6 exceeds the limit of 5/);
    expect(check(deep, { maxDepth: 6 })).toEqual([]);
  });

  it("refuses a query costlier than maxCost, counting page sizes", () => {
    const wide = `{ products(first: 100) { nodes { categories(first: 100) { nodes { products(first: 100) { nodes { name } } } } } } }`;
    const [error] = check(wide);
    expect(error?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(error?.message).toMatch(/cost \d+ exceeds the limit of 100000/);
  });

  it("counts a variable page size as the maximum page size", () => {
    const source = `query ($n: Int) { products(first: $n) { nodes { name } } }`;
    // products 1 + nodes 100 + name 100
    expect(check(source, { maxCost: 201 })).toEqual([]);
    expect(check(source, { maxCost: 200 })[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("follows fragments and ignores introspection", () => {
    const source = `{ __schema { types { fields { type { ofType { ofType { name } } } } } } products { ...F } } fragment F on ProductConnection { nodes { name } }`;
    expect(check(source, { maxDepth: 3 })).toEqual([]);
    expect(check(source, { maxDepth: 2 })[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});
