import { describe, expect, it } from "vitest";
import { parseExamples, partialMismatches, textMatches } from "./http-examples.ts";

describe("the guide's example format", () => {
  it("reads a request block and its response block", () => {
    const markdown = [
      "```http",
      "POST /v1/books HTTP/1.1",
      "Content-Type: application/json",
      "",
      '{ "isbn": "x" }',
      "```",
      "",
      "```http",
      "HTTP/1.1 201 Created",
      "Location: http://h/v1/books/…",
      "",
      '{ "books": ["…"] }',
      "```",
    ].join("\n");
    expect(parseExamples(markdown)).toEqual([
      {
        line: 1,
        request: {
          method: "POST",
          path: "/v1/books",
          headers: [["Content-Type", "application/json"]],
          body: '{ "isbn": "x" }',
        },
        response: { status: 201, headers: [["Location", "http://h/v1/books/…"]], body: { books: ["…"] } },
      },
    ]);
    expect(() => parseExamples("```http\nGET /v1 HTTP/1.1\n```\n")).toThrow(/followed by a response/);
  });

  it("lets … stand for any text in a header or string", () => {
    expect(textMatches('<a>; rel="next", …', '<a>; rel="next", <b>; rel="service"')).toBe(true);
    expect(textMatches('<a>; rel="next", …', '<b>; rel="next"')).toBe(false);
    expect(textMatches("a.b", "axb")).toBe(false);
  });

  it("matches shown bodies as subsets, and reports what differs", () => {
    const actual = { a: 1, list: [{ id: 1, x: 1 }, { id: 2 }, { id: 3 }], s: "2026-01-01" };
    expect(partialMismatches({ a: 1, list: [{ id: 1 }, { id: 3 }, "…"], s: "…" }, actual)).toEqual([]);
    expect(partialMismatches({ list: [{ id: 3 }, { id: 1 }, "…"] }, actual)).toEqual([
      'body.list[1]: no element matches {"id":1}',
    ]);
    expect(partialMismatches({ list: [{ id: 1 }] }, actual)).toEqual([
      "body.list: expected 1 elements, got 3",
    ]);
    expect(partialMismatches({ a: 2, b: 1 }, actual)).toEqual([
      "body.a: expected 2, got 1",
      "body.b: missing",
    ]);
  });
});
