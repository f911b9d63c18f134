import { describe, expect, it } from "vitest";
import { preferences } from "./prefer.ts";

describe("Prefer (RFC 7240)", () => {
  it.each([
    ["count=exact", "exact"],
    ["return=minimal, count=estimated", "estimated"],
    ['COUNT="exact"; foo=bar', "exact"],
    [" count = exact ", "exact"],
    ["count=exact, count=estimated", "exact"],
    ["count", ""],
  ])("%s gives count %s", (header, count) => {
    expect(preferences(header).get("count")).toBe(count);
  });

  it("reads several header lines, and skips what it cannot read", () => {
    const found = preferences(["respond-async", "count=exact", "wait=", "=x", 'handling="lenient'] as const);
    expect([...found.entries()]).toEqual([
      ["respond-async", ""],
      ["count", "exact"],
    ]);
    expect(preferences(undefined).size).toBe(0);
  });
});
