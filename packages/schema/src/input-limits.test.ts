import { parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { variableLimitError } from "./input-limits.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { maskError } from "./mask-error.ts";
import { queryLimitRules } from "./query-limit-rules.ts";
import { createSchema } from "./schema.ts";

const schema = createSchema();
const check = (source: string) =>
  validate(schema, parse(source), [...specifiedRules, ...queryLimitRules(schema)]).map((e) => maskError(e));
const nestedAnd = (depth: number): Record<string, unknown> =>
  depth === 0 ? { id: { gte: 1 } } : { AND: [nestedAnd(depth - 1)] };
const ids = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe("bad input that still reaches a 500: deep filters and huge lists", () => {
  it("refuses a literal where nested 80 deep, naming the argument", () => {
    const where = `${"{ AND: [".repeat(80)}{ id: { gte: 1 } }${"] }".repeat(80)}`;
    const [error] = check(`{ products(where: ${where}) { totalCount } }`);
    expect(error).toMatchObject({
      message: "Invalid argument: where is nested more than 16 levels deep.",
      extensions: { code: "BAD_USER_INPUT", argumentName: "where" },
    });
  });

  it("refuses a literal in: list longer than maxListLength, naming its path", () => {
    const [error] = check(`{ products(where: { id: { in: [${ids(32_767).join(",")}] } }) { totalCount } }`);
    expect(error).toMatchObject({
      extensions: {
        code: "BAD_USER_INPUT",
        argumentName: "where",
        field: "id.in",
        reason: "has 32767 items; at most 1000 are allowed",
      },
    });
  });

  it("accepts literals within the limits", () => {
    const where = `${"{ AND: [".repeat(6)}{ id: { in: [${ids(1_000).join(",")}] } }${"] }".repeat(6)}`;
    expect(check(`{ products(where: ${where}) { totalCount } }`)).toEqual([]);
  });

  const listQuery = parse(`query ($where: ProductFilter) { products(where: $where) { totalCount } }`);

  it("refuses variables nested too deep or with lists too long, naming where they are used", () => {
    const deep = variableLimitError(listQuery, { where: nestedAnd(80) }, DEFAULT_LIMITS);
    expect(deep && maskError(deep)).toMatchObject({
      extensions: {
        code: "BAD_USER_INPUT",
        argumentName: "where",
        reason: "is nested more than 16 levels deep",
      },
    });
    const long = variableLimitError(listQuery, { where: { id: { in: ids(40_000) } } }, DEFAULT_LIMITS);
    expect(long && maskError(long)).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", argumentName: "where", field: "id.in" },
    });
  });

  it("names a variable by the argument path it stands at", () => {
    const slots = parse(`query ($w: IntFilter) { products(where: { id: $w }) { totalCount } }`);
    const error = variableLimitError(slots, { w: { in: ids(1_001) } }, DEFAULT_LIMITS);
    expect(error && maskError(error).extensions).toMatchObject({ argumentName: "where", field: "id.in" });
  });

  it("accepts variables within the limits", () => {
    expect(variableLimitError(listQuery, { where: nestedAnd(7) }, DEFAULT_LIMITS)).toBeUndefined();
    expect(
      variableLimitError(listQuery, { where: { id: { in: ids(1_000) } } }, DEFAULT_LIMITS),
    ).toBeUndefined();
  });
});
