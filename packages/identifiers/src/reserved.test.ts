import { describe, expect, it } from "vitest";
import { isReservedWord, RESERVED_WORDS } from "./reserved.ts";

describe("reserved words", () => {
  it("cover the fixed REST path segments", () => {
    for (const word of ["definition", "views", "openapi.json", "problems", "new", "me"])
      expect(RESERVED_WORDS.has(word)).toBe(true);
  });

  it("are stored lowercase", () => {
    for (const word of RESERVED_WORDS) expect(word).toBe(word.toLowerCase());
  });

  it.each(["definition", "Definition", "VIEWS", "OpenAPI.JSON", "mE"])("%j is reserved", (segment) => {
    expect(isReservedWord(segment)).toBe(true);
  });

  it.each(["", "definitions", "view", "viewer", " me", "me/", "newt"])("%j is not reserved", (segment) => {
    expect(isReservedWord(segment)).toBe(false);
  });
});
