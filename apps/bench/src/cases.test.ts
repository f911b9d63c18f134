import { describe, expect, it } from "vitest";
import { type BenchCase, benchCases, SCENARIOS, type Scenario } from "./cases.ts";
import type { SubjectKind } from "./subjects/load-subject.ts";

const cases = benchCases({ deepAfterId: 29_980 });
const find = (scenario: Scenario, subject: SubjectKind) =>
  cases.find((c) => c.scenario === scenario && c.subject === subject) as BenchCase;

describe("benchCases", () => {
  it("runs every scenario through REST, and through GraphQL where GraphQL has a twin", () => {
    for (const scenario of SCENARIOS) {
      const subjects = cases.filter((c) => c.scenario === scenario).map((c) => c.subject);
      expect(subjects, scenario).toContain("rest");
      if (scenario !== "conditional GET (304)") expect(subjects, scenario).toContain("graphql");
    }
  });

  it("gives the hand-written peer the routes a user would write, and the raw baseline one statement each", () => {
    const of = (subject: SubjectKind) => cases.filter((c) => c.subject === subject).map((c) => c.scenario);
    expect(of("hand")).toEqual([
      "one product",
      "50 products + categories",
      "relation list",
      "filter + sort",
      "first page",
      "deep page",
    ]);
    expect(of("raw")).toEqual([
      "one product",
      "50 products + categories",
      "relation list",
      "filter + sort",
      "zoom",
    ]);
  });

  it("revalidates with the ETag and expects 304; creates with a token and unique names", () => {
    expect(find("conditional GET (304)", "rest")).toMatchObject({ status: 304, revalidate: true });
    for (const subject of ["sofa", "rest", "graphql"] as const) {
      expect(find("create", subject), subject).toMatchObject({ admin: true, uniqueBody: true });
      expect(find("create", subject).body, subject).toContain("[<id>]");
    }
  });

  it("pages after the deep product by keyset in every subject", () => {
    expect(find("deep page", "hand").path).toBe("/products?after=29980");
    expect(find("deep page", "rest").path).toMatch(/^\/v1\/products\?cursor=[\w-]+$/);
    expect(JSON.parse(find("deep page", "graphql").body ?? "").variables.after).toMatch(/^[\w-]+$/);
  });

  it("refuses answers that are not the data asked for", () => {
    const products = Array.from({ length: 50 }, (_, id) => ({ id, name: `p${id}`, categories: [] }));
    expect(() => find("one product", "raw").check({ name: "The Amazing Widget" })).not.toThrow();
    expect(() => find("50 products + categories", "raw").check({ items: products })).not.toThrow();
    expect(() => find("50 products + categories", "raw").check({ items: products.slice(1) })).toThrow(
      /50 products/,
    );
    expect(() => find("one product", "rest").check({ products: [{}] })).toThrow(/no product/);
    expect(() => find("50 products + categories", "rest").check({ products })).toThrow(/without categories/);
    expect(() => find("one product", "graphql").check({ errors: [{ message: "boom" }] })).toThrow(
      /no product/,
    );
    expect(() => find("relation list", "hand").check({ products: products.slice(0, 21) })).toThrow(
      /up to 20/,
    );
    expect(() => find("relation list", "hand").check({ products: [] })).toThrow(/up to 20/);
    expect(() => find("summary view", "rest").check({ summary: {} })).toThrow(/count/);
    expect(() =>
      find("zoom", "graphql").check({ data: { product: { name: "x", categories: { nodes: [] } } } }),
    ).toThrow(/without categories/);
    expect(() =>
      find("50 products + categories", "graphql").check({
        data: { products: { nodes: products.map((p) => ({ ...p, categories: { nodes: [] } })) } },
      }),
    ).not.toThrow();
  });
});
