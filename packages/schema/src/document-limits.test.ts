import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { documentLimitError } from "./document-limits.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { maskError } from "./mask-error.ts";

const check = (text: string, limits = {}) => {
  const error = documentLimitError(text, { ...DEFAULT_LIMITS, ...limits });
  return error && maskError(error);
};

describe("bad input that still reaches a 500: a document nested thousands deep", () => {
  const nestedWhere = (depth: number) =>
    `{ products(first: 5, where: ${"{ AND: ".repeat(depth)}{}${" }".repeat(depth)}) { totalCount } }`;

  it("is refused before parsing, naming the argument, where the parser would overflow its stack", () => {
    const text = nestedWhere(3_000);
    expect(() => parse(text)).toThrow(/call stack/);
    expect(check(text)).toMatchObject({
      message: expect.stringContaining("where is nested more than 16 levels deep"),
      extensions: { code: "BAD_USER_INPUT", argumentName: "where" },
    });
  });

  it("accepts an argument nested exactly to the limit", () => {
    expect(check(nestedWhere(15))).toBeUndefined();
    expect(check(nestedWhere(16))?.extensions?.argumentName).toBe("where");
  });

  it("refuses selections nested deeper than maxNesting", () => {
    const text = `${"{ a ".repeat(3_000)}${"}".repeat(3_000)}`;
    expect(check(text)).toMatchObject({
      message: "The document nests brackets more than 64 levels deep.",
      extensions: { code: "QUERY_TOO_COMPLEX" },
    });
  });
});

describe("one GraphQL request freezes both APIs: document size", () => {
  it("refuses a document longer than maxDocumentLength without reading it", () => {
    expect(check(`{ a }${" ".repeat(100_000)}`)).toMatchObject({
      message: "The document is 100005 characters long; the limit is 100000.",
      extensions: { code: "QUERY_TOO_COMPLEX" },
    });
  });

  it("refuses more tokens than maxTokens", () => {
    const text = `{ ${"a ".repeat(10)}}`;
    expect(check(text, { maxTokens: 12 })).toBeUndefined();
    expect(check(text, { maxTokens: 11 })).toMatchObject({
      message: "The document has more than 11 tokens.",
      extensions: { code: "QUERY_TOO_COMPLEX" },
    });
  });

  it("leaves syntax errors to the parser", () => {
    expect(check(`{ a(b: "unterminated) }`)).toBeUndefined();
  });
});
