import { describe, expect, it } from "vitest";
import { benchCases, SCENARIOS } from "./cases.ts";

describe("benchCases", () => {
  it("runs every scenario through the baseline, REST and GraphQL", () => {
    const cases = benchCases();
    for (const scenario of SCENARIOS)
      expect(cases.filter((c) => c.scenario === scenario).map((c) => c.subject)).toEqual([
        "raw",
        "rest",
        "graphql",
      ]);
  });

  it("refuses answers that are not the data asked for", () => {
    const [rawOne, rawList, restOne, restList, graphqlOne, graphqlList] = benchCases();
    const products = Array.from({ length: 50 }, (_, id) => ({ id, categories: [] }));
    expect(() => rawOne?.check({ name: "The Amazing Widget" })).not.toThrow();
    expect(() => rawList?.check({ items: products })).not.toThrow();
    expect(() => rawList?.check({ items: products.slice(1) })).toThrow(/50 products/);
    expect(() => restOne?.check({ products: [{}] })).toThrow(/no product/);
    expect(() => restList?.check({ products })).toThrow(/without categories/);
    expect(() => graphqlOne?.check({ errors: [{ message: "boom" }] })).toThrow(/no product/);
    expect(() =>
      graphqlList?.check({
        data: { products: { nodes: products.map(() => ({ categories: { nodes: [] } })) } },
      }),
    ).not.toThrow();
  });
});
