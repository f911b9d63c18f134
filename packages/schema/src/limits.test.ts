import { getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { maskError } from "./mask-error.ts";
import { queryLimitRules } from "./query-limit-rules.ts";
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

/** `fragment F0 on Product { name ...F1 ...F1 }` and so on: 2^count names once expanded. */
function doublingFragments(count: number): string {
  let fragments = "";
  for (let i = 0; i < count; i++)
    fragments += `fragment F${i} on Product { name ${i + 1 < count ? `...F${i + 1} ...F${i + 1}` : ""} }\n`;
  return `{ product(id: 1) { ...F0 } }\n${fragments}`;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe("one GraphQL request freezes both APIs", () => {
  it("measures fragments that each spread the next twice without expanding them", () => {
    const { value: errors, ms } = timed(() => check(doublingFragments(25)));
    expect(errors[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(errors[0]?.message).toMatch(/cost \d+ exceeds/);
    expect(ms).toBeLessThan(1_000);
  });

  it("still counts a fragment's cost and depth once per spread", () => {
    // products 1 + nodes 20 + 3 spreads of (name 20)
    const source = `{ products { nodes { ...N ...N2 } } } fragment N on Product { name ...N2 } fragment N2 on Product { name }`;
    expect(check(source, { maxCost: 81 })).toEqual([]);
    expect(check(source, { maxCost: 80 })[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(check(source, { maxDepth: 2 })[0]?.message).toMatch(/depth 3 exceeds/);
  });

  it("refuses more aliases than maxAliases, counted through fragments", () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: name`).join(" ");
    const source = `{ product(id: 1) { ...A ...A } } fragment A on Product { ${aliases(3)} }`;
    expect(check(source, { maxAliases: 6 })).toEqual([]);
    const [error] = check(source, { maxAliases: 5 });
    expect(error).toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX" } });
    expect(error?.message).toMatch(/6 aliases exceed the limit of 5/);
  });

  it("counts introspection in the cost: the full introspection query passes, many copies do not", () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(check(full)).toEqual([]);
    // The same answer under fifteen aliases: fifteen times its cost.
    const selection = full.slice(
      full.indexOf("__schema"),
      full.lastIndexOf("}", full.indexOf("fragment FullType")),
    );
    const fragments = full.slice(full.indexOf("fragment FullType"));
    const copies = Array.from({ length: 15 }, (_, i) => `s${i}: ${selection}`).join(" ");
    const source = `{ ${copies} } ${fragments}`;
    const { value: errors, ms } = timed(() => check(source));
    expect(errors[0]).toMatchObject({
      message: "Introspection would answer more than 30000 fields.",
      extensions: { code: "QUERY_TOO_COMPLEX" },
    });
    expect(ms).toBeLessThan(1_000);
    const twice = `{ ${copies.split(" s2: ")[0]} } ${fragments}`;
    expect(check(twice)).toEqual([]);
  });
});
